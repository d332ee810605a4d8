#pragma once

#include <QString>

namespace roster {

// Why a failed write to the database at `path` found no room, in words for the user, or an empty string when the
// failure was not about room. SQLite reports a full disk as SQLITE_FULL, but a quota or the process's file size
// limit (`ulimit -f`) as an I/O error, and the system's error number it keeps is often gone by the time the error
// comes back; the disk's free space and the size limit against the files' sizes tell then.
QString noRoomReason(const QString& path, int sqliteCode, int systemErrno);

} // namespace roster
