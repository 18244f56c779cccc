#!/usr/bin/env bash
# Builds the libFuzzer targets for the CSV and vCard readers with clang and
# runs each for a fixed time. See tests/fuzz/README.md.
#
#   tests/fuzz/run-fuzzers.sh [SECONDS] [csv] [vcard]
#
# SECONDS is per target (default 60); 0 only builds the targets and runs
# every input in corpus/ and crashes/ once, as a regression check. Exits
# non-zero if a target crashes,
# leaks, hits undefined behaviour or breaks an invariant; the input that did
# it is kept as tests/fuzz/crashes/<target>-crash-<sha1> (or -leak-, -oom-,
# -timeout-) to be added as a regression fixture.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv vcard)

case $seconds in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS] [csv] [vcard]" >&2; exit 2 ;;
esac

# Debian 12's clang 14 (packages clang and libclang-rt-14-dev).
cc=${CC:-}
if [ -z "$cc" ]; then
  for candidate in clang-14 clang; do
    if command -v "$candidate" >/dev/null; then cc=$candidate; break; fi
  done
fi
if [ -z "$cc" ]; then
  echo "clang is missing: apt-get install clang libclang-rt-14-dev" >&2
  exit 2
fi

build=${RAPPORT_FUZZ_BUILD:-$here/build}
mkdir -p "$build" "$here/crashes"

# The config.h that meson would write, with the values the parsers use.
version=$(sed -n "s/^ *version: *'\([^']*\)'.*/\1/p" "$root/meson.build" | head -n 1)
cat > "$build/config.h" <<EOF
#pragma once
#define APP_ID "io.github.rapportapp.Rapport"
#define GETTEXT_PACKAGE "rapport"
#define LOCALEDIR "/usr/local/share/locale"
#define PACKAGE_NAME "Rapport"
#define PACKAGE_VERSION "${version:-0.0.0}"
#define RESOURCE_PREFIX "/io/github/rapportapp/Rapport"
EOF

# shellcheck disable=SC2207
pkg_cflags=($(pkg-config --cflags glib-2.0 gobject-2.0 gio-2.0 sqlite3))
# shellcheck disable=SC2207
pkg_libs=($(pkg-config --libs glib-2.0 gobject-2.0 gio-2.0 sqlite3))

cflags=(
  -g -O1 -fno-omit-frame-pointer
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
  -std=gnu11 -Wall -Wno-unused-parameter -Wno-missing-field-initializers
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74
  -I"$build" -I"$root/src" -I"$root/src/io" -I"$root/src/store"
  "${pkg_cflags[@]}"
)
sources=("$root"/src/io/rapport-csv.c "$root"/src/io/rapport-vcard.c "$root"/src/io/rapport-io-text.c
         "$root"/src/store/*.c)

# Seeds: the fixtures, in the corpus folder of the target that reads them.
# The inputs the fuzzers find are added there too, and kept from run to run
# (the folder is not committed: the fixtures are what is).
mkdir -p "$here/corpus/csv" "$here/corpus/vcard"
for f in "$root"/tests/fixtures/*; do
  case $f in
    *.vcf) cp -f "$f" "$here/corpus/vcard/" ;;
    *.csv|*.txt) cp -f "$f" "$here/corpus/csv/" ;;
    *) cp -f "$f" "$here/corpus/csv/"; cp -f "$f" "$here/corpus/vcard/" ;;
  esac
done

status=0
for target in "${targets[@]}"; do
  case $target in
    csv|vcard) ;;
    *) echo "unknown target: $target (csv or vcard)" >&2; exit 2 ;;
  esac

  echo "== building fuzz-$target with $cc"
  "$cc" "${cflags[@]}" "$here/fuzz-$target.c" "${sources[@]}" "${pkg_libs[@]}" -o "$build/fuzz-$target"

  env=(
    ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
    UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
    G_SLICE=always-malloc G_DEBUG=gc-friendly LC_ALL=C.UTF-8
  )

  if [ "$seconds" -eq 0 ]; then
    echo "== running fuzz-$target once over corpus/$target and crashes/$target-*"
    set +e
    env "${env[@]}" "$build/fuzz-$target" -runs=0 -max_len=16384 -rss_limit_mb=2048 \
      -artifact_prefix="$build/$target-" "$here/corpus/$target"
    result=$?
    crashes=("$here"/crashes/"$target"-*)
    if [ $result -eq 0 ] && [ -e "${crashes[0]}" ]; then
      env "${env[@]}" "$build/fuzz-$target" -rss_limit_mb=2048 -artifact_prefix="$build/$target-" "${crashes[@]}"
      result=$?
    fi
    set -e
    if [ $result -ne 0 ]; then
      echo "== fuzz-$target FAILED on a known input (exit $result)" >&2
      status=1
    else
      echo "== fuzz-$target passes every known input"
    fi
    continue
  fi

  echo "== running fuzz-$target for ${seconds}s"
  set +e
  env "${env[@]}" "$build/fuzz-$target" \
      -max_total_time="$seconds" \
      -max_len=16384 \
      -timeout=10 \
      -rss_limit_mb=2048 \
      -dict="$here/$target.dict" \
      -artifact_prefix="$here/crashes/$target-" \
      -print_final_stats=1 \
      "$here/corpus/$target"
  result=$?
  set -e

  if [ $result -ne 0 ]; then
    echo "== fuzz-$target FAILED (exit $result); inputs kept in tests/fuzz/crashes/:" >&2
    ls -1 "$here/crashes" | grep "^$target-" >&2 || true
    status=1
  else
    echo "== fuzz-$target ran clean for ${seconds}s"
  fi
done

exit $status
