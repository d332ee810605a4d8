#include "SyncRunLog.h"

#include "Database.h"
#include "SqlStatement.h"

#include <QDateTime>

#include <algorithm>

namespace roster {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

SyncRunLog::SyncRunLog(Database& db)
    : m_db(db)
{
}

Result<qint64> SyncRunLog::start(qint64 accountId)
{
    SqlStatement insert(m_db, "INSERT INTO sync_runs (account_id, started_at) VALUES (?, ?)");
    insert.bind(1, accountId);
    insert.bind(2, now());
    if (auto ok = insert.exec(); !ok)
        return std::unexpected(ok.error());
    return m_db.lastInsertId();
}

Result<void> SyncRunLog::addError(qint64 runId, const RunError& error)
{
    SqlStatement insert(
        m_db, "INSERT INTO sync_errors (run_id, contact_id, remote_id, code, message) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, runId);
    if (error.contactId > 0)
        insert.bind(2, error.contactId);
    else
        insert.bindNull(2);
    insert.bind(3, error.remoteId.isEmpty() ? QString() : error.remoteId);
    insert.bind(4, errorCodeName(error.code));
    insert.bind(5, error.message);
    return insert.exec();
}

Result<void> SyncRunLog::finish(qint64 runId, const QString& state, const Totals& totals, const QString& summary)
{
    SqlStatement update(m_db,
                        "UPDATE sync_runs SET finished_at = ?, state = ?, pushed = ?, pulled = ?, failed = ?, "
                        "summary = ? WHERE id = ?");
    update.bind(1, now());
    update.bind(2, state);
    update.bind(3, totals.pushed);
    update.bind(4, totals.pulled);
    update.bind(5, totals.failed);
    update.bind(6, summary);
    update.bind(7, runId);
    return update.exec();
}

Result<QList<SyncRunLog::RunError>> SyncRunLog::errors(qint64 runId)
{
    SqlStatement select(m_db,
                        "SELECT contact_id, remote_id, code, message FROM sync_errors WHERE run_id = ? ORDER BY id");
    select.bind(1, runId);
    QList<RunError> list;
    while (select.next()) {
        // A name this build does not know (written by a newer Roster) reads as a service error; its
        // message is kept as stored.
        ErrorCode code = ErrorCode::HttpError;
        errorCodeFromName(select.columnText(2), &code);
        list << RunError {select.columnInt(0), select.columnText(1), code, select.columnText(3)};
    }
    if (select.hasError())
        return std::unexpected(select.lastError());
    return list;
}

QString SyncRunLog::state(qint64 runId)
{
    SqlStatement select(m_db, "SELECT state FROM sync_runs WHERE id = ?");
    select.bind(1, runId);
    return select.next() ? select.columnText(0) : QString();
}

Result<QList<SyncRunLog::Run>> SyncRunLog::runs(qint64 accountId, int limit)
{
    SqlStatement select(m_db,
                        "SELECT id, account_id, started_at, finished_at, state, pushed, pulled, failed FROM sync_runs "
                        "WHERE ? = 0 OR account_id = ? ORDER BY id DESC LIMIT ?");
    select.bind(1, accountId);
    select.bind(2, accountId);
    select.bind(3, static_cast<qint64>(std::max(0, limit)));
    QList<Run> list;
    while (select.next()) {
        Run run;
        run.id = select.columnInt(0);
        run.accountId = select.columnInt(1);
        run.startedAt = QDateTime::fromString(select.columnText(2), Qt::ISODateWithMs);
        run.finishedAt = QDateTime::fromString(select.columnText(3), Qt::ISODateWithMs);
        run.state = select.columnText(4);
        run.totals = Totals {select.columnInt(5), select.columnInt(6), select.columnInt(7)};
        list << run;
    }
    if (select.hasError())
        return std::unexpected(select.lastError());
    return list;
}

Result<SyncRunLog::Run> SyncRunLog::lastRun(qint64 accountId)
{
    auto list = runs(accountId, 1);
    if (!list)
        return std::unexpected(list.error());
    return list->isEmpty() ? Run {} : list->first();
}

bool SyncRunLog::completed(const QString& state)
{
    return state == QLatin1String("done") || state == QLatin1String("waiting for confirmation");
}

Result<SyncRunLog::Run> SyncRunLog::lastCompletedRun(qint64 accountId)
{
    SqlStatement select(m_db,
                        "SELECT id, account_id, started_at, finished_at, state, pushed, pulled, failed FROM sync_runs "
                        "WHERE account_id = ? AND state IN ('done', 'waiting for confirmation') ORDER BY id DESC "
                        "LIMIT 1");
    select.bind(1, accountId);
    Run run;
    if (select.next()) {
        run.id = select.columnInt(0);
        run.accountId = select.columnInt(1);
        run.startedAt = QDateTime::fromString(select.columnText(2), Qt::ISODateWithMs);
        run.finishedAt = QDateTime::fromString(select.columnText(3), Qt::ISODateWithMs);
        run.state = select.columnText(4);
        run.totals = Totals {select.columnInt(5), select.columnInt(6), select.columnInt(7)};
    }
    if (select.hasError())
        return std::unexpected(select.lastError());
    return run;
}

} // namespace roster
