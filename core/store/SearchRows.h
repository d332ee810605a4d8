#pragma once

#include "contact/Error.h"

#include <QByteArray>

namespace roster {

class Database;

// A contact's row in the search index (contacts_fts, 014), as SQL built from what is stored. The index is
// contentless: it keeps no copy of what it was given, so a row is removed with the values it was added with, and
// every writer (ContactTable, the side index of a bulk load, undo's set-based runs, the repair at open) builds
// them from this one definition.
class SearchRows final
{
public:
    // "INSERT INTO contacts_fts ... SELECT ... FROM contacts c": the search row of each contact the caller's
    // WHERE clause names.
    static QByteArray insertSql();
    // The same rows fed to FTS5's 'delete' command: the caller's WHERE clause must name indexed contacts only,
    // and run before their stored values change.
    static QByteArray deleteSql();
    // A contact's six searchable texts (name, emails, company, tags, title, phones) as SQL over `contacts c`.
    // Without `phones`, the phone terms (libphonenumber, per number) are ''.
    static QByteArray texts(bool phones = true);
    // Drops the search index and builds it again from the live contacts, inside the caller's transaction: far
    // cheaper than deleting most of its rows one by one (FTS5 re-reads and re-tokenises each deleted row).
    static Result<void> rebuild(Database& db);

private:
    static QByteArray columns();
};

} // namespace roster
