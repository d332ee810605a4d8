#pragma once

#include "contact/Error.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace roster {

// Tolerant reading of remote JSON: a CRM that sends a number where a string was documented, null, or a
// nested object must never crash the sync nor lose the rest of the record.
class JsonReader final
{
public:
    // The body as an object; ParseError when it is not JSON or not an object.
    static Result<QJsonObject> object(const QByteArray& body);
    // The body as any JSON value (object or array); ParseError otherwise.
    static Result<QJsonValue> value(const QByteArray& body);

    // Strings as they are, numbers without a trailing ".0", booleans as "true"/"false", arrays of scalars
    // joined with ", ", objects with a "value" key by that value; anything else empty.
    static QString text(const QJsonValue& value);
    // The first of `keys` present with a non-empty text.
    static QString firstText(const QJsonObject& object, std::initializer_list<QLatin1String> keys);
    // true/false from a JSON bool, a number or a string ("true", "1", "yes").
    static std::optional<bool> boolean(const QJsonValue& value);
    // ISO 8601 text, or a Unix time in seconds or milliseconds.
    static QDateTime dateTime(const QJsonValue& value);
    static QStringList stringList(const QJsonValue& value);

    // "true"/"false" for a contact's boolean field text; nothing when the text is not a boolean.
    static std::optional<bool> parseBooleanText(const QString& text);
    static QString booleanText(bool value) { return value ? QStringLiteral("true") : QStringLiteral("false"); }
};

} // namespace roster
