#include "NoRoomReason.h"

#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

#include <cerrno>
#include <cstring>
#include <sqlite3.h>
#include <sys/resource.h>

namespace roster {

namespace {

// Less than this free, or this close to the size limit, a write of a few pages fails.
constexpr qint64 kSlackBytes = 1024 * 1024;

QString size(qint64 bytes)
{
    return QLocale::c().formattedDataSize(std::max<qint64>(bytes, 0));
}

} // namespace

QString noRoomReason(const QString& path, int sqliteCode, int systemErrno)
{
    const int primary = sqliteCode & 0xff;
    if (primary != SQLITE_FULL && primary != SQLITE_IOERR)
        return {};
    const QStorageInfo disk(QFileInfo(path).absolutePath());
    const QString free = QStringLiteral("%1 free on its disk").arg(size(disk.bytesAvailable()));
    if (systemErrno == ENOSPC || systemErrno == EDQUOT || systemErrno == EFBIG)
        return QStringLiteral("%1; %2").arg(QString::fromLocal8Bit(std::strerror(systemErrno)), free);
    rlimit limit {};
    if (getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        const qint64 largest = std::max(QFileInfo(path).size(), QFileInfo(path + QStringLiteral("-wal")).size());
        if (largest + kSlackBytes >= static_cast<qint64>(limit.rlim_cur))
            return QStringLiteral("the process's file size limit, ulimit -f, is %1").arg(size(qint64(limit.rlim_cur)));
    }
    if (primary == SQLITE_FULL || (disk.isValid() && disk.bytesAvailable() < kSlackBytes))
        return QStringLiteral("the disk is full; %1").arg(free);
    return {};
}

} // namespace roster
