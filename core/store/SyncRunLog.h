#pragma once

#include "contact/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace roster {

class Database;

// `sync_runs` and `sync_errors`: what each run did, and each record that failed, for the sync panel and
// `roster sync --json`.
class SyncRunLog final
{
public:
    struct RunError
    {
        qint64 contactId = 0; // 0 when the error is not about one local contact
        QString remoteId;
        ErrorCode code = ErrorCode::HttpError; // stored as errorCodeName()
        QString message;
    };

    struct Totals
    {
        qint64 pushed = 0;
        qint64 pulled = 0;
        qint64 failed = 0;
    };

    // One row of `sync_runs`, for the sync panel's history.
    struct Run
    {
        qint64 id = 0;
        qint64 accountId = 0;
        QDateTime startedAt;
        QDateTime finishedAt; // invalid while running
        QString state; // "running", "done", "failed", "cancelled"
        Totals totals;
    };

    explicit SyncRunLog(Database& db);

    Result<qint64> start(qint64 accountId);
    Result<void> addError(qint64 runId, const RunError& error);
    // `state`: "done", "failed", "cancelled". `summary` is the run's JSON report.
    Result<void> finish(qint64 runId, const QString& state, const Totals& totals, const QString& summary);
    Result<QList<RunError>> errors(qint64 runId);
    // The state of a run ("running" while it has not finished); empty when there is no such run.
    QString state(qint64 runId);
    // The latest `limit` runs, newest first; of one account, or of all when accountId is 0.
    Result<QList<Run>> runs(qint64 accountId = 0, int limit = 20);
    // The newest run of the account; id 0 when it never ran.
    Result<Run> lastRun(qint64 accountId);
    // The newest run of the account that completed (done, or waiting for confirmation): the last time it
    // was in sync. Failed, cancelled and unfinished runs are not. Id 0 when there is none.
    Result<Run> lastCompletedRun(qint64 accountId);
    static bool completed(const QString& state);

private:
    Database& m_db;
};

} // namespace roster
