#include "DatabaseLockHolder.h"

#include <QCoreApplication>
#include <QFile>
#include <QList>

#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace roster {

namespace {

// SQLite's unix VFS: the -shm locks start at byte 120 (write, checkpoint, recover, then the read marks), and the
// database file's lock bytes at 2^30 (PENDING, RESERVED, then the SHARED range).
constexpr qint64 kShmWriterFirst = 120;
constexpr qint64 kShmWriterLast = 122;
constexpr qint64 kPendingByte = 0x40000000;
constexpr qint64 kReservedByte = kPendingByte + 1;

struct FileId
{
    quint64 major = 0, minor = 0, inode = 0;
    bool valid = false;
};

FileId fileId(const QString& path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return {major(st.st_dev), minor(st.st_dev), static_cast<quint64>(st.st_ino), true};
}

// One line of /proc/locks: "3: POSIX  ADVISORY  WRITE 1234 08:02:131090 120 120". Waiting requests ("->") and
// read locks say nothing about the writer.
qint64 writerIn(const QByteArray& line, const FileId& file, qint64 first, qint64 last)
{
    const QList<QByteArray> parts = line.simplified().split(' ');
    if (parts.size() < 8 || parts.at(1) == "->" || parts.at(3) != "WRITE")
        return 0;
    const QList<QByteArray> id = parts.at(5).split(':');
    if (id.size() != 3 || id.at(2).toULongLong() != file.inode || id.at(0).toULongLong(nullptr, 16) != file.major
        || id.at(1).toULongLong(nullptr, 16) != file.minor)
        return 0;
    const qint64 start = parts.at(6).toLongLong();
    const qint64 end = parts.at(7) == "EOF" ? std::numeric_limits<qint64>::max() : parts.at(7).toLongLong();
    if (end < first || start > last)
        return 0;
    return parts.at(4).toLongLong();
}

} // namespace

qint64 DatabaseLockHolder::writerPid(const QString& databasePath)
{
    const FileId shm = fileId(databasePath + QStringLiteral("-shm"));
    const FileId db = fileId(databasePath);
    QFile locks(QStringLiteral("/proc/locks"));
    if ((!shm.valid && !db.valid) || !locks.open(QIODevice::ReadOnly))
        return 0;
    // /proc/locks reports size 0, so atEnd() is true at once: readAll() reads on to the real end.
    const QList<QByteArray> lines = locks.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (shm.valid) {
            if (const qint64 pid = writerIn(line, shm, kShmWriterFirst, kShmWriterLast))
                return pid;
        }
        if (db.valid) {
            if (const qint64 pid = writerIn(line, db, kPendingByte, kReservedByte))
                return pid;
        }
    }
    return 0;
}

QString DatabaseLockHolder::processName(qint64 pid)
{
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    return comm.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(comm.readAll().trimmed()) : QString();
}

QString DatabaseLockHolder::describeWriter(const QString& databasePath)
{
    const qint64 pid = writerPid(databasePath);
    if (pid <= 0)
        return {};
    if (pid == QCoreApplication::applicationPid())
        return QStringLiteral("another connection of this process");
    const QString name = processName(pid);
    return name.isEmpty() ? QStringLiteral("process %1").arg(pid)
                          : QStringLiteral("process %1 (%2)").arg(pid).arg(name);
}

} // namespace roster
