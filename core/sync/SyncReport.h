#pragma once

#include "TransportCounters.h"
#include "contact/Error.h"
#include "store/SyncLease.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace roster {

// What one sync of one account did, as `roster sync --json` prints it (those keys are a contract: add,
// never rename) and the sync panel shows it.
struct SyncReport
{
    struct Counts
    {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int failed = 0;
        QJsonObject toJson() const;
    };

    // One record that failed or was held back.
    struct Issue
    {
        qint64 contactId = 0;
        QString remoteId;
        ErrorCode code = ErrorCode::HttpError; // printed and stored as errorCodeName()
        QString message;
        // NeedsConfirmation only: what is held back is a delete of the remote record, not an overwrite
        // (the panel counts the two apart). Not in the JSON: both print as "NeedsConfirmation".
        bool heldDeletion = false;
        QJsonObject toJson() const;
    };

    // One record of a dry run's plan: what a real run would change, field by field.
    struct PlannedChange
    {
        QString field;
        QJsonValue before; // null when empty
        QJsonValue after;
    };
    struct PlanEntry
    {
        qint64 contactId = 0; // 0 for a remote record not linked yet
        QString remoteId;
        QString direction; // "push" (to the CRM) or "pull" (into Roster)
        QString action; // "create", "update", "delete", "conflict", "held" (a guard holds it back)
        QList<PlannedChange> changes;
        QJsonObject toJson() const;
    };

    QString account;
    QString provider;
    qint64 runId = 0;
    Counts pushed;
    Counts pulled;
    // Not sent: contacts the CRM cannot take (validateForPush), and records a guard holds back until
    // confirmed (ErrorCode::NeedsConfirmation), or whose remote deletion waits for the user
    // (ErrorCode::RemoteDeletionPending).
    QList<Issue> skipped;
    QList<Issue> errors; // per record, and account-level failures with contact 0
    // Per record: pushed (or unchanged), but part of it could not go, e.g. a Monaco tag with no remote id.
    // Not failures: ok() ignores them, and resending would not help until the user acts.
    QList<Issue> warnings;
    TransportCounters transport;
    // Fields both sides changed differently that wait in the inbox after this run, found now or by an
    // earlier run (a dry run counts those it would open).
    int conflicts = 0;
    int remoteDeletions = 0; // linked records a complete scan no longer found (pending, for the user)
    int pushedDeletions = 0; // remote records deleted because their contact was deleted here
    bool incremental = false; // the pull read only what changed since the last one
    bool dryRun = false;
    QList<PlanEntry> plan; // a dry run's per-record plan
    // done, failed, cancelled, "waiting for confirmation" (a guard held records back), "running elsewhere"
    // (another run, in this process or another, holds the account's lease: this one did not run)
    QString state = QStringLiteral("done");
    std::optional<Error> fatal; // why the run stopped early
    std::optional<SyncLease::Holder> runningElsewhere; // who syncs the account, when this run did not
    qint64 waitedMs = 0; // spent waiting for another run of the account to end (--wait)

    static QString runningElsewhereState() { return QStringLiteral("running elsewhere"); }
    bool ranElsewhere() const { return runningElsewhere.has_value(); }
    // Ends a report that did not run because `holder` syncs the account: state "running elsewhere", with
    // `why` (SyncRunningElsewhere) as its fatal error.
    void refuse(const Error& why, const SyncLease::Holder& holder);

    bool ok() const { return !fatal && errors.isEmpty() && pushed.failed == 0 && pulled.failed == 0; }
    void addError(qint64 contactId, const QString& remoteId, const Error& error);
    void addWarning(qint64 contactId, const QString& remoteId, const Error& warning);
    // {"account", "provider", "run_id", "state", "pushed": {...}, "pulled": {...}, "skipped": N,
    //  "skipped_records": [...], "errors": [{"contact_id", "remote_id", "code", "message"}], "warnings":
    //  [same shape], "requests", "retries", "rate_limited", "conflicts", "remote_deletions",
    //  "deleted_remotely", "incremental", "dry_run", "waited_ms", "plan"? (dry runs), "error"?: {"code",
    //  "message"}, "running_elsewhere"?: {"pid", "host", "started_at"}}
    QJsonObject toJson() const;
};

} // namespace roster
