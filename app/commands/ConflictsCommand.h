#pragma once

#include <QStringList>

namespace roster::cli {

// roster conflicts --db PATH [--account NAME] [--json]: the open conflicts (id, contact, field, base,
// local and remote values).
int runConflicts(const QStringList& args);
// roster resolve --db PATH --conflict ID --keep local|remote [--json]: settles one; the next sync carries
// the kept value to the other side.
int runResolve(const QStringList& args);

} // namespace roster::cli
