#!/usr/bin/env bash
# Installs the Debian 12 packages Keystone needs to build, run and test, but
# only those missing. Works as root or through sudo. Sourced or run.
set -u

KEYSTONE_PACKAGES=(
  # build
  meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev libcsv-dev
  # run the app
  dbus dbus-x11
)
KEYSTONE_TEST_PACKAGES=(
  # tests: display, data validation, sanitizers, fuzzing, PDF/SVG checks
  xvfb xauth at-spi2-core python3 python3-pyatspi gir1.2-atspi-2.0
  appstream desktop-file-utils libxml2-utils sqlite3
  clang libclang-rt-14-dev poppler-utils librsvg2-bin imagemagick
)

keystone_install_packages () {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  local sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  echo "Installing: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null ||
    { echo "apt-get update failed" >&2; return 1; }
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o DPkg::Lock::Timeout=300 "${missing[@]}" >/dev/null ||
    { echo "apt-get install failed" >&2; return 1; }
}
