#include "TestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <unistd.h>

namespace roster::test {

QString fixturePath(const QString& name)
{
    return QStringLiteral(ROSTER_FIXTURE_DIR "/") + name;
}

bool setReadOnly(const QStringList& paths, bool readOnly)
{
    if (::geteuid() == 0) {
        QProcess chattr;
        chattr.start(QStringLiteral("chattr"),
                     QStringList {readOnly ? QStringLiteral("+i") : QStringLiteral("-i")} + paths);
        return chattr.waitForFinished(10000) && chattr.exitStatus() == QProcess::NormalExit && chattr.exitCode() == 0;
    }
    for (const QString& path : paths) {
        QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
        if (QFileInfo(path).isDir())
            permissions |= QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
        if (!readOnly)
            permissions |= QFileDevice::WriteOwner;
        if (!QFile::setPermissions(path, permissions))
            return false;
    }
    return true;
}

} // namespace roster::test
