#pragma once

#include <QDateTime>

#include <optional>

struct sqlite3;

namespace roster {

class SqlStatement;

// How a contact's times are stored (schema 16): milliseconds since 1970 in UTC, an integer of 6 bytes where the
// ISO text took 25. A file written before 16 may still hold the text (a value the upgrade could not read as a
// time keeps it), which reads as it always did.
namespace StoredTime {

qint64 fromDateTime(const QDateTime& at);
// The column's time; a null QDateTime for NULL.
QDateTime read(const SqlStatement& query, int column);
// ISO 8601 text as Roster wrote it (and as read() reads it), in milliseconds; nullopt when it is no time.
std::optional<qint64> fromText(const QString& text);
// roster_time(value) for the upgrade to 16: the value's milliseconds, NULL when it reads as no time.
void registerFunction(sqlite3* handle);

} // namespace StoredTime

} // namespace roster
