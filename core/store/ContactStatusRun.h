#pragma once

#include "SqlStatement.h"

#include <QDateTime>
#include <QSet>

namespace roster {

class Database;

// Makes many contacts deleted or live again at once: the contacts named by a run of an operation's
// change-log entries. Undoing a million-row import soft-deletes a million contacts; row by row that took
// a minute and held every entry in memory, while one statement per table over the run takes seconds.
// Each statement selects the run's contacts by (op_id, entry id range), so entries of other operations
// written between the batches of a long import are never touched.
class ContactStatusRun final
{
public:
    explicit ContactStatusRun(Database& db);
    Result<void> prepare();

    struct Run
    {
        qint64 operationId = 0; // the operation being undone or redone
        qint64 firstEntry = 0; // change_log ids, inclusive
        qint64 lastEntry = 0;
        bool makeDeleted = false;
        bool newestFirst = false; // the order the run is replayed in, kept in the new entries
        bool updateSearch = true; // false when the caller rebuilds the search index once at the end
        qint64 entries = 0; // the run's entries of the operation (others' may lie between them); 0: not counted
    };
    // Sets the contacts' state, their search rows, and logs one 'delete' or 'restore' entry per entry of the
    // run under `logOperation`, as the row-by-row replay did. A contact whose row another program removed is
    // left out (nothing is logged for it) and added to `gone`.
    Result<void> apply(const Run& run, qint64 logOperation, const QDateTime& now, QSet<qint64>& gone);

private:
    Result<void> bindAndExec(SqlStatement& statement, const Run& run, int firstIndex = 1);
    // The contacts of the run that have no row any more.
    QSet<qint64> missing(const Run& run);

    Database& m_db;
    SqlStatement m_missing, m_delete, m_restore, m_searchDelete, m_searchAdd, m_logOldestFirst, m_logNewestFirst,
        m_logPresentOldestFirst, m_logPresentNewestFirst;
};

} // namespace roster
