#!/usr/bin/env bash
# Installs what is missing, builds, and starts Roster on the default database (or pass --db PATH).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/bootstrap-debian.sh"
"$root/scripts/build.sh"
exec "$root/build/app/roster" "$@"
