#pragma once

#include <QString>

namespace roster {

// Who holds the write lock of a Roster database, as the kernel sees it: the process with a POSIX write lock on
// the bytes SQLite's unix VFS uses for its writer (the -shm file's WAL write, checkpoint and recovery bytes in
// WAL mode; the database file's RESERVED, PENDING and EXCLUSIVE bytes otherwise). Read from /proc/locks, which
// names the file by device and inode: nothing here opens the database or its -wal and -shm, since closing any
// descriptor of them would drop every lock this process holds on them.
class DatabaseLockHolder final
{
public:
    // The pid holding a write lock on `databasePath`, 0 when none is seen (or the system cannot tell).
    static qint64 writerPid(const QString& databasePath);
    // The name the system gives process `pid` ("roster", "sqlite3"), empty when it cannot tell.
    static QString processName(qint64 pid);
    // "process 1234 (roster)", "another connection of this process", or an empty string when unknown.
    static QString describeWriter(const QString& databasePath);
};

} // namespace roster
