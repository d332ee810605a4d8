#pragma once

#include "FieldValues.h"

#include <QList>
#include <QSet>
#include <QString>

#include <cstdint>
#include <optional>

namespace roster {

// The heart of a two-way sync, as a pure function: per field, the value at the last sync (base), the
// local value and the remote value decide what flows where. No I/O, so every rule is a row of a table.
//
// Scalars: changed on one side only flows to the other; changed on both sides to the same value is
// agreed; changed on both sides differently is a conflict, which the account's policy settles (local or
// remote wins, said so) or leaves to the user (ask). A field the CRM did not send counts as unchanged
// remotely: most CRMs skip empty values and none has every field, so absence is not a deletion. Except
// for a full record (a list or get reply) and a field the CRM always reads back when it has a value
// (`readInFull`): there absence means the CRM holds none, i.e. cleared remotely (a null remote value).
//
// Lists (tags, extra_emails) are sets and never conflict: the result is the base plus what either side
// added, minus what the local side removed. A remote removal is not taken, because a CRM's read can lack
// values it could not store (Monaco's unknown tag names); the local value wins it back on the next push.
class ThreeWayMerge final
{
public:
    enum class Policy : std::uint8_t { Ask, LocalWins, RemoteWins };
    enum class Action : std::uint8_t {
        None, // no side changed it, or both already agree
        PushLocal, // only the local side changed it: the push sends it
        TakeRemote, // the remote side changed it: written locally (merged)
        Agreed, // both changed it to the same value: nothing to send, the base moves
        Conflict, // both changed it differently and the policy is ask: held on both sides
    };

    struct FieldResult
    {
        QString field;
        Action action = Action::None;
        QJsonValue base;
        QJsonValue local;
        QJsonValue remote;
        QJsonValue merged; // what both sides should hold once settled (for a conflict: the local value)
        bool byPolicy = false; // a conflict the account's policy decided
    };

    // "ask", "local", "remote"; anything else is ask (the safe reading).
    static Policy policyFromName(const QString& name);

    // remote: nullopt when the CRM did not send the field.
    static FieldResult mergeField(const QString& field, const QJsonValue& base, const QJsonValue& local,
                                  const std::optional<QJsonValue>& remote, Policy policy);
    // Every field any side has, except those with action None. A scalar field in `readInFull` that
    // `remote` lacks counts as sent empty (Provider::fieldsReadInFull(), for full records only).
    static QList<FieldResult> merge(const FieldMap& base, const FieldMap& local, const FieldMap& remote, Policy policy,
                                    const QSet<QString>& readInFull = {});

    static QString actionName(Action action);
};

} // namespace roster
