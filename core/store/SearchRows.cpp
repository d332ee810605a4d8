#include "SearchRows.h"

#include "Database.h"
#include "SqlStatement.h"

namespace roster {

QByteArray SearchRows::insertSql()
{
    return "INSERT INTO contacts_fts (rowid, name, emails, company, tags, title, phones) SELECT " + columns()
        + " FROM contacts c";
}

QByteArray SearchRows::deleteSql()
{
    return "INSERT INTO contacts_fts (contacts_fts, rowid, name, emails, company, tags, title, phones) "
           "SELECT 'delete', "
        + columns() + " FROM contacts c";
}

QByteArray SearchRows::columns()
{
    return "c.id, " + texts();
}

QByteArray SearchRows::texts(bool phones)
{
    // The lists are read in their primary key's order, the same every time, so a row removed is tokenised
    // exactly as it was added. The index keeps no copy of what it was given: a change to what these columns
    // hold (a column, roster_phone_terms) must come with a migration that builds the index again, as 008 did.
    const QByteArray texts
        = "TRIM(COALESCE(c.first_name, '') || ' ' || COALESCE(c.last_name, '')), "
          "TRIM(COALESCE(c.email, '') || ' ' || COALESCE((SELECT GROUP_CONCAT(e.email, ' ') FROM contact_emails e "
          "WHERE e.contact_id = c.id), '')), "
          "TRIM(COALESCE(c.company_name, '') || ' ' || COALESCE(c.company_domain, '')), "
          "COALESCE((SELECT GROUP_CONCAT(t.name, ' ') FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
          "WHERE ct.contact_id = c.id), ''), "
          "COALESCE(c.job_title, ''), ";
    if (!phones)
        return texts + "''";
    return texts
        + "TRIM(COALESCE(roster_phone_terms(c.phone), '') || ' ' || COALESCE((SELECT "
          "GROUP_CONCAT(roster_phone_terms(p.number), ' ') FROM contact_phones p WHERE p.contact_id = c.id), ''))";
}

Result<void> SearchRows::rebuild(Database& db)
{
    QByteArray definition;
    {
        SqlStatement query(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'contacts_fts'");
        if (!query.next())
            return fail(ErrorCode::DatabaseError, QStringLiteral("the search index is missing"));
        definition = query.columnText(0).toUtf8();
    }
    // The prepared statements on the old table are invalid once it is dropped: SQLite re-prepares them.
    if (auto ok = SqlStatement::execute(db, "DROP TABLE contacts_fts"); !ok)
        return ok;
    if (auto ok = SqlStatement::execute(db, definition.constData()); !ok)
        return ok;
    return SqlStatement::execute(db, QByteArray(insertSql() + " WHERE c.deleted_at IS NULL").constData());
}

} // namespace roster
