#include "RemoteError.h"

#include "JsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace roster {

namespace {

constexpr qsizetype kMaxMessage = 500;

QString shortened(QString text)
{
    text = text.simplified();
    if (text.size() > kMaxMessage)
        text = text.left(kMaxMessage) + QStringLiteral("…");
    return text;
}

QString messageText(const QJsonValue& value)
{
    if (value.isArray()) {
        QStringList parts;
        for (const QJsonValue& item : value.toArray())
            parts << JsonReader::text(item);
        parts.removeAll(QString());
        return parts.join(QStringLiteral("; "));
    }
    return JsonReader::text(value);
}

void readDetails(RemoteError& error, const QJsonObject& data)
{
    error.data = data;
    for (auto it = data.begin(); it != data.end(); ++it)
        error.details << it.key() + QStringLiteral(": ") + messageText(it.value());
}

} // namespace

RemoteError RemoteError::parse(const HttpResponse& response)
{
    RemoteError error;
    error.status = response.status;
    const QJsonDocument doc = QJsonDocument::fromJson(response.body);
    if (!doc.isObject()) {
        // text/plain (lemlist), HTML from a proxy, or nothing at all.
        error.message = shortened(QString::fromUtf8(response.body));
        if (doc.isArray())
            error.message = shortened(messageText(doc.array()));
        return error;
    }
    const QJsonObject root = doc.object();
    const QJsonValue inner = root.value(QLatin1String("error"));
    if (inner.isObject()) {
        const QJsonObject e = inner.toObject();
        error.code = JsonReader::firstText(e, {QLatin1String("code"), QLatin1String("reason"), QLatin1String("type")});
        error.message = messageText(e.value(QLatin1String("message")));
        if (e.value(QLatin1String("data")).isObject())
            readDetails(error, e.value(QLatin1String("data")).toObject());
    } else if (inner.isString() && !root.contains(QLatin1String("message"))) {
        error.message = inner.toString();
    } else if (inner.isString()) {
        error.code = inner.toString(); // HighLevel: {statusCode, message, error:"Unprocessable Entity"}
    }
    if (error.message.isEmpty())
        error.message = messageText(root.value(QLatin1String("message")));
    if (error.message.isEmpty())
        error.message = messageText(root.value(QLatin1String("detail")));
    if (error.code.isEmpty() && root.value(QLatin1String("code")).isString())
        error.code = root.value(QLatin1String("code")).toString();
    error.message = shortened(error.message);
    return error;
}

QString RemoteError::summary() const
{
    QString text = QString::number(status);
    if (!code.isEmpty())
        text += QLatin1Char(' ') + code;
    if (!message.isEmpty())
        text += QStringLiteral(": ") + message;
    if (!details.isEmpty())
        text += QStringLiteral(" (") + shortened(details.join(QStringLiteral("; "))) + QLatin1Char(')');
    return text;
}

ErrorCode RemoteError::codeForStatus(int status)
{
    if (status == 401 || status == 403)
        return ErrorCode::AuthenticationFailed;
    if (status == 404 || status == 410)
        return ErrorCode::ContactNotFound;
    if (status == 408)
        return ErrorCode::Timeout;
    if (status == 429)
        return ErrorCode::RateLimited;
    if (status >= 400 && status < 500)
        return ErrorCode::RemoteValidation;
    return ErrorCode::HttpError;
}

Error RemoteError::toError(ErrorCode errorCode, const QString& field) const
{
    return Error {errorCode, field, summary()};
}

} // namespace roster
