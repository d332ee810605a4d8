#pragma once

#include <QStringList>

namespace roster::cli {

// roster sync --db PATH [--account NAME]... [--push-only | --pull-only] [--json]
// ROSTER_SYNC_TIME_SCALE (0 < s <= 1) scales rate-limit windows, server hints and backoff, for tests and
// benchmarks against emulators scaled the same way.
int runSync(const QStringList& args);

} // namespace roster::cli
