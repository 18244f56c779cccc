#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Rapport's benchmarks (issue 10). Not part of the test suite. Run them with
#
#   ninja -C build bench
#
# which builds bench-generate and bench-app (not built by default) and runs
# this script. It prints one table (figure, value, baseline, ratio, target,
# pass/fail) and writes it with every sample to build/bench-results.json.
#
# Each figure is compared with a baseline measured in the same run:
#   1. startup to the first frame of the main window (process start to the
#      first "after-paint" of its GdkFrameClock), each run a fresh process,
#      median of $RAPPORT_BENCH_REPS after one warm-up round:
#      empty database vs a bare AdwApplicationWindow with one label (≤ 2×),
#      10 000 contacts vs empty (≤ 1.3×), 100 000 vs empty (≤ 1.5×);
#   2. search as you type at 100 000 contacts: rapport_contact_list_set_search()
#      per keystroke, p95 (≤ 16 ms), beside the same at 1 000 contacts;
#   3. peak RSS after building the window and scrolling the contact list to
#      its end, 100 000 contacts vs empty (≤ empty + 50 MiB);
#   4. importing a 10 000-row LinkedIn CSV (≤ 2 s), beside 1 000 rows;
#   5. a prep sheet of 60 questions to PDF (≤ 250 ms), beside 6 questions.
# Rows 4 and 5 read "not measured" until src/io/rapport-csv.h and
# src/print/rapport-prep-sheet.h exist (meson compiles them in then).
#
# Generated databases and CSV files (fixed seed) are kept in
# build/bench-data/pristine and made again when the generator or the store
# changes; the first run takes a few minutes longer.
#
# Environment:
#   RAPPORT_BENCH_REPS=N        repetitions per figure (default 5)
#   RAPPORT_BENCH_ONLY=a,b      only some of: startup,search,memory,import,prep
#   RAPPORT_BENCH_IMPORT_LIST=1 also time the import with a contact list
#                               listening to the store, as the window's does
#   RAPPORT_BENCH_TIMEOUT=S     seconds a startup run may take before it counts
#                               as failed and is not repeated (default 180;
#                               memory runs get twice as long)
#   RAPPORT_BENCH_STRICT=1      exit 1 when a target is missed
#
# Direct use: run-bench.sh BUILD_DIR BENCH_GENERATE BENCH_APP BENCH_PY
# Needs: xvfb-run (Debian xvfb, xauth), dbus-run-session (dbus), /usr/bin/python3.

set -eu

if [ $# -ne 4 ]; then
  echo "usage: $0 BUILD_DIR BENCH_GENERATE BENCH_APP BENCH_PY (or: ninja -C build bench)" >&2
  exit 2
fi

build=$(cd "$1" && pwd)
generate=$2
app=$3
script=$4

for tool in xvfb-run dbus-run-session; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "run-bench.sh: $tool is missing (Debian packages xvfb xauth dbus)" >&2
    exit 1
  fi
done

python=/usr/bin/python3
[ -x "$python" ] || python=python3

# What the issue asks for a virtual display, and nothing of the real profile.
export GDK_BACKEND=x11
export GSK_RENDERER=cairo
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$build/data"
export NO_AT_BRIDGE=1
export LC_ALL=C.UTF-8
unset G_DEBUG G_MESSAGES_DEBUG || true

config=$(mktemp -d "${TMPDIR:-/tmp}/rapport-bench-config-XXXXXX")
trap 'rm -rf "$config"' EXIT INT TERM
export XDG_CONFIG_HOME="$config"

set -- --build "$build" --generate "$generate" --app "$app" --reps "${RAPPORT_BENCH_REPS:-5}" \
  --timeout "${RAPPORT_BENCH_TIMEOUT:-180}"
if [ -n "${RAPPORT_BENCH_ONLY:-}" ]; then
  set -- "$@" --only "$RAPPORT_BENCH_ONLY"
fi
if [ -n "${RAPPORT_BENCH_IMPORT_LIST:-}" ]; then
  set -- "$@" --import-with-list
fi

# A private session bus, as on a desktop: the application registers its name
# there, and notifications fail fast instead of starting a bus on the display.
xvfb-run -a -s "-screen 0 1920x1080x24" \
  dbus-run-session -- "$python" "$script" "$@"
