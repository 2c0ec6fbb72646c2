#!/usr/bin/env bash
# Installs the Debian 12 packages Keystone needs to build, run and test, but
# only those missing. Works as root or through sudo. Sourced or run.
set -u

KEYSTONE_PACKAGES=(
  # build
  meson ninja-build pkg-config gcc libc6-dev gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev libjson-glib-dev
  libcairo2-dev libpango1.0-dev libcsv-dev libpq-dev libsecret-1-dev
  # run the app
  dbus dbus-x11
)
KEYSTONE_TEST_PACKAGES=(
  # tests: display, data validation, sanitizers, fuzzing, PDF/SVG checks
  xvfb xauth at-spi2-core python3 python3-pyatspi gir1.2-atspi-2.0
  appstream desktop-file-utils libxml2-utils sqlite3
  clang libclang-rt-14-dev poppler-utils librsvg2-bin imagemagick
  # a throwaway PostgreSQL 15 server for the team-workspace cases (pg_virtualenv)
  postgresql-15 postgresql-common
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

# The locales the translations are looked at in (screenshots, build-aux/run
# LANG=de_DE.UTF-8 …): generated once, only those missing.
KEYSTONE_LOCALES=(de_DE.UTF-8 fi_FI.UTF-8 nb_NO.UTF-8)

keystone_ensure_locales () {
  local missing=() l sudo=
  for l in "$@"; do
    locale -a 2>/dev/null | grep -qix "${l%.UTF-8}.utf8" || missing+=("$l")
  done
  ((${#missing[@]})) || return 0
  keystone_install_packages locales || return 1
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  for l in "${missing[@]}"; do
    $sudo sed -i "s/^# *\(${l//./\\.} UTF-8\)/\1/" /etc/locale.gen
    grep -q "^${l//./\\.} UTF-8" /etc/locale.gen || echo "$l UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null
  done
  $sudo locale-gen >/dev/null || { echo "locale-gen failed" >&2; return 1; }
}
