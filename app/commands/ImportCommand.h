#pragma once

#include <QStringList>

namespace roster::cli {

// roster import --db PATH FILE [--map HEADER=field]... [--policy NAME] [--dry-run] [--json]
int runImport(const QStringList& args);

} // namespace roster::cli
