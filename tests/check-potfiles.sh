#!/bin/sh
# Fails when a source file with translatable strings (_() or N_()) is missing
# from po/POTFILES.in, or when POTFILES.in names a file that does not exist.
set -eu
top=${1:-$(dirname "$0")/..}
cd "$top"
want=$(grep -lE '\b(N_|_)\(' gsnmp/*.c tools/*.c 2>/dev/null | sort)
have=$(grep -v '^#' po/POTFILES.in | grep -v '^$' | sort)
status=0
for f in $want; do
  if ! printf '%s\n' "$have" | grep -qxF "$f"; then
    echo "missing from po/POTFILES.in: $f" >&2
    status=1
  fi
done
for f in $have; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names a missing file: $f" >&2
    status=1
  fi
done
[ $status -eq 0 ] && echo "ok: $(printf '%s\n' "$have" | wc -l) files in po/POTFILES.in"
exit $status
