#include "JsonReader.h"

#include <QJsonDocument>

#include <cmath>

namespace roster {

Result<QJsonValue> JsonReader::value(const QByteArray& body)
{
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(ErrorCode::ParseError, QStringLiteral("reply is not JSON: ") + error.errorString());
    if (doc.isArray())
        return QJsonValue(doc.array());
    if (doc.isObject())
        return QJsonValue(doc.object());
    return fail(ErrorCode::ParseError, QStringLiteral("reply is empty"));
}

Result<QJsonObject> JsonReader::object(const QByteArray& body)
{
    auto parsed = value(body);
    if (!parsed)
        return std::unexpected(parsed.error());
    if (!parsed->isObject())
        return fail(ErrorCode::ParseError, QStringLiteral("reply is not a JSON object"));
    return parsed->toObject();
}

QString JsonReader::text(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (std::isfinite(number) && number == std::floor(number) && std::fabs(number) < 1e15)
            return QString::number(static_cast<qint64>(number));
        return QString::number(number, 'g', 15);
    }
    case QJsonValue::Bool:
        return booleanText(value.toBool());
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue& item : value.toArray()) {
            const QString part = text(item);
            if (!part.isEmpty())
                parts << part;
        }
        return parts.join(QStringLiteral(", "));
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.contains(QLatin1String("value")))
            return text(object.value(QLatin1String("value")));
        return {};
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    }
    return {};
}

QString JsonReader::firstText(const QJsonObject& object, std::initializer_list<QLatin1String> keys)
{
    for (QLatin1String key : keys) {
        const QString found = text(object.value(key));
        if (!found.isEmpty())
            return found;
    }
    return {};
}

std::optional<bool> JsonReader::parseBooleanText(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("true") || t == QLatin1String("1") || t == QLatin1String("yes"))
        return true;
    if (t == QLatin1String("false") || t == QLatin1String("0") || t == QLatin1String("no"))
        return false;
    return std::nullopt;
}

std::optional<bool> JsonReader::boolean(const QJsonValue& value)
{
    if (value.isBool())
        return value.toBool();
    if (value.isDouble())
        return value.toDouble() != 0.0;
    if (value.isString())
        return parseBooleanText(value.toString());
    return std::nullopt;
}

QDateTime JsonReader::dateTime(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (!std::isfinite(number) || number <= 0)
            return {};
        // Below 1e11 a count of seconds (until the year 5138); above, milliseconds.
        const auto ms = static_cast<qint64>(number < 1e11 ? number * 1000.0 : number);
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    }
    if (value.isString()) {
        QDateTime parsed = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        if (!parsed.isValid())
            parsed = QDateTime::fromString(value.toString(), Qt::ISODate);
        return parsed.isValid() ? parsed.toUTC() : QDateTime();
    }
    return {};
}

QStringList JsonReader::stringList(const QJsonValue& value)
{
    QStringList list;
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray()) {
            const QString t = item.isObject()
                ? firstText(item.toObject(), {QLatin1String("value"), QLatin1String("name")})
                : text(item);
            if (!t.isEmpty())
                list << t;
        }
    } else if (value.isString() && !value.toString().isEmpty()) {
        list << value.toString();
    }
    return list;
}

} // namespace roster
