#include "CustomFieldDefinition.h"

namespace roster {

QString CustomFieldDefinition::keyFromName(const QString& name)
{
    QString key;
    bool pendingSeparator = false;
    for (QChar c : name.toLower()) {
        const bool keep = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-';
        if (!keep) {
            pendingSeparator = !key.isEmpty();
            continue;
        }
        if (pendingSeparator)
            key += QLatin1Char('_');
        pendingSeparator = false;
        key += c;
    }
    return key.left(64);
}

const CustomFieldDefinition* CustomFieldDefinition::byKey(const QList<CustomFieldDefinition>& list, const QString& key)
{
    for (const CustomFieldDefinition& d : list) {
        if (d.key == key)
            return &d;
    }
    return nullptr;
}

const CustomFieldDefinition* CustomFieldDefinition::byRemoteId(const QList<CustomFieldDefinition>& list,
                                                               const QString& id)
{
    if (id.isEmpty())
        return nullptr;
    for (const CustomFieldDefinition& d : list) {
        if (d.remoteId == id)
            return &d;
    }
    return nullptr;
}

const CustomFieldDefinition* CustomFieldDefinition::byRemoteKey(const QList<CustomFieldDefinition>& list,
                                                                const QString& key)
{
    if (key.isEmpty())
        return nullptr;
    for (const CustomFieldDefinition& d : list) {
        if (d.remoteKey == key)
            return &d;
    }
    return nullptr;
}

} // namespace roster
