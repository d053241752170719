#!/usr/bin/env bash
# The library from Python (PyGObject) and JavaScript (GJS) through the
# typelib, against the snmpd fixture: values, SNMPv3, error domains.
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${MESON_BUILD_ROOT:-$(dirname "$GSNMP_TOOL")/..}
export GI_TYPELIB_PATH="$build/introspection${GI_TYPELIB_PATH:+:$GI_TYPELIB_PATH}"
export LD_LIBRARY_PATH="$build/gsnmp${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
if [ ! -f "$build/introspection/Gsnmp-1.0.typelib" ]; then
        echo "no typelib: introspection was not built" >&2
        exit 77
fi
d=$(mktemp -d "${TMPDIR:-/tmp}/gsnmp-gi.XXXXXX")
export FIXTURE_WATCH_PID=$$
eval "$(bash "$here/snmpd-fixture.sh" start "$d/agent")" || exit 1
trap 'bash "$here/snmpd-fixture.sh" stop "$d/agent" >/dev/null; rm -rf "$d"' EXIT
status=0
/usr/bin/python3 "$here/gi/get.py" "$FIXTURE_PORT" || status=1
gjs -m "$here/gi/get.js" "$FIXTURE_PORT" || status=1
exit $status
