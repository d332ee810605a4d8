#include "ThreeWayMerge.h"

#include <QJsonArray>
#include <QSet>

namespace roster {

namespace {

// Tags and emails compare without case: Monaco answers with its own spelling of a tag name.
QSet<QString> asSet(const QJsonValue& value)
{
    QSet<QString> set;
    for (const QJsonValue& item : value.toArray())
        set.insert(item.toString().toCaseFolded());
    return set;
}

ThreeWayMerge::FieldResult mergeList(ThreeWayMerge::FieldResult r, bool remoteSent)
{
    const QSet<QString> base = asSet(r.base);
    const QSet<QString> local = asSet(r.local);
    QStringList merged;
    for (const QJsonValue& item : r.local.toArray())
        merged << item.toString();
    if (remoteSent) {
        QSet<QString> known = base + local;
        for (const QJsonValue& item : r.remote.toArray()) {
            const QString folded = item.toString().toCaseFolded();
            if (!known.contains(folded)) {
                merged << item.toString();
                known.insert(folded);
            }
        }
    }
    r.merged = FieldValues::list(merged);
    const bool localChanged = local != base;
    if (r.merged != r.local)
        r.action = ThreeWayMerge::Action::TakeRemote;
    else if (localChanged && (!remoteSent || asSet(r.merged) != asSet(r.remote)))
        r.action = ThreeWayMerge::Action::PushLocal;
    else if (localChanged)
        r.action = ThreeWayMerge::Action::Agreed;
    return r;
}

} // namespace

ThreeWayMerge::Policy ThreeWayMerge::policyFromName(const QString& name)
{
    if (name == QLatin1String("local"))
        return Policy::LocalWins;
    if (name == QLatin1String("remote"))
        return Policy::RemoteWins;
    return Policy::Ask;
}

QString ThreeWayMerge::actionName(Action action)
{
    switch (action) {
    case Action::None:
        return QStringLiteral("none");
    case Action::PushLocal:
        return QStringLiteral("push");
    case Action::TakeRemote:
        return QStringLiteral("pull");
    case Action::Agreed:
        return QStringLiteral("agreed");
    case Action::Conflict:
        return QStringLiteral("conflict");
    }
    return {};
}

ThreeWayMerge::FieldResult ThreeWayMerge::mergeField(const QString& field, const QJsonValue& base,
                                                     const QJsonValue& local, const std::optional<QJsonValue>& remote,
                                                     Policy policy)
{
    FieldResult r {field, Action::None, base, local, remote.value_or(base), local, false};
    if (FieldValues::isList(field))
        return mergeList(r, remote.has_value());
    const bool localChanged = local != base;
    const bool remoteChanged = remote && *remote != base;
    if (!remoteChanged) {
        r.action = localChanged ? Action::PushLocal : Action::None;
        return r;
    }
    if (!localChanged) {
        r.action = Action::TakeRemote;
        r.merged = *remote;
        return r;
    }
    if (local == *remote) {
        r.action = Action::Agreed;
        return r;
    }
    switch (policy) {
    case Policy::Ask:
        r.action = Action::Conflict;
        break;
    case Policy::LocalWins:
        r.action = Action::PushLocal;
        r.byPolicy = true;
        break;
    case Policy::RemoteWins:
        r.action = Action::TakeRemote;
        r.merged = *remote;
        r.byPolicy = true;
        break;
    }
    return r;
}

QList<ThreeWayMerge::FieldResult> ThreeWayMerge::merge(const FieldMap& base, const FieldMap& local,
                                                       const FieldMap& remote, Policy policy,
                                                       const QSet<QString>& readInFull)
{
    QSet<QString> fields;
    for (const FieldMap* map : {&base, &local, &remote}) {
        for (auto it = map->cbegin(); it != map->cend(); ++it)
            fields.insert(it.key());
    }
    QStringList sorted(fields.cbegin(), fields.cend());
    sorted.sort();
    QList<FieldResult> out;
    for (const QString& field : std::as_const(sorted)) {
        const auto sent = remote.constFind(field);
        std::optional<QJsonValue> remoteValue;
        if (sent != remote.cend())
            remoteValue = *sent;
        else if (readInFull.contains(field) && !FieldValues::isList(field))
            remoteValue = QJsonValue(); // a full record without it: cleared remotely
        FieldResult r
            = mergeField(field, FieldValues::value(base, field), FieldValues::value(local, field), remoteValue, policy);
        if (r.action != Action::None)
            out << r;
    }
    return out;
}

} // namespace roster
