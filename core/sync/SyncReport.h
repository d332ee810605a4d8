#pragma once

#include "TransportCounters.h"
#include "contact/Error.h"

#include <QJsonObject>
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
        QString code; // errorCodeName()
        QString message;
        QJsonObject toJson() const;
    };

    QString account;
    QString provider;
    qint64 runId = 0;
    Counts pushed;
    Counts pulled;
    QList<Issue> skipped; // contacts the CRM cannot take (validateForPush), not sent
    QList<Issue> errors; // per record, and account-level failures with contact 0
    // Per record: pushed (or unchanged), but part of it could not go, e.g. a Monaco tag with no remote id.
    // Not failures: ok() ignores them, and resending would not help until the user acts.
    QList<Issue> warnings;
    TransportCounters transport;
    QString state = QStringLiteral("done"); // done, failed, cancelled
    std::optional<Error> fatal; // why the run stopped early

    bool ok() const { return !fatal && errors.isEmpty() && pushed.failed == 0 && pulled.failed == 0; }
    void addError(qint64 contactId, const QString& remoteId, const Error& error);
    void addWarning(qint64 contactId, const QString& remoteId, const Error& warning);
    // {"account", "provider", "run_id", "state", "pushed": {...}, "pulled": {...}, "skipped": N,
    //  "skipped_records": [...], "errors": [{"contact_id", "remote_id", "code", "message"}], "warnings":
    //  [same shape], "requests", "retries", "rate_limited", "error"?: {"code", "message"}}
    QJsonObject toJson() const;
};

} // namespace roster
