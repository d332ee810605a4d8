#pragma once

#include <QStringList>

namespace roster::cli {

// roster sync --db PATH [--account NAME]... [--push-only | --pull-only] [--dry-run] [--yes] [--full-scan] [--json]
// A dry run changes nothing on either side and prints per record what would change (--json: "plan").
// --yes lets go what a guard held back (a mass overwrite, remote deletions).
// ROSTER_SYNC_TIME_SCALE (0 < s <= 1) scales rate-limit windows, server hints and backoff, for tests and
// benchmarks against emulators scaled the same way.
int runSync(const QStringList& args);

} // namespace roster::cli
