#pragma once

#include <QString>
#include <QTemporaryDir>

namespace roster::test {

// The folder of fixture files checked into tests/fixtures.
QString fixturePath(const QString& name);

// Makes files and folders read-only for this user, or writable again. Root ignores permissions, so as root
// this sets the immutable attribute (chattr +i), which refuses writes to root too; otherwise it clears the
// write bits. False when the system cannot (a file system without the attribute): the caller skips.
bool setReadOnly(const QStringList& paths, bool readOnly);

} // namespace roster::test
