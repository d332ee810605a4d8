#include "RemovedContactsRepair.h"

#include "Database.h"
#include "SearchRows.h"
#include "SqlStatement.h"

namespace roster {

namespace {

bool anyRow(Database& db, const char* sql)
{
    SqlStatement query(db, sql);
    return query.next();
}

Result<qint64> repair(Database& db)
{
    SqlStatement counted(db, "SELECT count(*) FROM removed_contacts");
    const qint64 removed = counted.next() ? counted.columnInt(0) : 0;
    counted.reset();
    if (removed == 0)
        return 0; // another connection repaired it while this one waited for the lock
    // The tables whose rows refer to a contact ON DELETE CASCADE; the change log, the outbox and the sync errors
    // name contacts without a foreign key and keep their rows, as they do for a contact Roster deleted.
    static const char* const kLeftBehind[] = {
        "DELETE FROM contact_emails WHERE contact_id IN (SELECT contact_id FROM removed_contacts)",
        "DELETE FROM contact_phones WHERE contact_id IN (SELECT contact_id FROM removed_contacts)",
        "DELETE FROM contact_websites WHERE contact_id IN (SELECT contact_id FROM removed_contacts)",
        "DELETE FROM contact_tags WHERE contact_id IN (SELECT contact_id FROM removed_contacts)",
        "DELETE FROM contact_custom_values WHERE contact_id IN (SELECT contact_id FROM removed_contacts)",
        "DELETE FROM remote_links WHERE contact_id IN (SELECT contact_id FROM removed_contacts)",
        "DELETE FROM remote_deletions WHERE contact_id IN (SELECT contact_id FROM removed_contacts)",
        "DELETE FROM sync_conflicts WHERE contact_id IN (SELECT contact_id FROM removed_contacts)",
        "DELETE FROM duplicate_hints WHERE contact_id IN (SELECT contact_id FROM removed_contacts) "
        "OR other_contact_id IN (SELECT contact_id FROM removed_contacts)",
    };
    for (const char* sql : kLeftBehind) {
        if (auto ok = SqlStatement::execute(db, sql); !ok)
            return std::unexpected(ok.error());
    }
    // A contact Roster had deleted was no longer indexed: only a live one left words behind. A row another program
    // put back under a removed id (AUTOINCREMENT never gives one again) is indexed afresh by the rebuild too.
    if (anyRow(db,
               "SELECT 1 FROM contacts_fts_docsize WHERE id IN (SELECT contact_id FROM removed_contacts) LIMIT 1")) {
        if (auto ok = SearchRows::rebuild(db); !ok)
            return std::unexpected(ok.error());
    }
    if (auto ok = SqlStatement::execute(db, "DELETE FROM removed_contacts"); !ok)
        return std::unexpected(ok.error());
    return removed;
}

} // namespace

Result<qint64> RemovedContactsRepair::run(Database& db)
{
    if (db.isReadOnly() || !anyRow(db, "SELECT 1 FROM removed_contacts LIMIT 1"))
        return 0;
    return db.transaction([&] { return repair(db); });
}

} // namespace roster
