#!/usr/bin/env bash
# Configures and builds Roster into ./build (Release with debug info). Extra arguments go to CMake.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" > "$root/build.log" 2>&1 \
    || { cat "$root/build.log"; exit 1; }
cmake --build "$root/build" --parallel "$(nproc)"
