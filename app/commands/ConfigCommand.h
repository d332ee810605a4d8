#pragma once

#include <QStringList>

namespace roster::cli {

// roster config list [--json] | get KEY | set KEY VALUE, with --db PATH: the database's settings.
int runConfig(const QStringList& args);

} // namespace roster::cli
