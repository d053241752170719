#!/usr/bin/env bash
# The library from Python (PyGObject) and JavaScript (GJS) through the
# typelib, against the snmpd fixture: values, SNMPv3, error domains.
# get.py/get.js are smoke tests; ops.py/ops.js cover GET with native values,
# SET, the walk enumerator, a v3 authPriv GET, a trap sent and received, a
# timeout, a cancellation and PDU errors; pythonic.py/pythonic.js the
# overrides (native values, equality, iteration, awaitables/promises). No skips: in CI python3-gi and gjs
# are installed, so a missing one is a failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${MESON_BUILD_ROOT:-$(dirname "$GSNMP_TOOL")/..}
export GI_TYPELIB_PATH="$build/introspection${GI_TYPELIB_PATH:+:$GI_TYPELIB_PATH}"
export LD_LIBRARY_PATH="$build/gsnmp${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# The overrides of the source tree, not installed ones: PyGObject's
# gi.overrides package extends its path over every gi/overrides on sys.path,
# GJS looks for overrides/Gsnmp.js in every directory of GJS_PATH.
src=${GSNMP_SOURCE_ROOT:-$here/..}
export PYTHONPATH="$src/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
export GJS_PATH="$src/bindings/gjs${GJS_PATH:+:$GJS_PATH}"
export GSNMP_EXPECT_OVERRIDES="$src/bindings"
if [ ! -f "$build/introspection/Gsnmp-1.0.typelib" ]; then
        echo "no typelib: introspection was not built" >&2
        # a skip outside CI only: CI builds the typelib
        [ -n "${CI:-}" ] && exit 1
        exit 77
fi
d=$(mktemp -d "${TMPDIR:-/tmp}/gsnmp-gi.XXXXXX")
export FIXTURE_WATCH_PID=$$
eval "$(bash "$here/snmpd-fixture.sh" start "$d/agent")" || exit 1
trap 'bash "$here/snmpd-fixture.sh" stop "$d/agent" >/dev/null; rm -rf "$d"' EXIT
status=0
for t in get ops mib pythonic agent; do
        /usr/bin/python3 "$here/gi/$t.py" "$FIXTURE_PORT" || status=1
        if [ -f "$here/gi/$t.js" ]; then
                gjs -m "$here/gi/$t.js" "$FIXTURE_PORT" || status=1
        fi
done
exit $status
