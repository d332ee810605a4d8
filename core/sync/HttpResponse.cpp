#include "HttpResponse.h"

namespace roster {

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const HttpHeader& h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

bool HttpResponse::hasHeader(QByteArrayView name) const
{
    for (const HttpHeader& h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool HttpResponse::isJson() const
{
    const QByteArray type = header("Content-Type").toLower();
    if (type.contains("json"))
        return true;
    // Servers forget the header; a body that opens like JSON is read as JSON.
    const QByteArray trimmed = body.trimmed();
    return type.isEmpty() && (trimmed.startsWith('{') || trimmed.startsWith('['));
}

HttpResponse HttpResponse::json(int status, const QByteArray& body)
{
    return HttpResponse {status, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}}, body};
}

HttpResponse HttpResponse::text(int status, const QByteArray& body)
{
    return HttpResponse {
        status, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")}}, body};
}

} // namespace roster
