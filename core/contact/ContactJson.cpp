#include "ContactJson.h"

#include <QJsonArray>

namespace roster {

QJsonObject ContactJson::toJson(const Contact& contact)
{
    QJsonObject object;
    object.insert(QStringLiteral("id"), contact.id);
    object.insert(QStringLiteral("uid"), contact.uid);
    for (const FieldInfo& info : FieldRegistry::all()) {
        const QString& value = contact.value(info.field);
        if (value.isEmpty())
            continue;
        const QString name = QString::fromLatin1(info.name);
        if (info.kind == FieldKind::Boolean)
            object.insert(name, value == QLatin1String("true"));
        else
            object.insert(name, value);
    }
    if (!contact.extraEmails.isEmpty())
        object.insert(FieldRegistry::extraEmailsName(), QJsonArray::fromStringList(contact.extraEmails));
    if (!contact.extraPhones.isEmpty()) {
        QJsonArray phones;
        for (const PhoneEntry& phone : contact.extraPhones) {
            QJsonObject entry {{QStringLiteral("number"), phone.number}};
            entry.insert(QStringLiteral("type"),
                         phone.type == PhoneType::None ? QJsonValue() : QJsonValue(PhoneTypes::name(phone.type)));
            phones.append(entry);
        }
        object.insert(FieldRegistry::extraPhonesName(), phones);
    }
    if (!contact.extraWebsites.isEmpty())
        object.insert(FieldRegistry::extraWebsitesName(), QJsonArray::fromStringList(contact.extraWebsites));
    if (!contact.tags.isEmpty())
        object.insert(FieldRegistry::tagsName(), QJsonArray::fromStringList(contact.tags));
    if (!contact.custom.isEmpty()) {
        QJsonObject custom;
        for (auto it = contact.custom.cbegin(); it != contact.custom.cend(); ++it)
            custom.insert(it.key(), it.value());
        object.insert(QStringLiteral("custom"), custom);
    }
    return object;
}

} // namespace roster
