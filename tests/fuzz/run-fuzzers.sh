#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds every libFuzzer target tests/fuzz/fuzz-NAME.c against the core
# sources and runs each for SECONDS on its seed corpus tests/fuzz/corpus/NAME/
# (NAME without a trailing "-import" also matches: fuzz-crm-import.c → crm/).
#
#   tests/fuzz/run-fuzzers.sh BUILD_DIR [SECONDS]
#
# The mutation seed is FUZZ_SEED (default 1), so a run is repeatable: CI walks
# the same inputs in the same order every time and a failure it reports comes
# back here with the same seed. FUZZ_SEED=0 lets libFuzzer pick (exploration).
#
# BUILD_DIR is a configured meson build directory: config.h comes from there,
# and the work goes to BUILD_DIR/fuzz/NAME/ (the growing corpus, and crash-*,
# leak-*, timeout-* inputs when something is found). The seed corpora in the
# source tree are only read. Exits 1 when a target does not build or finds a
# crash, a leak or a timeout; the last line says how many targets passed.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 BUILD_DIR [SECONDS]" >&2
  exit 2
fi
build=$(cd "$1" 2>/dev/null && pwd) || { echo "$0: no build directory $1" >&2; exit 2; }
seconds=${2:-20}
seed=${FUZZ_SEED:-1}
[ -f "$build/config.h" ] || { echo "$0: $build/config.h is missing; run meson setup first" >&2; exit 2; }

CC=${CC:-clang}
command -v "$CC" >/dev/null || { echo "$0: $CC is not installed (Debian: clang libclang-rt-14-dev)" >&2; exit 2; }
pkgs="glib-2.0 gio-2.0 gobject-2.0 json-glib-1.0 sqlite3 libpq"
pkg_cflags=$(pkg-config --cflags $pkgs) || exit 2
pkg_libs=$(pkg-config --libs $pkgs) || exit 2

out="$build/fuzz"
mkdir -p "$out"

# The core's compiled resources (the demo workspace), generated here so the
# targets do not depend on what the build directory has built.
extra_sources=()
for xml in "$root"/src/core/*.gresource.xml; do
  [ -e "$xml" ] || continue
  name=$(basename "$xml" .gresource.xml)
  c_name=$(echo "$name" | tr - _)
  gen="$out/$name-resources.c"
  glib-compile-resources --generate-source --sourcedir "$root/data" --c-name "$c_name" \
    --target "$gen" "$xml" || { echo "$0: could not compile $xml" >&2; exit 1; }
  extra_sources+=("$gen")
done

cflags=(-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer
        -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
        -I"$build" -I"$root/src/core" -w)

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export G_SLICE=always-malloc G_DEBUG=gc-friendly LC_ALL=C.UTF-8

passed=0
failed=0
for target in "$here"/fuzz-*.c; do
  [ -e "$target" ] || continue
  name=$(basename "$target" .c)
  short=${name#fuzz-}
  seeds=""
  for candidate in "$here/corpus/$short" "$here/corpus/${short%-import}"; do
    if [ -d "$candidate" ]; then
      seeds=$candidate
      break
    fi
  done

  work="$out/$short"
  mkdir -p "$work/corpus"
  echo "== $name: building"
  if ! "$CC" "${cflags[@]}" "$target" "$root"/src/core/*.c "${extra_sources[@]}" \
       -o "$work/$name" $pkg_cflags $pkg_libs -lcsv -lm; then
    echo "== $name: FAILED to build"
    failed=$((failed + 1))
    continue
  fi

  [ -n "$seeds" ] || echo "== $name: no seed corpus (tests/fuzz/corpus/$short/), starting empty"
  echo "== $name: running for ${seconds}s"
  if (cd "$work" && ./"$name" -seed="$seed" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
        -max_len=16384 -print_final_stats=1 -artifact_prefix="$work/" \
        corpus ${seeds:+"$seeds"} > "$work/log.txt" 2>&1); then
    echo "== $name: ok ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$work/log.txt" |
                        grep -o '[0-9]*$') runs, corpus $(ls "$work/corpus" | wc -l))"
    passed=$((passed + 1))
  else
    echo "== $name: FAILED — see $work/log.txt"
    grep -E 'ERROR|SUMMARY|Test unit written|GLib.*ERROR|runtime error' "$work/log.txt" | head -20
    failed=$((failed + 1))
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
