#!/usr/bin/env bash
# The GTK 4 demo (examples/gtk-walker.py) in its self-test mode under Xvfb,
# against the snmpd fixture: an SNMPv3 authPriv walk of mib-2 to the end and
# a SNMPv2c walk cancelled by the Cancel button, and a wrong pass phrase that
# must end in an error; each run must leave a screenshot of the window (kept
# in <build>/tests/gtk-walker-*.png).
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${MESON_BUILD_ROOT:-$(dirname "$GSNMP_TOOL")/..}
export GI_TYPELIB_PATH="$build/introspection${GI_TYPELIB_PATH:+:$GI_TYPELIB_PATH}"
export LD_LIBRARY_PATH="$build/gsnmp${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
demo="$here/../examples/gtk-walker.py"
python=/usr/bin/python3

# Outside CI a missing piece is a skip; in CI (.ci/deps.sh installs them all)
# it is a failure.
missing ()
{
        echo "$1" >&2
        if [ -n "${CI:-}" ]; then
                exit 1
        fi
        exit 77
}
[ -f "$build/introspection/Gsnmp-1.0.typelib" ] || missing "no typelib: introspection was not built"
command -v xvfb-run >/dev/null 2>&1 || missing "no xvfb-run (install xvfb and xauth)"
command -v xauth >/dev/null 2>&1 || missing "no xauth (needed by xvfb-run)"
"$python" -c "import gi; gi.require_version('Gtk', '4.0')" 2>/dev/null \
        || missing "no GTK 4 typelib (install gir1.2-gtk-4.0)"

d=$(mktemp -d "${TMPDIR:-/tmp}/gsnmp-gtk.XXXXXX")
export FIXTURE_WATCH_PID=$$
eval "$(bash "$here/snmpd-fixture.sh" start "$d/agent")" || exit 1
trap 'bash "$here/snmpd-fixture.sh" stop "$d/agent" >/dev/null; rm -rf "$d"' EXIT

# Software rendering on the X11 backend, no session bus, no accessibility bus.
export GDK_BACKEND=x11 GSK_RENDERER=cairo LIBGL_ALWAYS_SOFTWARE=1
export NO_AT_BRIDGE=1 GTK_A11Y=none
export XDG_RUNTIME_DIR="$d/run"
mkdir -m 700 "$d/run"
unset DBUS_SESSION_BUS_ADDRESS

outdir="$(cd "$build" && pwd)/tests"
mkdir -p "$outdir"
status=0

# run NAME MIN_ROWS DEMO-ARGS...
run ()
{
        local name=$1 min=$2 png="$outdir/gtk-walker-$1.png" rc
        shift 2
        rm -f "$png"
        timeout -k 5 120 xvfb-run -a -s "-screen 0 1280x800x24" \
                "$python" "$demo" --self-test "udp:127.0.0.1:$FIXTURE_PORT" "$png" \
                --min-rows "$min" --timeout 60 "$@"
        rc=$?
        if [ $rc -ne 0 ]; then
                echo "FAIL $name: gtk-walker exited with $rc" >&2
                status=1
                return
        fi
        if [ ! -s "$png" ] || [ "$(stat -c %s "$png")" -lt 10000 ]; then
                echo "FAIL $name: $png is missing or too small" >&2
                status=1
                return
        fi
        # A real PNG of a whole window: signature, and IHDR width and height.
        if ! "$python" - "$png" <<'PY'
import struct, sys, zlib
with open(sys.argv[1], 'rb') as f:
    head = f.read(24)
assert head[:8] == b'\x89PNG\r\n\x1a\n' and head[12:16] == b'IHDR', 'not a PNG'
w, h = struct.unpack('>II', head[16:24])
assert w >= 400 and h >= 300, 'too small: %dx%d' % (w, h)
# Not a blank window: the decoded image holds many different byte values.
data = open(sys.argv[1], 'rb').read()
idat, pos = b'', 8
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    if kind == b'IDAT':
        idat += data[pos + 8:pos + 8 + n]
    pos += 12 + n
distinct = len(set(zlib.decompress(idat)))
assert distinct >= 32, 'blank image: %d distinct byte values' % distinct
print('png %dx%d, %d distinct byte values' % (w, h, distinct))
PY
        then
                echo "FAIL $name: $png is not a window-sized PNG" >&2
                status=1
                return
        fi
        file "$png" 2>/dev/null || true
        echo "ok $name: $png"
}

run v3-authpriv 50 --min-batches 2 --root 1.3.6.1.2.1 --user shaaes --level authPriv \
        --auth-protocol SHA --auth-pass shaaespass \
        --priv-protocol AES --priv-pass shaaespriv
run v2c-cancel 10 --root 1.3.6.1 --version SNMPv2c --community public \
        --cancel-after 10
run v3-wrong-pass 0 --expect error --root 1.3.6.1.2.1.1 --user shaaes \
        --level authNoPriv --auth-protocol SHA --auth-pass not-the-pass-phrase

exit $status
