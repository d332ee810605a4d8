#include "ThreeWayMerge.h"

#include <QJsonArray>
#include <QSet>

namespace roster {

namespace {

QSet<QString> asSet(const QJsonValue& value)
{
    QSet<QString> set;
    for (const QJsonValue& item : value.toArray())
        set.insert(item.toString());
    return set;
}

ThreeWayMerge::FieldResult mergeList(ThreeWayMerge::FieldResult r, bool remoteSent)
{
    const QSet<QString> base = asSet(r.base);
    const QSet<QString> local = asSet(r.local);
    QSet<QString> merged = local;
    if (remoteSent)
        merged.unite(asSet(r.remote) - base);
    r.merged = FieldValues::list(QStringList(merged.cbegin(), merged.cend()));
    if (r.merged != r.local)
        r.action = ThreeWayMerge::Action::TakeRemote;
    else if (r.local != r.base && (!remoteSent || r.merged != r.remote))
        r.action = ThreeWayMerge::Action::PushLocal;
    else if (r.local != r.base)
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
                                                       const FieldMap& remote, Policy policy)
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
        FieldResult r = mergeField(field, FieldValues::value(base, field), FieldValues::value(local, field),
                                   sent == remote.cend() ? std::nullopt : std::optional<QJsonValue>(*sent), policy);
        if (r.action != Action::None)
            out << r;
    }
    return out;
}

} // namespace roster
