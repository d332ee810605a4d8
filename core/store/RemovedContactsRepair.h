#pragma once

#include "contact/Error.h"

namespace roster {

class Database;

// Cleans up after contact rows another program removed (018_removals_noted.sql notes each one): the rows that
// named them in the list, link and hint tables go, as SQLite removes them with foreign keys on, and the search
// index, which cannot take a contact out without the values it was indexed with, is built again when it held one.
// Database::open runs it after the migrations; a file another program keeps busy opens anyway and is repaired at
// a later open.
class RemovedContactsRepair final
{
public:
    // The number of removed contacts cleaned up after; 0 when there was nothing to do.
    static Result<qint64> run(Database& db);
};

} // namespace roster
