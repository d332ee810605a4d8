#include "ContactStatusRun.h"

#include "Database.h"
#include "SearchRows.h"
#include "StoredTime.h"

namespace roster {

namespace {

// The contacts of the run; ?1 is the operation, ?2 and ?3 the entry range.
QByteArray inRun(const char* head)
{
    return QByteArray(head) + " IN (SELECT contact_id FROM change_log WHERE op_id = ?1 AND id BETWEEN ?2 AND ?3)";
}

} // namespace

ContactStatusRun::ContactStatusRun(Database& db)
    : m_db(db)
{
}

Result<void> ContactStatusRun::prepare()
{
    m_missing = SqlStatement(m_db,
                             "SELECT l.contact_id FROM change_log l LEFT JOIN contacts c ON c.id = l.contact_id "
                             "WHERE l.op_id = ?1 AND l.id BETWEEN ?2 AND ?3 AND c.id IS NULL");
    m_delete = SqlStatement(m_db, inRun("UPDATE contacts SET deleted_at = ?4, updated_at = ?4 WHERE id").constData());
    m_restore = SqlStatement(m_db, inRun("UPDATE contacts SET deleted_at = NULL WHERE id").constData());
    // The search rows leave the index before the contacts are deleted (they are removed with the values they
    // were indexed with, read from the stored contact), and restored contacts not yet indexed join it after.
    m_searchDelete = SqlStatement(
        m_db,
        inRun(QByteArray(SearchRows::deleteSql()
                         + " WHERE EXISTS (SELECT 1 FROM contacts_fts_docsize d WHERE d.id = c.id) AND c.id")
                  .constData())
            .constData());
    m_searchAdd = SqlStatement(m_db,
                               QByteArray(SearchRows::insertSql()
                                          + " WHERE c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM "
                                            "contacts_fts_docsize d WHERE d.id = c.id) AND c.id IN (SELECT DISTINCT "
                                            "contact_id FROM change_log WHERE op_id = ?1 AND id BETWEEN ?2 AND ?3)")
                                   .constData());
    const QByteArray log = "INSERT INTO change_log (op_id, contact_id, action) SELECT ?4, contact_id, ?5 "
                           "FROM change_log WHERE op_id = ?1 AND id BETWEEN ?2 AND ?3";
    // The "present" pair is only for a run with contacts gone: the usual one logs every entry without a lookup each.
    const QByteArray present = log + " AND contact_id IN (SELECT id FROM contacts)";
    m_logOldestFirst = SqlStatement(m_db, QByteArray(log + " ORDER BY id").constData());
    m_logNewestFirst = SqlStatement(m_db, QByteArray(log + " ORDER BY id DESC").constData());
    m_logPresentOldestFirst = SqlStatement(m_db, QByteArray(present + " ORDER BY id").constData());
    m_logPresentNewestFirst = SqlStatement(m_db, QByteArray(present + " ORDER BY id DESC").constData());
    for (const SqlStatement* s : {&m_missing, &m_delete, &m_restore, &m_searchDelete, &m_searchAdd, &m_logOldestFirst,
                                  &m_logNewestFirst, &m_logPresentOldestFirst, &m_logPresentNewestFirst}) {
        if (!s->isValid())
            return std::unexpected(s->lastError());
    }
    return {};
}

Result<void> ContactStatusRun::bindAndExec(SqlStatement& statement, const Run& run, int firstIndex)
{
    statement.bind(firstIndex, run.operationId);
    statement.bind(firstIndex + 1, run.firstEntry);
    statement.bind(firstIndex + 2, run.lastEntry);
    return statement.exec();
}

QSet<qint64> ContactStatusRun::missing(const Run& run)
{
    QSet<qint64> ids;
    m_missing.reset();
    m_missing.bind(1, run.operationId);
    m_missing.bind(2, run.firstEntry);
    m_missing.bind(3, run.lastEntry);
    while (m_missing.next())
        ids.insert(m_missing.columnInt(0));
    m_missing.reset();
    return ids;
}

Result<void> ContactStatusRun::apply(const Run& run, qint64 logOperation, const QDateTime& now, QSet<qint64>& gone)
{
    // A run whose entries the caller counted is checked by the rows its status change finds: one per entry
    // when every contact is there. Only a shortfall pays for the lookup that finds the missing contacts (rows
    // removed behind Roster's back).
    QSet<qint64> missingHere;
    if (run.entries == 0)
        missingHere = missing(run);
    if (run.makeDeleted) {
        if (run.updateSearch) {
            if (auto ok = bindAndExec(m_searchDelete, run); !ok)
                return ok;
        }
        m_delete.bind(4, StoredTime::fromDateTime(now));
        if (auto ok = bindAndExec(m_delete, run); !ok)
            return ok;
    } else {
        // A restored contact takes its identifiers back: the unique indexes refuse the run if another
        // contact took one since, and the whole undo or redo is refused with it.
        if (auto ok = bindAndExec(m_restore, run); !ok)
            return ok;
    }
    if (run.entries != 0 && m_db.changes() != run.entries)
        missingHere = missing(run);
    if (!run.makeDeleted && run.updateSearch) {
        if (auto ok = bindAndExec(m_searchAdd, run); !ok)
            return ok;
    }
    gone.unite(missingHere);
    SqlStatement& log = missingHere.isEmpty() ? (run.newestFirst ? m_logNewestFirst : m_logOldestFirst)
                                              : (run.newestFirst ? m_logPresentNewestFirst : m_logPresentOldestFirst);
    log.bind(4, logOperation);
    log.bindText(5, run.makeDeleted ? QByteArrayLiteral("delete") : QByteArrayLiteral("restore"));
    return bindAndExec(log, run);
}

} // namespace roster
