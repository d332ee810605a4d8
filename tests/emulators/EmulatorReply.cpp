#include "EmulatorReply.h"

#include <QJsonDocument>

namespace roster::emulator {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 204:
        return QByteArrayLiteral("No Content");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    default:
        return QByteArrayLiteral("Status");
    }
}

} // namespace

EmulatorReply EmulatorReply::json(int status, const QJsonObject& object)
{
    EmulatorReply reply;
    reply.status = status;
    reply.contentType = QByteArrayLiteral("application/json; charset=utf-8");
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

EmulatorReply EmulatorReply::json(int status, const QJsonArray& array)
{
    EmulatorReply reply;
    reply.status = status;
    reply.contentType = QByteArrayLiteral("application/json; charset=utf-8");
    reply.body = QJsonDocument(array).toJson(QJsonDocument::Compact);
    return reply;
}

EmulatorReply EmulatorReply::text(int status, const QString& text)
{
    EmulatorReply reply;
    reply.status = status;
    reply.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    reply.body = text.toUtf8();
    return reply;
}

EmulatorReply EmulatorReply::empty(int status)
{
    EmulatorReply reply;
    reply.status = status;
    return reply;
}

void EmulatorReply::setHeader(const QByteArray& name, const QByteArray& value)
{
    for (auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray EmulatorReply::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray EmulatorReply::serialize(bool closeConnection) const
{
    QByteArray out;
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto& [key, value] : headers)
        out += key + ": " + value + "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += body;
    return out;
}

EmulatorReply EmulatorReply::okWithErrorBody()
{
    return json(200,
                QJsonObject {{QStringLiteral("success"), false},
                             {QStringLiteral("error"),
                              QJsonObject {{QStringLiteral("code"), QStringLiteral("INTERNAL_ERROR")},
                                           {QStringLiteral("message"), QStringLiteral("Something went wrong")}}}});
}

} // namespace roster::emulator
