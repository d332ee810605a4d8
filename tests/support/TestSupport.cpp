#include "TestSupport.h"

namespace roster::test {

QString fixturePath(const QString& name)
{
    return QStringLiteral(ROSTER_FIXTURE_DIR "/") + name;
}

} // namespace roster::test
