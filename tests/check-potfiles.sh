#!/bin/sh
# Every file with a string for people to read must be in po/POTFILES.in, and
# every file listed there must exist, or translations silently miss strings.
set -eu
cd "$1"
status=0
listed=$(sed '/^#/d;/^$/d' po/POTFILES.in)
for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in lists a missing file: $f"; status=1; }
done
for f in $(grep -lE '(^|[^A-Za-z0-9_])N?_ ?\(|translatable="yes"' -r src ui --include='*.c' --include='*.ui' | sort); do
  echo "$listed" | grep -qx "$f" || { echo "not in po/POTFILES.in: $f"; status=1; }
done
exit $status
