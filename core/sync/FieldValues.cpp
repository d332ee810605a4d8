#include "FieldValues.h"

#include "contact/ContactJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace roster {

namespace {

QString customKey(const QString& field)
{
    return field.startsWith(FieldRegistry::customPrefix()) ? field.mid(FieldRegistry::customPrefix().size())
                                                           : QString();
}

QStringList toStrings(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& item : value.toArray())
        out << item.toString();
    return out;
}

} // namespace

bool FieldValues::isList(const QString& field)
{
    return field == FieldRegistry::tagsName() || field == FieldRegistry::extraEmailsName();
}

QJsonValue FieldValues::text(const QString& value)
{
    const QString trimmed = value.trimmed();
    return trimmed.isEmpty() ? QJsonValue() : QJsonValue(trimmed);
}

QJsonValue FieldValues::list(QStringList values)
{
    for (QString& v : values)
        v = v.trimmed();
    values.removeAll(QString());
    values.sort();
    values.removeDuplicates();
    return values.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(values));
}

QString FieldValues::display(const QJsonValue& value)
{
    if (value.isArray())
        return toStrings(value).join(QStringLiteral(", "));
    return value.toString();
}

FieldMap FieldValues::fromContact(const Contact& contact)
{
    FieldMap map;
    for (const FieldInfo& info : FieldRegistry::all()) {
        const QJsonValue v = text(contact.value(info.field));
        if (!v.isNull())
            map.insert(QString::fromLatin1(info.name), v);
    }
    if (const QJsonValue v = list(contact.extraEmails); !v.isNull())
        map.insert(FieldRegistry::extraEmailsName(), v);
    if (const QJsonValue v = list(contact.tags); !v.isNull())
        map.insert(FieldRegistry::tagsName(), v);
    for (auto it = contact.custom.cbegin(); it != contact.custom.cend(); ++it) {
        if (const QJsonValue v = text(it.value()); !v.isNull())
            map.insert(FieldRegistry::customPrefix() + it.key(), v);
    }
    return map;
}

FieldMap FieldValues::fromSnapshot(const QString& snapshot)
{
    FieldMap map;
    const QJsonObject object = QJsonDocument::fromJson(snapshot.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString& key = it.key();
        if (key == QLatin1String("id") || key == QLatin1String("uid"))
            continue;
        if (key == QLatin1String("custom")) {
            const QJsonObject custom = it.value().toObject();
            for (auto c = custom.begin(); c != custom.end(); ++c) {
                if (const QJsonValue v = text(c.value().toString()); !v.isNull())
                    map.insert(FieldRegistry::customPrefix() + c.key(), v);
            }
        } else if (isList(key)) {
            if (const QJsonValue v = list(toStrings(it.value())); !v.isNull())
                map.insert(key, v);
        } else if (it.value().isBool()) {
            map.insert(key, it.value().toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        } else if (const QJsonValue v = text(it.value().toString()); !v.isNull()) {
            map.insert(key, v);
        }
    }
    return map;
}

FieldMap FieldValues::fromPatch(const ContactPatch& patch)
{
    FieldMap map;
    for (const FieldInfo& info : FieldRegistry::all()) {
        if (patch.has(info.field) || patch.isCleared(info.field))
            map.insert(QString::fromLatin1(info.name), text(patch.value(info.field)));
    }
    if (patch.hasExtraEmails())
        map.insert(FieldRegistry::extraEmailsName(), list(patch.extraEmails()));
    if (patch.hasTags())
        map.insert(FieldRegistry::tagsName(), list(patch.tags()));
    for (auto it = patch.custom().cbegin(); it != patch.custom().cend(); ++it)
        map.insert(FieldRegistry::customPrefix() + it.key(), text(it.value()));
    for (const QString& key : patch.clearedCustom())
        map.insert(FieldRegistry::customPrefix() + key, QJsonValue());
    return map;
}

QJsonValue FieldValues::value(const FieldMap& map, const QString& field)
{
    return map.value(field, QJsonValue());
}

bool FieldValues::putInPatch(ContactPatch& patch, const QString& field, const QJsonValue& value)
{
    if (field == FieldRegistry::tagsName()) {
        patch.setTags(toStrings(value), TagMode::Replace);
        return true;
    }
    if (field == FieldRegistry::extraEmailsName()) {
        patch.setExtraEmails(toStrings(value), TagMode::Replace);
        return true;
    }
    if (const QString key = customKey(field); !key.isEmpty()) {
        if (value.isNull())
            patch.clearCustom(key);
        else
            patch.setCustom(key, value.toString());
        return true;
    }
    const auto f = FieldRegistry::fromName(field);
    if (!f)
        return false;
    if (value.isNull())
        patch.clear(*f);
    else
        patch.set(*f, value.toString());
    return true;
}

bool FieldValues::putInContact(Contact& contact, const QString& field, const QJsonValue& value)
{
    if (field == FieldRegistry::tagsName()) {
        contact.tags = toStrings(value);
        return true;
    }
    if (field == FieldRegistry::extraEmailsName()) {
        contact.extraEmails = toStrings(value);
        return true;
    }
    if (const QString key = customKey(field); !key.isEmpty()) {
        if (value.isNull())
            contact.custom.remove(key);
        else
            contact.custom.insert(key, value.toString());
        return true;
    }
    const auto f = FieldRegistry::fromName(field);
    if (!f)
        return false;
    contact.setValue(*f, value.toString());
    return true;
}

QString FieldValues::withField(const QString& snapshot, const QString& field, const QJsonValue& value)
{
    QJsonObject object = QJsonDocument::fromJson(snapshot.toUtf8()).object();
    if (const QString key = customKey(field); !key.isEmpty()) {
        QJsonObject custom = object.value(QLatin1String("custom")).toObject();
        if (value.isNull())
            custom.remove(key);
        else
            custom.insert(key, value);
        if (custom.isEmpty())
            object.remove(QLatin1String("custom"));
        else
            object.insert(QLatin1String("custom"), custom);
    } else if (value.isNull()) {
        object.remove(field);
    } else {
        object.insert(field, value);
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace roster
