#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (GUI tests offscreen; emulators on 127.0.0.1).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/bootstrap-debian.sh"
"$root/scripts/build.sh"
cd "$root/build"
# The keychain test needs a D-Bus session with an unlocked keyring; every other test runs without one.
exec dbus-run-session -- ctest --output-on-failure --parallel "$(nproc)" --timeout 600
