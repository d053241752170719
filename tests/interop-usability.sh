#!/usr/bin/env bash
# interop-usability.sh - the frictions of issue 14 that need a real agent or
# a real terminal locale, each checked so that it cannot come back:
#   - `gsnmp get -v2c snmp://public@HOST` takes the community from the URI
#     (it used to say "No community name specified"), and a wrong one in the
#     URI is used too (a timeout);
#   - messages are readable under LANG=C.UTF-8: the tool and the C examples
#     call setlocale(), so “ ” stay UTF-8 instead of becoming "?";
#   - an SNMPv3 authPriv timeout says that a wrong privacy pass phrase also
#     ends in a timeout, in the tool (a hint line) and in the library's
#     GError message (read from Python).
# Against the snmpd fixture on 127.0.0.1; PASS/FAIL lines, exit 1 on failure.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$(dirname "$0")/interop-lib.sh"
interop_init usability
interop_need snmpd
interop_start_snmpd

BUILD=$(cd "$(dirname "$TOOL")/.." && pwd)
SYS_NAME=.1.3.6.1.2.1.1.5.0

# --- snmp://community@host in the tool ---------------------------------------
out=$("$TOOL" get -On -v2c "snmp://public@127.0.0.1:$FIXTURE_PORT" "$SYS_NAME" 2>&1)
if [ "$out" = '.1.3.6.1.2.1.1.5.0 = STRING: "gsnmp-fixture"' ]; then
        pass "uri-community: gsnmp get -v2c snmp://public@host, no -c"
else
        fail "uri-community: gsnmp get -v2c snmp://public@host, no -c" "$out"
fi
out=$("$TOOL" get -On -v1 "snmp://public@127.0.0.1:$FIXTURE_PORT" "$SYS_NAME" 2>&1)
if [ "$out" = '.1.3.6.1.2.1.1.5.0 = STRING: "gsnmp-fixture"' ]; then
        pass "uri-community: the version is -v's (SNMPv1)"
else
        fail "uri-community: the version is -v's (SNMPv1)" "$out"
fi
out=$("$TOOL" get -v2c -t 0.2 -r 0 "snmp://nosuchcommunity@127.0.0.1:$FIXTURE_PORT" "$SYS_NAME" 2>&1)
if [ $? = 1 ] && [[ $out == "Timeout: No Response from snmp://nosuchcommunity@"* ]]; then
        pass "uri-community: a wrong community in the URI is the one sent"
else
        fail "uri-community: a wrong community in the URI is the one sent" "$out"
fi
out=$("$TOOL" get -v2c "127.0.0.1:$FIXTURE_PORT" "$SYS_NAME" 2>&1)
if [ $? = 1 ] && [[ $out == "No community name specified."* ]]; then
        pass "uri-community: without a URI community, -c is still needed"
else
        fail "uri-community: without a URI community, -c is still needed" "$out"
fi

# --- readable messages under C.UTF-8 -----------------------------------------
# “udp6:127.0.0.1” is an invalid address: the message quotes it with U+201C
# and U+201D. Without setlocale() GLib converts them to "?" in the C locale.
check_utf8 ()
{
        local name=$1
        shift
        local out
        out=$(env -u LC_ALL -u LC_MESSAGES -u LC_CTYPE -u LANGUAGE LANG=C.UTF-8 "$@" 2>&1)
        if [[ $out == *$'\xe2\x80\x9c'udp6:127.0.0.1$'\xe2\x80\x9d'* ]] && [[ $out != *'?udp6'* ]]; then
                pass "utf8: $name"
        else
                fail "utf8: $name" "$out"
        fi
}
check_utf8 "gsnmp" "$TOOL" get -v2c -c public udp6:127.0.0.1 "$SYS_NAME"
for e in "$BUILD"/examples/example-*; do
        [ -f "$e" ] && [ -x "$e" ] || continue
        name=$(basename "$e")
        case $name in
        example-notification-receiver) check_utf8 "$name" "$e" udp6:127.0.0.1 1 1 ;;
        example-getbulk-to-eom) check_utf8 "$name" "$e" udp6:127.0.0.1 u authpass privpass ;;
        example-notifications) check_utf8 "$name" "$e" udp6:127.0.0.1 public u authpass privpass ;;
        *) check_utf8 "$name" "$e" udp6:127.0.0.1 ;;
        esac
done
for f in "$SRC"/examples/*.c; do
        if ! grep -q 'setlocale (LC_ALL, "")' "$f"; then
                fail "utf8: $(basename "$f") calls setlocale (LC_ALL, \"\")"
        fi
done

# --- the authPriv timeout hint -----------------------------------------------
v3=(-v3 -l authPriv -u shaaes -a SHA -A shaaespass -x AES -t 0.3 -r 1)
out=$("$TOOL" get "${v3[@]}" -X wrongprivpass "$A" "$SYS_NAME" 2>&1)
if [ $? = 1 ] && [[ $out == "Timeout: No Response from $A."* ]] &&
   [[ $out == *"wrong privacy pass phrase (-X)"* ]]; then
        pass "authpriv-hint: gsnmp prints the hint after a timeout"
else
        fail "authpriv-hint: gsnmp prints the hint after a timeout" "$out"
fi
out=$("$TOOL" get -On "${v3[@]}" -X shaaespriv "$A" "$SYS_NAME" 2>&1)
if [ "$out" = '.1.3.6.1.2.1.1.5.0 = STRING: "gsnmp-fixture"' ]; then
        pass "authpriv-hint: the right pass phrase works"
else
        fail "authpriv-hint: the right pass phrase works" "$out"
fi
out=$("$TOOL" get -v2c -c nosuch -t 0.2 -r 0 "$A" "$SYS_NAME" 2>&1)
if [[ $out != *"privacy"* ]]; then
        pass "authpriv-hint: no hint without authPriv"
else
        fail "authpriv-hint: no hint without authPriv" "$out"
fi
if [ -f "$BUILD/introspection/Gsnmp-1.0.typelib" ]; then
        out=$(GI_TYPELIB_PATH="$BUILD/introspection" LD_LIBRARY_PATH="$BUILD/gsnmp" \
              PYTHONPATH="$SRC/bindings/python" "$PY" - "$A" <<'PYEOF' 2>&1
import sys, gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gio, Gsnmp
user = Gsnmp.UsmUser.new('shaaes', Gsnmp.AuthProtocol.SHA, 'shaaespass',
                         Gsnmp.PrivProtocol.AES, 'wrongprivpass')
target = Gsnmp.Target.new(sys.argv[1], user)
target.set_timeout(300)
target.set_retries(1)
try:
    Gsnmp.Engine().get(target, ['1.3.6.1.2.1.1.5.0'])
except GLib.Error as e:
    assert e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.TIMED_OUT), e
    print(e.message)
PYEOF
)
        if [[ $out == "No response from 127.0.0.1:$FIXTURE_PORT"*"wrong privacy pass phrase"* ]]; then
                pass "authpriv-hint: the library's G_IO_ERROR_TIMED_OUT message says it"
        else
                fail "authpriv-hint: the library's G_IO_ERROR_TIMED_OUT message says it" "$out"
        fi
else
        fail "authpriv-hint: no typelib to run the library check with"
fi

interop_finish
