#include "HttpRequestSpec.h"

#include <QJsonDocument>

namespace roster {

QByteArray HttpRequestSpec::methodName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get:
        return QByteArrayLiteral("GET");
    case HttpMethod::Post:
        return QByteArrayLiteral("POST");
    case HttpMethod::Put:
        return QByteArrayLiteral("PUT");
    case HttpMethod::Patch:
        return QByteArrayLiteral("PATCH");
    case HttpMethod::Delete:
        return QByteArrayLiteral("DELETE");
    }
    return QByteArrayLiteral("GET");
}

QJsonObject HttpRequestSpec::jsonBody() const
{
    return QJsonDocument::fromJson(body).object();
}

void HttpRequestSpec::setJsonBody(const QJsonObject& object)
{
    body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
}

} // namespace roster
