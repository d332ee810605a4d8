#pragma once

#include <QString>
#include <QTemporaryDir>

namespace roster::test {

// The folder of fixture files checked into tests/fixtures.
QString fixturePath(const QString& name);

} // namespace roster::test
