#!/usr/bin/env bash
# interop-notify.sh - gsnmp's notifications against Net-SNMP, both ways
#
# 1. gsnmp trap / gsnmp inform to snmptrapd (tests/snmptrapd-fixture.sh):
#    SNMPv1 traps, SNMPv2c traps and informs, SNMPv3 traps and informs at
#    noAuthNoPriv, authNoPriv and authPriv, each logged by snmptrapd with the
#    right fields; a wrong community is not logged, an unacknowledged inform
#    fails.
# 2. snmptrap and snmpinform to gsnmp listen: SNMPv1 and SNMPv2c traps,
#    SNMPv2c informs, SNMPv3 traps from several sender engine IDs and SNMPv3
#    informs at every level, each printed with the right fields (line format
#    and --json); wrong communities and passphrases dropped and counted
#    (--stats).
# 3. A burst of 10,000 SNMPv2c traps from a local sender to gsnmp listen:
#    all of them arrive.
#
# Environment: GSNMP_TOOL (the built gsnmp), GSNMP_SOURCE_ROOT; set by
# tests/meson.build. One line per check: "PASS name", "FAIL name" (with what
# was expected and what came) or "SKIP name"; exits 1 if any check failed,
# 77 (skip) without Net-SNMP or without the tool's notification commands.
# Everything stays on 127.0.0.1 and ::1, on free ports.

. "$(dirname "$0")/interop-lib.sh"

FIXTURE="$SRC/tests/snmptrapd-fixture.sh"

interop_need snmptrap snmpinform snmptrapd
interop_init notify
if ! "$TOOL" trap --help >/dev/null 2>&1 || ! "$TOOL" listen --help >/dev/null 2>&1; then
        echo "SKIP: $TOOL has no trap and listen commands"
        exit 77
fi
if [ -z "$PY" ]; then
        echo "SKIP: python3 not found (the burst sender and the JSON checks need it)"
        exit 77
fi

LISTEN_PIDS=
interop_on_exit 'for pid in $LISTEN_PIDS; do kill "$pid"; wait "$pid"; done 2>/dev/null'
interop_on_exit '"$FIXTURE" stop "$WORK/trapd" >/dev/null 2>&1'

# wait_for SECONDS COMMAND...: poll every 0.05 s
wait_for ()
{
        local n=$(( $1 * 20 ))
        shift
        while [ "$n" -gt 0 ]; do
                "$@" >/dev/null 2>&1 && return 0
                sleep 0.05
                n=$((n - 1))
        done
        return 1
}

# Net-SNMP's tools: no MIB files, no user configuration, state in $WORK
mkdir -p "$WORK/client" "$WORK/client-persist/cert_indexes"
printf 'mibs :\n' > "$WORK/client/snmp.conf"
export SNMPCONFPATH="$WORK/client"
export SNMP_PERSISTENT_DIR="$WORK/client-persist"
export MIBS=
export HOME="$WORK"

HAVE6=0
grep -q '^00000000000000000000000000000001' /proc/net/if_inet6 2>/dev/null && HAVE6=1

#############################################################################
# 1. gsnmp -> snmptrapd

if ! trapd_env=$(TRAPD_WATCH_PID=$$ "$FIXTURE" start "$WORK/trapd"); then
        echo "FAIL could not start snmptrapd"
        exit 1
fi
eval "$trapd_env"
T="udp:127.0.0.1:${TRAPD_PORT}"
E1=$(echo "$TRAPD_SENDER_ENGINE_IDS" | cut -d' ' -f1)

# expect_logged NAME FIXED-STRING...: a line of the trap log holds every
# string (grep -F), within 5 s
expect_logged ()
{
        local name=$1 line
        shift
        if wait_for 5 grep -qF -- "$1" "$TRAPD_LOG"; then
                line=$(grep -F -- "$1" "$TRAPD_LOG" | tail -n 1)
                for s in "$@"; do
                        if [[ "$line" != *"$s"* ]]; then
                                fail "$name" "expected in the snmptrapd line: $s" "line: $line"
                                return
                        fi
                done
                pass "$name"
        else
                fail "$name" "snmptrapd logged no line with: $1" "log: $(tail -n 3 "$TRAPD_LOG")"
        fi
}

expect_not_logged ()
{
        # a later marker proves the earlier datagram was processed
        if grep -qF -- "$2" "$TRAPD_LOG"; then
                fail "$1" "snmptrapd logged: $(grep -F -- "$2" "$TRAPD_LOG")"
        else
                pass "$1"
        fi
}

# run_ok NAME COMMAND...: exit status 0, no output
run_ok ()
{
        local name=$1 out rc
        shift
        out=$("$@" 2>&1)
        rc=$?
        if [ "$rc" -ne 0 ] || [ -n "$out" ]; then
                fail "$name" "exit status $rc, output: $out"
                return 1
        fi
        return 0
}

run_ok "gsnmp trap -v1 sent" "$TOOL" trap -v1 -c public "$T" 1.3.6.1.4.1.8072.2.3.1 192.0.2.5 6 17 4242 \
        1.3.6.1.2.1.1.5.0 s gs-v1-marker 1.3.6.1.2.1.1.6.0 i -7 1.3.6.1.2.1.2.2.1.10.1 c 4000000000 &&
expect_logged "gsnmp trap -v1 logged" 'gs-v1-marker' 'ver=0|' 'community public' 'agent=192.0.2.5|' \
        'ent=.1.3.6.1.4.1.8072.2.3.1|' 'generic=6|' 'specific=.17|' 'uptime=4242|' \
        '.1.3.6.1.2.1.1.6.0 = INTEGER: -7' '.1.3.6.1.2.1.2.2.1.10.1 = Counter32: 4000000000'

run_ok "gsnmp trap -v1 defaults sent" "$TOOL" trap -v1 -c public "$T" '' '' 0 0 '' \
        1.3.6.1.2.1.1.5.0 s gs-v1-default-marker &&
expect_logged "gsnmp trap -v1 defaults logged" 'gs-v1-default-marker' 'ver=0|' 'agent=127.0.0.1|' \
        'ent=.1.3.6.1.4.1.3.1.1|' 'generic=0|'

run_ok "gsnmp trap -v2c sent" "$TOOL" trap -v2c -c public "$T" 4243 1.3.6.1.6.3.1.1.5.3 \
        1.3.6.1.2.1.2.2.1.1.1 i 1 1.3.6.1.2.1.1.5.0 s gs-v2c-marker 1.3.6.1.2.1.31.1.1.1.6.1 C 18446744073709551615 &&
expect_logged "gsnmp trap -v2c logged" 'gs-v2c-marker' 'ver=1|' 'TRAP2, SNMP v2c, community public' \
        'vbs=.1.3.6.1.2.1.1.3.0 = Timeticks: (4243) 0:00:42.43	.1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.3	.1.3.6.1.2.1.2.2.1.1.1 = INTEGER: 1' \
        '.1.3.6.1.2.1.31.1.1.1.6.1 = Counter64: 18446744073709551615'

if [ "$TRAPD_IPV6" = 1 ]; then
        run_ok "gsnmp trap -v2c udp6 sent" "$TOOL" trap -v2c -c public "udp6:[::1]:${TRAPD_PORT}" 1 \
                1.3.6.1.6.3.1.1.5.1 1.3.6.1.2.1.1.5.0 s gs-v6-marker &&
        expect_logged "gsnmp trap -v2c udp6 logged" 'gs-v6-marker' 'UDP/IPv6: [::1]'
else
        skip "gsnmp trap -v2c udp6: no ::1"
fi

run_ok "gsnmp inform -v2c acknowledged" "$TOOL" inform -v2c -c public -t 5 "$T" 4244 1.3.6.1.6.3.1.1.5.4 \
        1.3.6.1.2.1.1.5.0 s gs-inform-marker &&
expect_logged "gsnmp inform -v2c logged" 'gs-inform-marker' 'INFORM, SNMP v2c, community public' \
        'Timeticks: (4244)'

run_ok "gsnmp trap -Ci -v2c acknowledged" "$TOOL" trap -Ci -v2c -c public -t 5 "$T" 4245 1.3.6.1.6.3.1.1.5.4 \
        1.3.6.1.2.1.1.5.0 s gs-ci-marker &&
expect_logged "gsnmp trap -Ci -v2c logged" 'gs-ci-marker' 'INFORM, SNMP v2c'

out=$("$TOOL" trap -v2c -c wrong "$T" 1 1.3.6.1.6.3.1.1.5.1 1.3.6.1.2.1.1.5.0 s gs-badcomm-marker 2>&1)
"$TOOL" trap -v2c -c public "$T" 1 1.3.6.1.6.3.1.1.5.1 1.3.6.1.2.1.1.5.0 s gs-after-badcomm-marker
wait_for 5 grep -qF gs-after-badcomm-marker "$TRAPD_LOG"
expect_not_logged "gsnmp trap with a wrong community not logged" gs-badcomm-marker

out=$("$TOOL" inform -v2c -c wrong -t 0.3 -r 1 "$T" 1 1.3.6.1.6.3.1.1.5.1 2>&1)
rc=$?
if [ "$rc" = 1 ] && [ "$out" = "$(basename "$TOOL"): Timeout" ]; then
        pass "gsnmp inform with a wrong community times out"
else
        fail "gsnmp inform with a wrong community times out" "exit status $rc, output: $out"
fi

out=$("$TOOL" inform -v1 -c public "$T" 1 1.3.6.1.6.3.1.1.5.1 2>&1)
rc=$?
if [ "$rc" = 1 ] && [ "$out" = "Cannot send INFORM as SNMPv1 PDU" ]; then
        pass "gsnmp inform -v1 refused as snmpinform does"
else
        fail "gsnmp inform -v1 refused as snmpinform does" "exit status $rc, output: $out"
fi

out=$("$TOOL" trap -v1 -c public "$T" '' '' 6 1 '' 1.3.6.1.2.1.31.1.1.1.6.1 C 1 2>&1)
rc=$?
if [ "$rc" = 1 ] && [[ "$out" == *"Counter64"*"SNMPv2c or SNMPv3"* ]]; then
        pass "gsnmp trap -v1 with a Counter64 refused"
else
        fail "gsnmp trap -v1 with a Counter64 refused" "exit status $rc, output: $out"
fi

# SNMPv3: needs the common SNMPv3 options of the tool (-u -l -a -A -x -X -e)
v3probe=$("$TOOL" trap -v3 -e "$E1" -u trapnoauth -l noAuthNoPriv "udp:127.0.0.1:9" 1 1.3.6.1.6.3.1.1.5.1 2>&1)
if [[ "$v3probe" == *"not supported"* ]]; then
        skip "gsnmp SNMPv3 traps and informs: the tool has no SNMPv3 options yet ($v3probe)"
else
        # RFC 3412 §6.4: a trap's reportableFlag is 0; Net-SNMP takes a
        # reportable message as one it is authoritative for and drops a trap
        # with the sender's engine ID as "unknown engine ID"
        flags=$("$PY" - "$TOOL" "$E1" <<'EOF' 2>&1
import socket, subprocess, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
s.settimeout(10)
subprocess.run([sys.argv[1], "trap", "-v3", "-e", sys.argv[2], "-u", "trapnoauth", "-l", "noAuthNoPriv",
                "udp:127.0.0.1:%d" % s.getsockname()[1], "1", "1.3.6.1.6.3.1.1.5.1"], check=True)
d = s.recv(65535)
# SEQUENCE { INTEGER 3, SEQUENCE { msgID, msgMaxSize, msgFlags OCTET STRING (1) ... } }
i = 2 + (d[1] & 0x7f if d[1] & 0x80 else 0)     # into the message
i += 3                                           # msgVersion
i += 2 + (d[i + 1] & 0x7f if d[i + 1] & 0x80 else 0)   # into msgGlobalData
for _ in range(2):                               # msgID, msgMaxSize
    i += 2 + d[i + 1]
print(d[i + 2])
EOF
)
        if [ "$flags" != "0" ] && [ "$flags" != "1" ] && [ "$flags" != "3" ]; then
                fail "gsnmp's SNMPv3 traps have the reportable flag clear (RFC 3412 §6.4)" \
                     "msgFlags $flags: snmptrapd drops such traps (unknown engine ID); the SNMPv3 trap checks are not run"
                V3_TRAPS=0
        else
                pass "gsnmp's SNMPv3 traps have the reportable flag clear (RFC 3412 §6.4)"
                V3_TRAPS=1
        fi
        for level in noauth auth priv; do
                case $level in
                noauth) targs=(-u trapnoauth -l noAuthNoPriv)
                        iargs=(-u informnoauth -l noAuthNoPriv) ;;
                auth)   targs=(-u trapauth -l authNoPriv -a SHA -A trapauthpass)
                        iargs=(-u informauth -l authNoPriv -a SHA -A informauthpass) ;;
                priv)   targs=(-u trappriv -l authPriv -a SHA-256 -A trapprivpass -x AES -X trapprivpriv)
                        iargs=(-u informpriv -l authPriv -a SHA -A informprivpass -x AES -X informprivpriv) ;;
                esac
                if [ "$V3_TRAPS" = 1 ]; then
                        run_ok "gsnmp trap -v3 $level sent" "$TOOL" trap -v3 -e "$E1" "${targs[@]}" "$T" 4250 \
                                1.3.6.1.6.3.1.1.5.3 1.3.6.1.2.1.1.5.0 s "gs-v3-$level-trap" &&
                        expect_logged "gsnmp trap -v3 $level logged" "gs-v3-$level-trap" 'ver=3|' \
                                "TRAP2, SNMP v3, user ${targs[1]}" 'Timeticks: (4250)'
                fi
                run_ok "gsnmp inform -v3 $level acknowledged" "$TOOL" inform -v3 -t 5 "${iargs[@]}" "$T" 4251 \
                        1.3.6.1.6.3.1.1.5.4 1.3.6.1.2.1.1.5.0 s "gs-v3-$level-inform" &&
                expect_logged "gsnmp inform -v3 $level logged" "gs-v3-$level-inform" 'ver=3|' \
                        "INFORM, SNMP v3, user ${iargs[1]}" 'Timeticks: (4251)'
        done
        out=$("$TOOL" inform -v3 -r 0 -t 2 -u informauth -l authNoPriv -a SHA -A wrongpassword "$T" 1 \
              1.3.6.1.6.3.1.1.5.4 1.3.6.1.2.1.1.5.0 s gs-v3-badpass 2>&1)
        rc=$?
        if [ "$rc" = 1 ] && [[ "$out" == *"wrong digest"* || "$out" == *"uthentication"* ]]; then
                pass "gsnmp inform -v3 with a wrong passphrase refused"
        else
                fail "gsnmp inform -v3 with a wrong passphrase refused" "exit status $rc, output: $out"
        fi
fi

#############################################################################
# 2. Net-SNMP -> gsnmp listen

S1=0x80001f8804736e6d7031
S2=0x80001f8804736e6d7032
S3=0x8000000005010203040506
cat > "$WORK/listen.conf" <<EOF
# snmptrapd.conf syntax
authCommunity log,execute,net public
createUser -e $S1 trapuser SHA-256 trapuserpass AES trapuserpriv
createUser -e $S2 trapuser SHA-256 trapuserpass AES trapuserpriv
createUser -e $S1 trapnoauth
createUser anyauth SHA anyauthpass
createUser informnoauth
createUser informauth SHA informauthpass
createUser informpriv SHA-512 informprivpass AES-256 informprivpriv
authUser log trapuser priv
EOF

# start_listener NAME ARGS...: gsnmp listen in the background; sets
# LISTEN_PORT, LISTEN_OUT, LISTEN_ERR
start_listener ()
{
        local name=$1 pid
        shift
        LISTEN_OUT="$WORK/$name.out"
        LISTEN_ERR="$WORK/$name.err"
        "$TOOL" listen "$@" > "$LISTEN_OUT" 2> "$LISTEN_ERR" &
        pid=$!
        LISTEN_PIDS="$LISTEN_PIDS $pid"
        LISTEN_PID=$pid
        if ! wait_for 10 grep -q 'engine ID' "$LISTEN_ERR"; then
                echo "FAIL gsnmp listen did not start: $(cat "$LISTEN_ERR")"
                exit 1
        fi
        LISTEN_PORT=$(sed -n 's/.*listening on udp:127\.0\.0\.1:0 (port \([0-9]*\)).*/\1/p' "$LISTEN_ERR" | head -n 1)
        LISTEN_PORT6=$(sed -n 's/.*listening on udp6:\[::1\]:0 (port \([0-9]*\)).*/\1/p' "$LISTEN_ERR" | head -n 1)
        LISTEN_ENGINE=$(sed -n 's/.*engine ID \(0x[0-9a-f]*\).*/\1/p' "$LISTEN_ERR")
}

stop_listener ()
{
        kill -TERM "$LISTEN_PID" 2>/dev/null
        wait "$LISTEN_PID" 2>/dev/null
}

# expect_printed NAME MARKER FIXED-STRING...
expect_printed ()
{
        local name=$1 line
        shift
        if wait_for 5 grep -qF -- "$1" "$LISTEN_OUT"; then
                line=$(grep -F -- "$1" "$LISTEN_OUT" | tail -n 1)
                for s in "$@"; do
                        if [[ "$line" != *"$s"* ]]; then
                                fail "$name" "expected in the gsnmp listen line: $s" "line: $line"
                                return
                        fi
                done
                pass "$name"
        else
                fail "$name" "gsnmp listen printed no line with: $1" "stderr: $(tail -n 3 "$LISTEN_ERR")"
        fi
}

addrs=(udp:127.0.0.1:0)
[ "$HAVE6" = 1 ] && addrs+=("udp6:[::1]:0")
start_listener lines --stats --config "$WORK/listen.conf" "${addrs[@]}"
L="udp:127.0.0.1:${LISTEN_PORT}"

snmptrap -v1 -c public "$L" 1.3.6.1.4.1.8072.2.3.1 192.0.2.5 6 17 4242 1.3.6.1.2.1.1.5.0 s ns-v1-marker 1.3.6.1.2.1.1.6.0 i 7
expect_printed "snmptrap -v1 received" 'ns-v1-marker' ' v1 TRAP community="public" .1.3.6.1.4.1.8072.2.3.1.0.17 uptime=4242 enterprise=.1.3.6.1.4.1.8072.2.3.1 agent=192.0.2.5 generic=6 specific=17	.1.3.6.1.2.1.1.5.0 = STRING: "ns-v1-marker"	.1.3.6.1.2.1.1.6.0 = INTEGER: 7'

snmptrap -v1 -c public "$L" 1.3.6.1.4.1.8072.2.3.1 192.0.2.6 2 0 55 1.3.6.1.2.1.1.5.0 s ns-v1-generic-marker
expect_printed "snmptrap -v1 generic trap received" 'ns-v1-generic-marker' ' .1.3.6.1.6.3.1.1.5.3 uptime=55 ' 'generic=2 specific=0'

snmptrap -v2c -c public "$L" 4243 1.3.6.1.6.3.1.1.5.1 1.3.6.1.2.1.1.5.0 s "ns-v2c-marker	tab" 1.3.6.1.2.1.1.6.0 x 00ff 1.3.6.1.2.1.1.7.0 c 42
expect_printed "snmptrap -v2c received" 'ns-v2c-marker' ' v2c TRAP community="public" .1.3.6.1.6.3.1.1.5.1 uptime=4243	.1.3.6.1.2.1.1.5.0 = STRING: "ns-v2c-marker\ttab"	.1.3.6.1.2.1.1.6.0 = Hex-STRING: 00 FF 	.1.3.6.1.2.1.1.7.0 = Counter32: 42'
line=$(grep -F ns-v2c-marker "$LISTEN_OUT" | tail -n 1)
sender=$(echo "$line" | cut -d' ' -f2)
if [[ "$sender" =~ ^127\.0\.0\.1:[0-9]+$ ]] && [[ "$line" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{12}[+-][0-9]{2}:[0-9]{2}\  ]]; then
        pass "gsnmp listen prints the time and the sender's address and port"
else
        fail "gsnmp listen prints the time and the sender's address and port" "line: $line"
fi

if [ -n "$LISTEN_PORT6" ]; then
        snmptrap -v2c -c public "udp6:[::1]:${LISTEN_PORT6}" 1 1.3.6.1.6.3.1.1.5.1 1.3.6.1.2.1.1.5.0 s ns-v6-marker
        expect_printed "snmptrap -v2c udp6 received" 'ns-v6-marker' ' [::1]:' ' v2c TRAP '
else
        skip "snmptrap -v2c udp6: no ::1"
fi

out=$(snmpinform -v2c -c public -t 5 "$L" 4244 1.3.6.1.6.3.1.1.5.4 1.3.6.1.2.1.1.5.0 s ns-inform-marker 2>&1)
rc=$?
if [ "$rc" = 0 ] && [ -z "$out" ]; then pass "snmpinform -v2c acknowledged"; else fail "snmpinform -v2c acknowledged" "exit status $rc, output: $out"; fi
expect_printed "snmpinform -v2c received" 'ns-inform-marker' ' v2c INFORM community="public" .1.3.6.1.6.3.1.1.5.4 uptime=4244'

# SNMPv3 traps: two sender engine IDs bound to one user name, and a user
# for any sender
for e in $S1 $S2; do
        snmptrap -v3 -e "$e" -u trapuser -l authPriv -a SHA-256 -A trapuserpass -x AES -X trapuserpriv "$L" 4250 \
                1.3.6.1.6.3.1.1.5.3 1.3.6.1.2.1.1.5.0 s "ns-v3-priv-$e"
        expect_printed "snmptrap -v3 authPriv from engine $e received" "ns-v3-priv-$e" \
                " v3 TRAP user=trapuser level=authPriv engine=$e .1.3.6.1.6.3.1.1.5.3 uptime=4250"
done
snmptrap -v3 -e "$S1" -u trapnoauth -l noAuthNoPriv "$L" 4251 1.3.6.1.6.3.1.1.5.3 1.3.6.1.2.1.1.5.0 s ns-v3-noauth
expect_printed "snmptrap -v3 noAuthNoPriv received" ns-v3-noauth " v3 TRAP user=trapnoauth level=noAuthNoPriv engine=$S1 "
for e in $S1 $S2 $S3; do
        snmptrap -v3 -e "$e" -u anyauth -l authNoPriv -a SHA -A anyauthpass "$L" 4252 1.3.6.1.6.3.1.1.5.3 \
                1.3.6.1.2.1.1.5.0 s "ns-v3-any-$e"
        expect_printed "snmptrap -v3 authNoPriv, user for any engine, from $e received" "ns-v3-any-$e" \
                " v3 TRAP user=anyauth level=authNoPriv engine=$e "
done

# Refused: a user bound to other engines, wrong passphrase, wrong community
snmptrap -v3 -e "$S3" -u trapuser -l authPriv -a SHA-256 -A trapuserpass -x AES -X trapuserpriv "$L" 1 \
        1.3.6.1.6.3.1.1.5.3 1.3.6.1.2.1.1.5.0 s ns-v3-unbound
snmptrap -v3 -e "$S1" -u trapuser -l authPriv -a SHA-256 -A wrongpassword -x AES -X trapuserpriv "$L" 1 \
        1.3.6.1.6.3.1.1.5.3 1.3.6.1.2.1.1.5.0 s ns-v3-wrongpass
snmptrap -v3 -e "$S1" -u trapuser -l authNoPriv -a SHA-256 -A trapuserpass "$L" 1 \
        1.3.6.1.6.3.1.1.5.3 1.3.6.1.2.1.1.5.0 s ns-v3-lowlevel
snmptrap -v2c -c private "$L" 1 1.3.6.1.6.3.1.1.5.1 1.3.6.1.2.1.1.5.0 s ns-badcomm
snmptrap -v2c -c public "$L" 1 1.3.6.1.6.3.1.1.5.1 1.3.6.1.2.1.1.5.0 s ns-after-refused
wait_for 5 grep -qF ns-after-refused "$LISTEN_OUT"
for m in ns-v3-unbound ns-v3-wrongpass ns-v3-lowlevel ns-badcomm; do
        if grep -qF "$m" "$LISTEN_OUT"; then
                fail "refused notification $m not printed" "printed: $(grep -F "$m" "$LISTEN_OUT")"
        else
                pass "refused notification $m not printed"
        fi
done

# SNMPv3 informs: the listener is authoritative (discovery)
for level in noauth auth priv; do
        case $level in
        noauth) iargs=(-u informnoauth -l noAuthNoPriv); lv=noAuthNoPriv ;;
        auth)   iargs=(-u informauth -l authNoPriv -a SHA -A informauthpass); lv=authNoPriv ;;
        priv)   iargs=(-u informpriv -l authPriv -a SHA-512 -A informprivpass -x AES-256 -X informprivpriv); lv=authPriv ;;
        esac
        out=$(snmpinform -v3 -t 5 "${iargs[@]}" "$L" 4260 1.3.6.1.6.3.1.1.5.4 1.3.6.1.2.1.1.5.0 s "ns-v3-inform-$level" 2>&1)
        rc=$?
        if [ "$rc" = 0 ] && [ -z "$out" ]; then
                pass "snmpinform -v3 $level acknowledged"
        else
                fail "snmpinform -v3 $level acknowledged" "exit status $rc, output: $out"
        fi
        expect_printed "snmpinform -v3 $level received" "ns-v3-inform-$level" \
                " v3 INFORM user=${iargs[1]} level=$lv engine=$LISTEN_ENGINE .1.3.6.1.6.3.1.1.5.4 uptime=4260"
done
out=$(snmpinform -v3 -r 0 -t 2 -u informauth -l authNoPriv -a SHA -A wrongpassword "$L" 1 1.3.6.1.6.3.1.1.5.4 \
      1.3.6.1.2.1.1.5.0 s ns-v3-inform-badpass 2>&1)
rc=$?
if [ "$rc" = 1 ] && [[ "$out" == *"Authentication failure"* ]]; then
        pass "snmpinform -v3 with a wrong passphrase refused with a report"
else
        fail "snmpinform -v3 with a wrong passphrase refused with a report" "exit status $rc, output: $out"
fi

stop_listener
stats=$(grep 'stats:' "$LISTEN_ERR")
check_stat ()
{
        local name=$1 want=$2 got
        got=$(echo "$stats" | sed -n "s/.* $name=\([0-9]*\).*/\1/p")
        if [ -n "$got" ] && [ "$got" -ge "$want" ]; then
                pass "counter $name = $got (at least $want)"
        else
                fail "counter $name at least $want" "stats: $stats"
        fi
}
check_stat bad_community_names 1
check_stat wrong_digests 2
check_stat unsupported_sec_levels 1
check_stat unknown_user_names 1
check_stat unknown_engine_ids 3

# --json: one object per line
start_listener json --json -c public udp:127.0.0.1:0
L="udp:127.0.0.1:${LISTEN_PORT}"
snmptrap -v1 -c public "$L" 1.3.6.1.4.1.8072.2.3.1 192.0.2.5 6 17 4242 1.3.6.1.2.1.1.5.0 s 'json "v1"'
snmptrap -v2c -c public "$L" 4243 1.3.6.1.6.3.1.1.5.1 1.3.6.1.2.1.1.5.0 s 'json-v2c' 1.3.6.1.2.1.1.6.0 x 00ff \
        1.3.6.1.2.1.1.7.0 a 10.0.0.1 1.3.6.1.2.1.1.8.0 o 1.3.6.1.4 1.3.6.1.2.1.1.9.0 t 5 1.3.6.1.2.1.1.9.1 C 18446744073709551615
snmpinform -v2c -c public -t 5 "$L" 4244 1.3.6.1.6.3.1.1.5.4 1.3.6.1.2.1.1.5.0 s json-inform
wait_for 5 grep -q json-inform "$LISTEN_OUT"
stop_listener
if out=$("$PY" - "$LISTEN_OUT" <<'EOF' 2>&1
import json, sys
lines = open(sys.argv[1]).read().splitlines()
objs = [json.loads(l) for l in lines]
assert len(objs) == 3, len(objs)
v1, v2, inf = objs
assert v1["version"] == "1" and v1["type"] == "trap" and v1["community"] == "public", v1
assert v1["oid"] == "1.3.6.1.4.1.8072.2.3.1.0.17" and v1["uptime"] == 4242, v1
assert v1["enterprise"] == "1.3.6.1.4.1.8072.2.3.1" and v1["agent_address"] == "192.0.2.5", v1
assert v1["generic_trap"] == 6 and v1["specific_trap"] == 17, v1
assert v1["varbinds"] == [{"oid": "1.3.6.1.2.1.1.5.0", "type": "OCTET STRING", "value": 'json "v1"', "hex": '6a736f6e2022763122'}], v1
assert v1["sender"] == "127.0.0.1" and v1["port"] > 0, v1
assert v2["version"] == "2c" and v2["oid"] == "1.3.6.1.6.3.1.1.5.1" and v2["uptime"] == 4243, v2
vb = {v["oid"]: v for v in v2["varbinds"]}
assert vb["1.3.6.1.2.1.1.6.0"]["value"] is None and vb["1.3.6.1.2.1.1.6.0"]["hex"] == "00ff", vb
assert vb["1.3.6.1.2.1.1.7.0"] == {"oid": "1.3.6.1.2.1.1.7.0", "type": "IpAddress", "value": "10.0.0.1"}, vb
assert vb["1.3.6.1.2.1.1.8.0"]["value"] == "1.3.6.1.4", vb
assert vb["1.3.6.1.2.1.1.9.0"] == {"oid": "1.3.6.1.2.1.1.9.0", "type": "TimeTicks", "value": 5}, vb
assert vb["1.3.6.1.2.1.1.9.1"]["value"] == "18446744073709551615", vb
assert isinstance(v2["request_id"], int), v2
assert inf["type"] == "inform" and inf["varbinds"][0]["value"] == "json-inform", inf
print("ok")
EOF
); then
        pass "gsnmp listen --json prints every field"
else
        fail "gsnmp listen --json prints every field" "$out" "$(cat "$LISTEN_OUT")"
fi

#############################################################################
# 3. A burst of 10,000 traps

N_BURST=10000
start_listener burst --count "$N_BURST" --stats -c public udp:127.0.0.1:0
burst_out=$("$PY" - 127.0.0.1 "$LISTEN_PORT" "$N_BURST" <<'EOF' 2>&1
# Sends N distinct SNMPv2c traps back to back, as fast as the socket goes
import socket, sys

def length(n):
    if n < 128:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b

def tlv(tag, value):
    return bytes([tag]) + length(len(value)) + value

def integer(tag, i):
    return tlv(tag, i.to_bytes(max(1, (i.bit_length() + 8) // 8), "big", signed=True))

def oid(s):
    ids = [int(x) for x in s.split(".")]
    out = bytearray([40 * ids[0] + ids[1]])
    for i in ids[2:]:
        chunk = [i & 0x7f]
        i >>= 7
        while i:
            chunk.append(0x80 | (i & 0x7f))
            i >>= 7
        out += bytes(reversed(chunk))
    return tlv(0x06, bytes(out))

def trap(n):
    vbs = tlv(0x30, oid("1.3.6.1.2.1.1.3.0") + integer(0x43, n)) + \
          tlv(0x30, oid("1.3.6.1.6.3.1.1.4.1.0") + oid("1.3.6.1.6.3.1.1.5.3")) + \
          tlv(0x30, oid("1.3.6.1.2.1.2.2.1.1.1") + integer(0x02, n))
    pdu = tlv(0xa7, integer(0x02, n + 1) + integer(0x02, 0) + integer(0x02, 0) + tlv(0x30, vbs))
    return tlv(0x30, integer(0x02, 1) + tlv(0x04, b"public") + pdu)

host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
datagrams = [trap(i) for i in range(n)]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for d in datagrams:
    s.sendto(d, (host, port))
EOF
)
if ! wait_for 60 sh -c "! kill -0 $LISTEN_PID"; then
        fail "burst of $N_BURST traps: all received" "gsnmp listen is still waiting after 60 s: $(wc -l < "$LISTEN_OUT") lines" "$burst_out"
        stop_listener
else
        wait "$LISTEN_PID" 2>/dev/null
        got=$(wc -l < "$LISTEN_OUT")
        distinct=$(cut -f2 "$LISTEN_OUT" | sort -u | wc -l)
        if [ "$got" = "$N_BURST" ] && [ "$distinct" = "$N_BURST" ]; then
                pass "burst of $N_BURST traps: all received, each once"
        else
                fail "burst of $N_BURST traps: all received" "lines $got, distinct $distinct" "$(grep stats "$LISTEN_ERR")"
        fi
fi

interop_finish
