#include "SyncErrorPages.h"

#include "Database.h"
#include "SqlStatement.h"

#include <algorithm>

namespace roster {

namespace {

QString cancelledName()
{
    return errorCodeName(ErrorCode::Cancelled);
}

} // namespace

SyncErrorPages::SyncErrorPages(Database& db)
    : m_db(db)
{
}

Result<qint64> SyncErrorPages::count(qint64 runId)
{
    SqlStatement select(m_db, "SELECT COUNT(*) FROM sync_errors WHERE run_id = ? AND code <> ?");
    select.bind(1, runId);
    select.bind(2, cancelledName());
    const qint64 total = select.next() ? select.columnInt(0) : 0;
    if (select.hasError())
        return std::unexpected(select.lastError());
    return total;
}

Result<QList<SyncErrorPages::Row>> SyncErrorPages::page(qint64 runId, qint64 afterId, int limit)
{
    SqlStatement select(m_db,
                        "SELECT id, contact_id, remote_id, code, message FROM sync_errors "
                        "WHERE run_id = ? AND id > ? AND code <> ? ORDER BY id LIMIT ?");
    select.bind(1, runId);
    select.bind(2, afterId);
    select.bind(3, cancelledName());
    select.bind(4, static_cast<qint64>(std::max(0, limit)));
    QList<Row> rows;
    rows.reserve(std::max(0, limit));
    while (select.next()) {
        // As SyncRunLog::errors: a name this build does not know reads as a service error, message kept.
        ErrorCode code = ErrorCode::HttpError;
        errorCodeFromName(select.columnText(3), &code);
        rows << Row {select.columnInt(0),
                     SyncRunLog::RunError {select.columnInt(1), select.columnText(2), code, select.columnText(4)}};
    }
    if (select.hasError())
        return std::unexpected(select.lastError());
    return rows;
}

Result<SyncErrorPages::RetryTargets> SyncErrorPages::retryTargets(qint64 runId)
{
    SqlStatement select(m_db, "SELECT DISTINCT contact_id FROM sync_errors WHERE run_id = ? AND code <> ?");
    select.bind(1, runId);
    select.bind(2, cancelledName());
    RetryTargets targets;
    while (select.next()) {
        if (select.columnIsNull(0) || select.columnInt(0) <= 0)
            targets.wholeAccount = true;
        else
            targets.contactIds.insert(select.columnInt(0));
    }
    if (select.hasError())
        return std::unexpected(select.lastError());
    return targets;
}

} // namespace roster
