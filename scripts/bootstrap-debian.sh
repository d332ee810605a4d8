#!/usr/bin/env bash
# Installs the Debian 12 packages Roster builds and tests with, skipping apt entirely when all are present.
# Safe to run again. Uses sudo when not run as root.
set -euo pipefail

packages=(
    cmake ninja-build pkgconf g++
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-qpa-plugins
    libphonenumber-dev libprotobuf-dev libicu-dev libuchardet-dev qtkeychain-qt6-dev libsqlite3-dev sqlite3 clang-format
    xvfb xauth dbus dbus-x11 gnome-keyring curl e2fsprogs util-linux
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
