#pragma once

#include "SyncRunLog.h"

#include <QList>
#include <QSet>

namespace roster {

class Database;

// The errors of one sync run a page at a time, for the sync panel: a run over a large list can fail a
// hundred thousand records, and the panel shows the first page and reads on as the user scrolls, never the
// whole list. Pages continue from the last id read (keyset paging), so a page far down costs what the first
// one does. Only the records to fix: the run's own cancellation is its state, not an error here.
class SyncErrorPages final
{
public:
    struct Row
    {
        qint64 id = 0; // in sync_errors; the next page starts after the last one
        SyncRunLog::RunError error;
    };

    // What Retry with nothing selected sends again for one run.
    struct RetryTargets
    {
        QSet<qint64> contactIds; // the local contacts of its errors
        bool wholeAccount = false; // an error not about one local contact: the whole account syncs again
    };

    explicit SyncErrorPages(Database& db);

    Result<qint64> count(qint64 runId);
    // Up to `limit` errors of the run after `afterId` (0 for the first page), in the order they happened.
    Result<QList<Row>> page(qint64 runId, qint64 afterId, int limit);
    // Read in the database: the panel holds a page, not every error.
    Result<RetryTargets> retryTargets(qint64 runId);

private:
    Database& m_db;
};

} // namespace roster
