#pragma once

#include "contact/Error.h"

namespace roster {

class ContactTable;
class Database;

// Makes whole the contact rows another program added to the file (a script's INSERT in the sqlite3 shell). Roster
// writes a contact's search row, identity keys and sort keys with the contact, in one transaction; a row written
// without them was not findable by search, not matched by its email (the next `roster upsert` of that email made
// a second contact) and sorted as a nameless one. Such rows are the live contacts above the search index's
// highest id: they are indexed, and their keys made from what they hold. A row whose email, LinkedIn URL or phone
// another contact already has keeps that key unset (the file's unique indexes allow one holder) and is named in a
// warning. Cheap when there is nothing to do (two lookups of a highest id); skipped while a bulk load's search
// index is pending (SideSearchIndex repairs that). Run when the engine is made, after a killed load's repair.
class AddedContactsRepair final
{
public:
    // The number of contacts made whole; 0 when there was nothing to do.
    static Result<qint64> run(Database& db, ContactTable& table);
};

} // namespace roster
