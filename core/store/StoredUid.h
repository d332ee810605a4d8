#pragma once

#include <QString>

namespace roster {

class SqlStatement;

// How a contact's uid is stored: the 16 random bytes it spells in base64url (UpsertEngine::newUid) as a BLOB, 6
// bytes less than its 22 characters. A uid of any other form (a file older than that, a row written by another
// program) is stored and read as the text it is.
namespace StoredUid {

void bind(SqlStatement& statement, int index, const QString& uid);
QString read(const SqlStatement& query, int column);

} // namespace StoredUid

} // namespace roster
