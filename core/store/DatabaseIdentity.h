#pragma once

#include "contact/Error.h"

#include <QString>

namespace roster {

class Database;

// A random id that names this database file, kept in its `settings` table from first use on. Whatever is
// filed outside the file on its behalf (keychain entries) carries it, so two databases with a same-named
// account never share, or delete, each other's entries. A copy of the file keeps the id, as it keeps its
// accounts.
class DatabaseIdentity final
{
public:
    // Twelve upper-case hex digits. Made on first use; the first writer wins when two processes race.
    // Fails only when the database has none yet and cannot be written.
    static Result<QString> id(Database& db);
};

} // namespace roster
