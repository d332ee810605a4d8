#pragma once

#include <QStringList>

namespace roster::cli {

// roster conflicts --db PATH [--account NAME] [--json]: the open conflicts (id, contact, field, base,
// local and remote values), then the pending remote deletions (JSON: "conflicts", "deletions").
int runConflicts(const QStringList& args);
// roster resolve --db PATH --conflict ID --keep local|remote [--json]: settles one; the next sync carries
// the kept value to the other side. --deletion ID instead settles a pending remote deletion.
int runResolve(const QStringList& args);

} // namespace roster::cli
