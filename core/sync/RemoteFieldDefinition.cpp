#include "RemoteFieldDefinition.h"

namespace roster {

QString RemoteFieldDefinition::keyFromName(const QString& name)
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

const RemoteFieldDefinition::Option* RemoteFieldDefinition::findOption(const QList<Option>& options,
                                                                       const QString& value)
{
    const QString wanted = value.trimmed();
    for (const Option& o : options) {
        if (o.key == wanted || o.label == wanted)
            return &o;
    }
    for (const Option& o : options) {
        if (o.key.compare(wanted, Qt::CaseInsensitive) == 0 || o.label.compare(wanted, Qt::CaseInsensitive) == 0)
            return &o;
    }
    return nullptr;
}

const RemoteFieldDefinition* RemoteFieldDefinition::byKey(const QList<RemoteFieldDefinition>& list, const QString& key)
{
    for (const RemoteFieldDefinition& d : list) {
        if (d.key == key)
            return &d;
    }
    return nullptr;
}

const RemoteFieldDefinition* RemoteFieldDefinition::byRemoteId(const QList<RemoteFieldDefinition>& list,
                                                               const QString& id)
{
    if (id.isEmpty())
        return nullptr;
    for (const RemoteFieldDefinition& d : list) {
        if (d.remoteId == id)
            return &d;
    }
    return nullptr;
}

const RemoteFieldDefinition* RemoteFieldDefinition::byRemoteKey(const QList<RemoteFieldDefinition>& list,
                                                                const QString& key)
{
    if (key.isEmpty())
        return nullptr;
    for (const RemoteFieldDefinition& d : list) {
        if (d.remoteKey == key)
            return &d;
    }
    return nullptr;
}

} // namespace roster
