#!/bin/sh
# check-since.sh SRCDIR VERSION: fails when a doc comment of the library says
# "Since:" with another version than the library's MAJOR.MINOR (gi-docgen
# marks a symbol newer than the library "unstable"). Suite 'unit'.
set -u
src=$1
version=$(echo "$2" | cut -d. -f1,2)
bad=$(grep -rnE '^[[:space:]]*\*[[:space:]]*Since:' "$src"/gsnmp --include='*.c' --include='*.h' --include='*.h.in' |
      grep -vE "Since:[[:space:]]*$version[[:space:]]*\$")
if [ -n "$bad" ]; then
        printf '%s\n' "$bad"
        echo "check-since: the lines above do not say \"Since: $version\" (the library is $2)" >&2
        exit 1
fi
echo "check-since: every Since: is $version"
