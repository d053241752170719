#!/bin/sh
# check-docs.sh GI-DOCGEN CONFIG GIR: fails when gi-docgen's `check` finds
# an undocumented public symbol or parameter (or any other warning) in the
# GIR. Run by the 'docs' test of doc/meson.build (suite 'unit').
set -u

if [ $# -ne 3 ]; then
        echo "usage: $0 GI-DOCGEN CONFIG GIR" >&2
        exit 2
fi
gidocgen=$1
config=$2
gir=$3

out=$("$gidocgen" check --quiet --config "$config" "$gir" 2>&1)
rc=$?
printf '%s\n' "$out"
if [ $rc -ne 0 ] || printf '%s\n' "$out" | grep -q 'WARNING'; then
        n=$(printf '%s\n' "$out" | grep -c 'WARNING')
        echo "check-docs: gi-docgen check failed (exit $rc, $n warnings)" >&2
        exit 1
fi
echo "check-docs: every public symbol of $(basename "$gir") is documented"
