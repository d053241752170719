#!/usr/bin/env bash
# interop-agent.sh - "gsnmp agent" against Net-SNMP's tools
#
# Starts gsnmp agent on free loopback ports (127.0.0.1 and ::1) and checks
# with snmpget, snmpgetnext, snmpbulkget, snmpwalk, snmpbulkwalk, snmpset
# and snmptable, under LC_ALL=C:
#   - the demo MIB over SNMPv1 and SNMPv2c: values, errors (noSuchName,
#     noAccess, wrongType, notWritable), SET and its effect, -e ENGINEID;
#   - every SNMPv3 user of the snmpd fixture (every USM protocol Debian's
#     Net-SNMP supports): GET, GETBULK walk and SET, and a wrong pass
#     phrase;
#   - the same data from snmpd and from gsnmp: the fixture's subtree is
#     dumped to an .snmprec file (tests/snmprec-dump.py) and served with
#     --data-file and --data-dir; snmpwalk/snmpbulkwalk -On of both are
#     compared byte for byte, over v1, v2c and v3 (context name);
#   - malformed datagrams: counted, and the agent keeps answering;
#   - a clean stop on SIGTERM and SIGINT.
# One line per check: PASS/FAIL (with a diff); exits 1 if a check failed,
# 77 (skip) without Net-SNMP.

. "$(dirname "$0")/interop-lib.sh"

ROWS=500

interop_need snmpget snmpgetnext snmpbulkget snmpwalk snmpbulkwalk snmpset snmptable snmpd
interop_init agent
interop_start_snmpd FIXTURE_ROWS=$ROWS

build=${MESON_BUILD_ROOT:-$(dirname "$TOOL")/..}
export GI_TYPELIB_PATH="$build/introspection${GI_TYPELIB_PATH:+:$GI_TYPELIB_PATH}"
export LD_LIBRARY_PATH="$build/gsnmp${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

. "$SRC/tests/snmpd-fixture.sh"
HAVE6=0
fixture_have_ipv6 && HAVE6=1

D=.1.3.6.1.4.1.8072.9999.9999
AGENT_PID=
GA=
GA6=

# agent_start NAME ARGS...: gsnmp agent ARGS on a free port; GA, GA6
agent_start ()
{
        local name=$1 port i
        shift
        port=$(fixture_free_port $HAVE6) || { fail "$name: no free port"; return 1; }
        GA="udp:127.0.0.1:$port"
        GA6=
        if [ $HAVE6 = 1 ]; then
                GA6="udp6:[::1]:$port"
                "$TOOL" agent "$@" "$GA" "$GA6" 2> "$WORK/agent.err" &
        else
                "$TOOL" agent "$@" "$GA" 2> "$WORK/agent.err" &
        fi
        AGENT_PID=$!
        for i in $(seq 1 100); do
                if [ "$(grep -c 'listening on' "$WORK/agent.err")" -ge $((1 + HAVE6)) ]; then
                        return 0
                fi
                kill -0 $AGENT_PID 2>/dev/null || break
                sleep 0.1
        done
        fail "$name: gsnmp agent did not start" "$(cat "$WORK/agent.err")"
        AGENT_PID=
        return 1
}

# agent_stop [SIGNAL]: stops it, checks the exit status and the log
agent_stop ()
{
        local sig=${1:-TERM} rc
        [ -n "$AGENT_PID" ] || return 0
        kill -"$sig" $AGENT_PID
        wait $AGENT_PID
        rc=$?
        AGENT_PID=
        if [ $rc != 0 ] || ! grep -q 'stopping' "$WORK/agent.err"; then
                fail "agent stops cleanly on SIG$sig" "exit status $rc" "$(cat "$WORK/agent.err")"
                return 1
        fi
        return 0
}
interop_on_exit '[ -n "$AGENT_PID" ] && kill $AGENT_PID 2>/dev/null'

# expect NAME EXPECTED-EXIT-STATUS EXPECTED-OUTPUT COMMAND...: runs
# COMMAND, compares stdout+stderr and the exit status
expect ()
{
        local name=$1 want_rc=$2 want=$3 rc
        shift 3
        timeout 60 "$@" > "$WORK/out" 2>&1
        rc=$?
        printf '%s\n' "$want" > "$WORK/want"
        if [ "$rc" = "$want_rc" ] && cmp -s "$WORK/want" "$WORK/out"; then
                pass "$name"
        else
                fail "$name" "command: $*" "exit status $rc, expected $want_rc"
                diff -u --label expected --label got "$WORK/want" "$WORK/out" | head -30 | sed 's/^/    /'
        fi
}

# same NAME ARGS...: snmpCOMMAND ARGS against snmpd ($A) and gsnmp agent
# ($GA), -On output compared byte for byte; ARGS use @ for the address
same ()
{
        local name=$1 cmd=$2 nrc grc
        shift 2
        local nargs=() gargs=() a
        for a in "$@"; do
                nargs+=("${a/@/$A}")
                gargs+=("${a/@/$GA}")
        done
        timeout 120 "snmp$cmd" "${nargs[@]}" > "$WORK/n.out" 2>&1
        nrc=$?
        timeout 120 "snmp$cmd" "${gargs[@]}" > "$WORK/g.out" 2>&1
        grc=$?
        if [ $nrc = $grc ] && cmp -s "$WORK/n.out" "$WORK/g.out"; then
                pass "$name ($(wc -l < "$WORK/g.out") lines, identical)"
        else
                fail "$name" "exit status snmpd $nrc, gsnmp agent $grc"
                diff -u --label snmpd --label "gsnmp agent" "$WORK/n.out" "$WORK/g.out" | head -30 | sed 's/^/    /'
        fi
}

V1="-v1 -c public"
V2="-v2c -c public"

########################################################################
echo "# the demo MIB, SNMPv1 and SNMPv2c"
agent_start demo --demo-rows 3 --rw-community private -e 0x80001f88040102030405 || interop_finish

expect "get v2c" 0 "$D.1.0 = INTEGER: 42
$D.2.1.2.3 = STRING: \"row-3\"
.1.3.6.1.2.1.1.7.0 = INTEGER: 72" \
        snmpget -On $V2 "$GA" $D.1.0 $D.2.1.2.3 .1.3.6.1.2.1.1.7.0
if [ -n "$GA6" ]; then
        expect "get v2c over IPv6" 0 "$D.1.0 = INTEGER: 42" snmpget -On $V2 "$GA6" $D.1.0
fi
expect "get v2c exceptions" 0 "$D.2.1.2.4 = No Such Instance currently exists at this OID
$D.7.0 = No Such Object available on this agent at this OID" \
        snmpget -On $V2 "$GA" $D.2.1.2.4 $D.7.0
expect "get v1 noSuchName" 2 "Error in packet
Reason: (noSuchName) There is no such variable name in this MIB.
Failed object: $D.2.1.2.4

$D.1.0 = INTEGER: 42" \
        snmpget -On $V1 "$GA" $D.1.0 $D.2.1.2.4
expect "getnext v1" 0 "$D.2.1.1.1 = INTEGER: 1" snmpgetnext -On $V1 "$GA" $D.1.0
expect "bulkget -Cn1 -Cr3" 0 "$D.1.0 = INTEGER: 42
$D.2.1.1.1 = INTEGER: 1
$D.2.1.2.1 = STRING: \"row-1\"
$D.2.1.1.2 = INTEGER: 2
$D.2.1.2.2 = STRING: \"row-2\"
$D.2.1.1.3 = INTEGER: 3
$D.2.1.2.3 = STRING: \"row-3\"" \
        snmpbulkget -On $V2 -Cn1 -Cr3 "$GA" $D $D.2.1.1 $D.2.1.2
DEMO_WALK="$D.1.0 = INTEGER: 42
$D.2.1.1.1 = INTEGER: 1
$D.2.1.1.2 = INTEGER: 2
$D.2.1.1.3 = INTEGER: 3
$D.2.1.2.1 = STRING: \"row-1\"
$D.2.1.2.2 = STRING: \"row-2\"
$D.2.1.2.3 = STRING: \"row-3\"
$D.2.1.3.1 = Counter32: 100
$D.2.1.3.2 = Counter32: 200
$D.2.1.3.3 = Counter32: 300"
expect "walk v1" 0 "$DEMO_WALK" snmpwalk -On $V1 "$GA" $D
expect "walk v2c" 0 "$DEMO_WALK" snmpwalk -On $V2 "$GA" $D
expect "bulkwalk v2c -Cr50" 0 "$DEMO_WALK" snmpbulkwalk -On $V2 -Cr50 "$GA" $D
expect "bulkwalk v2c -Cr1" 0 "$DEMO_WALK" snmpbulkwalk -On $V2 -Cr1 "$GA" $D
# Net-SNMP's snmptable needs the table's MIB module: the system group's
# sysORTable, with the module gsnmp ships
expect "table sysORTable" 0 "SNMP table: SNMPv2-MIB::sysORTable

sysORID,sysORDescr,sysORUpTime
SNMPv2-MIB::snmpMIB,The MIB module for SNMPv2 entities,0:0:00:00.00
SNMPv2-SMI::snmpModules.10.3.1.1,The SNMP Management Architecture MIB.,0:0:00:00.00
SNMPv2-SMI::snmpModules.11.3.1.1,The MIB for Message Processing and Dispatching.,0:0:00:00.00
SNMPv2-SMI::snmpModules.15.2.1.1,The management information definitions for the SNMP User-based Security Model.,0:0:00:00.00" \
        snmptable -M "$SRC/mibs" -m SNMPv2-MIB -Cf , $V2 "$GA" sysORTable
expect "set v2c read-write" 0 "$D.1.0 = INTEGER: 7" snmpset -On -v2c -c private "$GA" $D.1.0 i 7
expect "get after set" 0 "$D.1.0 = INTEGER: 7" snmpget -On $V2 "$GA" $D.1.0
expect "set sysName" 0 ".1.3.6.1.2.1.1.5.0 = STRING: \"renamed\"" \
        snmpset -On -v2c -c private "$GA" .1.3.6.1.2.1.1.5.0 s renamed
expect "set read-only community: noAccess" 2 "Error in packet.
Reason: noAccess
Failed object: $D.1.0
" \
        snmpset -On $V2 "$GA" $D.1.0 i 8
expect "set wrongType" 2 "Error in packet.
Reason: wrongType (The set datatype does not match the data type the agent expects)
Failed object: $D.1.0
" \
        snmpset -On -v2c -c private "$GA" $D.1.0 s eight
expect "set notWritable, second varbind" 2 "Error in packet.
Reason: notWritable (That object does not support modification)
Failed object: $D.2.1.2.1
" \
        snmpset -On -v2c -c private "$GA" $D.1.0 i 9 $D.2.1.2.1 s x
expect "set v1 read-only: noSuchName" 2 "Error in packet.
Reason: (noSuchName) There is no such variable name in this MIB.
Failed object: $D.1.0
" \
        snmpset -On $V1 "$GA" $D.1.0 i 8
expect "set v1 wrongType: badValue" 2 "Error in packet.
Reason: (badValue) The value given has the wrong type or length.
Failed object: $D.1.0
" \
        snmpset -On -v1 -c private "$GA" $D.1.0 s eight
expect "get after failed sets" 0 "$D.1.0 = INTEGER: 7" snmpget -On $V2 "$GA" $D.1.0
expect "wrong community: timeout" 1 "Timeout: No Response from $GA." \
        snmpget -On -v2c -c wrong -r0 -t0.3 "$GA" $D.1.0

# malformed datagrams: counted (snmpInASNParseErrs), the agent answers on
if [ -n "$PY" ]; then
        "$PY" - "${GA##*:}" <<'EOF'
import socket, sys, os
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
port = int(sys.argv[1])
for i in range(500):
    s.sendto(b'\x30\x20' + os.urandom(32), ('127.0.0.1', port))
s.sendto(b'\x30\x29\x02\x01\x01\x04\x06pub', ('127.0.0.1', port))
EOF
        sleep 0.3
        n=$(snmpget -Oqv $V2 "$GA" .1.3.6.1.2.1.11.6.0 2>&1)
        if [ "$n" -ge 1 ] 2>/dev/null && [ "$n" -le 501 ]; then
                pass "malformed datagrams counted ($n snmpInASNParseErrs) and the agent answers"
        else
                fail "malformed datagrams" "snmpInASNParseErrs: $n"
        fi
fi
expect "engine ID from -e" 0 ".1.3.6.1.6.3.10.2.1.1.0 = Hex-STRING: 80 00 1F 88 04 01 02 03 04 05 " \
        snmpget -On $V2 "$GA" .1.3.6.1.6.3.10.2.1.1.0
agent_stop TERM && pass "stops cleanly on SIGTERM"

########################################################################
echo "# every SNMPv3 user of the fixture"
# createUser NAME [AUTH APASS [PRIV XPASS]] lines of the fixture's snmpd.conf
conf="$WORK/fixture/snmpd.conf"
while read -r _ name auth apass priv xpass; do
        args=(-u "$name")
        if [ -z "${auth:-}" ]; then
                args+=(-l noAuthNoPriv)
        elif [ -z "${priv:-}" ]; then
                args+=(-l authNoPriv -a "$auth" -A "$apass")
        else
                args+=(-l authPriv -a "$auth" -A "$apass" -x "$priv" -X "$xpass")
        fi
        agent_start "user $name" "${args[@]}" --demo-rows 3 || continue
        expect "v3 $name get" 0 "$D.2.1.2.2 = STRING: \"row-2\"" snmpget -On -v3 "${args[@]}" "$GA" $D.2.1.2.2
        expect "v3 $name bulkwalk" 0 "$DEMO_WALK" snmpbulkwalk -On -v3 "${args[@]}" "$GA" $D
        expect "v3 $name set" 0 "$D.1.0 = INTEGER: 5" snmpset -On -v3 "${args[@]}" "$GA" $D.1.0 i 5
        if [ -n "${auth:-}" ]; then
                bad=("${args[@]}")
                bad[7]="wrong-${apass}"
                expect "v3 $name wrong pass phrase" 1 "snmpget: Authentication failure (incorrect password, community or key)" \
                        snmpget -On -v3 -r0 "${bad[@]}" "$GA" $D.1.0
        fi
        agent_stop INT || true
done < <(grep '^createUser' "$conf")
agent_start "unknown user" -u someone -l noAuthNoPriv --demo-rows 1 && {
        expect "v3 unknown user" 1 "snmpget: Unknown user name" \
                snmpget -On -v3 -r0 -u nobody -l noAuthNoPriv "$GA" $D.1.0
        expect "v3 usmStatsUnknownUserNames" 0 ".1.3.6.1.6.3.15.1.1.3.0 = Counter32: 1" \
                snmpget -On -v3 -u someone -l noAuthNoPriv "$GA" .1.3.6.1.6.3.15.1.1.3.0
        agent_stop
}

########################################################################
echo "# the same data from snmpd and from gsnmp agent"
if [ -z "$PY" ] || ! "$PY" "$SRC/tests/snmprec-dump.py" "$A" public $B > "$WORK/fixture.snmprec" 2> "$WORK/dump.err"; then
        fail "dump the fixture to .snmprec" "$(cat "$WORK/dump.err")"
else
        pass "dump the fixture to .snmprec ($(wc -l < "$WORK/fixture.snmprec") values)"
        V3U=(-v3 -u shaaes -l authPriv -a SHA -A shaaespass -x AES -X shaaespriv)
        agent_start "data-file" --data-file "$WORK/fixture.snmprec" "${V3U[@]:1}" && {
                for v in "$V1" "$V2"; do
                        same "walk ${v%% -c*} $B" walk -On $v @ $B
                done
                same "bulkwalk v2c -Cr50 $B" bulkwalk -On $V2 -Cr50 @ $B
                same "bulkwalk v2c -Cr7 $B.1" bulkwalk -On $V2 -Cr7 @ $B.1
                same "bulkwalk v3 authPriv $B" bulkwalk -On "${V3U[@]}" @ $B
                same "get every type" get -On $V2 @ $B.1.1.0 $B.1.2.0 $B.1.3.0 $B.1.4.0 $B.1.5.0 $B.3.1.0 $B.3.2.0 $B.3.4.0
                same "getnext past the data" getnext -On $V2 @ $B.9
                agent_stop
        }
        mkdir -p "$WORK/data/os/linux"
        cp "$WORK/fixture.snmprec" "$WORK/data/os/linux/box.snmprec"
        cp "$WORK/fixture.snmprec" "$WORK/data/other.snmprec"
        agent_start "data-dir" --data-dir "$WORK/data" "${V3U[@]:1}" && {
                timeout 120 snmpbulkwalk -On $V2 "$A" $B > "$WORK/n.out" 2>&1
                timeout 120 snmpbulkwalk -On -v2c -c os/linux/box "$GA" $B > "$WORK/g.out" 2>&1
                if cmp -s "$WORK/n.out" "$WORK/g.out"; then
                        pass "data-dir: community os/linux/box, identical bulkwalk"
                else
                        fail "data-dir: community os/linux/box" "$(diff "$WORK/n.out" "$WORK/g.out" | head -10)"
                fi
                timeout 120 snmpbulkwalk -On "${V3U[@]}" -n os/linux/box "$GA" $B > "$WORK/g.out" 2>&1
                if cmp -s "$WORK/n.out" "$WORK/g.out"; then
                        pass "data-dir: SNMPv3 context os/linux/box, identical bulkwalk"
                else
                        fail "data-dir: SNMPv3 context os/linux/box" "$(diff "$WORK/n.out" "$WORK/g.out" | head -10)"
                fi
                expect "data-dir: unknown community" 1 "Timeout: No Response from $GA." \
                        snmpget -On -v2c -c public -r0 -t0.3 "$GA" $B.1.1.0
                agent_stop
        }
fi

########################################################################
echo "# the Python and JavaScript agent examples, from Net-SNMP's tools"
X=$D.7
EX_WALK_HEAD="$X.2.1.1.1 = INTEGER: 1
$X.2.1.1.2 = INTEGER: 2
$X.2.1.1.3 = INTEGER: 3
$X.2.1.1.4 = INTEGER: 4
$X.2.1.1.5 = INTEGER: 5
$X.2.1.2.1 = STRING: \"row 1\"
$X.2.1.2.2 = STRING: \"row 2\"
$X.2.1.2.3 = STRING: \"row 3\"
$X.2.1.2.4 = STRING: \"row 4\"
$X.2.1.2.5 = STRING: \"row 5\"
$X.3.0 = STRING: \"late answer\""
for ex in "/usr/bin/python3 $SRC/examples/agent.py" "gjs -m $SRC/examples/agent.js"; do
        lang=${ex%% *}; lang=${lang##*/}
        if ! command -v "${ex%% *}" >/dev/null 2>&1 || [ ! -f "$build/introspection/Gsnmp-1.0.typelib" ]; then
                fail "$lang agent example: ${ex%% *} or the typelib is missing"
                continue
        fi
        port=$(fixture_free_port 0)
        $ex "udp:127.0.0.1:$port" > "$WORK/ex.out" 2> "$WORK/ex.err" &
        EX_PID=$!
        for i in $(seq 1 100); do
                grep -q 'listening on' "$WORK/ex.err" && break
                sleep 0.1
        done
        snmpwalk -On $V2 "udp:127.0.0.1:$port" $X > "$WORK/out" 2>&1
        if [ "$(tail -n +2 "$WORK/out")" = "$EX_WALK_HEAD" ] && head -n 1 "$WORK/out" | grep -q "^$X.1.0 = INTEGER: [0-9]*$"; then
                pass "$lang agent example: walk (scalar, table, asynchronous provider)"
        else
                fail "$lang agent example: walk" "$(cat "$WORK/out" "$WORK/ex.err")"
        fi
        expect "$lang agent example: bulkwalk" 0 "$(printf '%s\n' "$EX_WALK_HEAD" | head -n 10)" \
                snmpbulkwalk -On $V2 "udp:127.0.0.1:$port" $X.2
        expect "$lang agent example: set a table cell" 0 "$X.2.1.2.3 = STRING: \"third\"" \
                snmpset -On -v2c -c private "udp:127.0.0.1:$port" $X.2.1.2.3 s third
        expect "$lang agent example: the validate handler refuses" 2 "Error in packet.
Reason: wrongLength (The set value has an illegal length from what the agent expects)
Failed object: $X.2.1.2.3
" \
                snmpset -On -v2c -c private "udp:127.0.0.1:$port" $X.2.1.2.3 s 0123456789012345678901234567890123456789
        kill -INT $EX_PID
        wait $EX_PID
        rc=$?
        if [ $rc = 0 ] && grep -q "set: $X.2.1.2.3 = STRING: \"third\"" "$WORK/ex.out"; then
                pass "$lang agent example: changed signal, stops on SIGINT"
        else
                fail "$lang agent example: stop" "exit status $rc" "$(cat "$WORK/ex.out" "$WORK/ex.err")"
        fi
done

echo "# bad command lines"
expect "no address" 1 "gsnmp: no address to listen on, such as udp:127.0.0.1:1161" "$TOOL" agent
expect "bad --demo-rows" 1 "gsnmp: --demo-rows needs a number from 0 to 10000000" "$TOOL" agent --demo-rows x udp:127.0.0.1:0
expect "missing data file" 1 "gsnmp: Failed to open file “$WORK/none.snmprec”: No such file or directory" \
        "$TOOL" agent --data-file "$WORK/none.snmprec" udp:127.0.0.1:0
printf '1.3.6.1|4|ok\n1.3.6.1.2|99|x\n' > "$WORK/bad.snmprec"
expect "bad data file" 1 "gsnmp: $WORK/bad.snmprec: Line 2 of the snmprec data: unknown type tag 99" \
        "$TOOL" agent --data-file "$WORK/bad.snmprec" udp:127.0.0.1:0
expect "bad address" 1 "gsnmp: serving the demo MIB (100 rows) under $D
gsnmp: udp:1.2.3:0: Invalid listening address “udp:1.2.3:0”: give an IP address, such as “udp:0.0.0.0:162” or “udp6:[::]:162”" \
        "$TOOL" agent udp:1.2.3:0

interop_finish
