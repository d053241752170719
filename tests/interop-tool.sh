#!/usr/bin/env bash
# interop-tool.sh - gsnmp get/getnext/bulkget/set against Net-SNMP's tools
#
# Starts snmpd (tests/snmpd-fixture.sh) on a free loopback port, runs each
# Net-SNMP command and the gsnmp command with the same arguments under
# LC_ALL=C, and compares stdout, stderr and the exit status byte for byte.
# Two normalisations only: a "snmpget: " (snmpgetnext, snmpbulkget,
# snmpset) program-name prefix on stderr reads "gsnmp: " (the name of
# GSNMP_TOOL), and stderr is
# compared up to the "USAGE:" line (Net-SNMP then prints its whole help,
# gsnmp a hint). A second part sends SETs of every type letter to a
# capturing UDP socket and compares the PDUs the two tools put on the wire.
#
# Environment: GSNMP_TOOL (the built gsnmp), GSNMP_SOURCE_ROOT; set by
# tests/meson.build. One line per check: "PASS name" or "FAIL name" and a
# diff; exits 1 if any check failed, 77 (skip) without Net-SNMP.
# All traffic stays on 127.0.0.1 and ::1; the unknown-host check runs only
# inside a private network namespace (unshare -rn), so that no DNS query
# leaves the machine.

. "$(dirname "$0")/interop-lib.sh"

interop_need snmpget snmpgetnext snmpbulkget snmpset
interop_init tool
CAPTURE_PID=
interop_on_exit '[ -n "$CAPTURE_PID" ] && { kill "$CAPTURE_PID"; wait "$CAPTURE_PID"; } 2>/dev/null'
interop_start_snmpd

# run_pair NAME PREFIX COMMAND ARGS...: runs "PREFIX snmpCOMMAND ARGS" and
# "PREFIX gsnmp COMMAND ARGS" (PREFIX is "-" for none) and compares.
run_pair ()
{
        local name=$1 prefix=$2 cmd=$3 nrc grc ok=1
        shift 3
        local -a pre=()
        [ "$prefix" != - ] && pre=($prefix)

        timeout 60 "${pre[@]}" "snmp$cmd" "$@" > "$WORK/n.out" 2> "$WORK/n.raw"
        nrc=$?
        timeout 60 "${pre[@]}" "$TOOL" "$cmd" "$@" > "$WORK/g.out" 2> "$WORK/g.raw"
        grc=$?
        normalize_netsnmp_err "$WORK/n.raw" > "$WORK/n.err"
        normalize_gsnmp_err "$WORK/g.raw" > "$WORK/g.err"

        cmp -s "$WORK/n.out" "$WORK/g.out" || ok=0
        cmp -s "$WORK/n.err" "$WORK/g.err" || ok=0
        [ "$nrc" = "$grc" ] || ok=0
        if [ $ok = 1 ]; then
                pass "$name"
                return 0
        fi
        fail "$name"
        echo "    command: $cmd $*"
        [ "$nrc" = "$grc" ] || echo "    exit status: Net-SNMP $nrc, gsnmp $grc"
        diff -u --label "snmp$cmd stdout" --label "gsnmp stdout" "$WORK/n.out" "$WORK/g.out" | sed 's/^/    /'
        diff -u --label "snmp$cmd stderr" --label "gsnmp stderr" "$WORK/n.err" "$WORK/g.err" | sed 's/^/    /'
        return 1
}

# pair NAME COMMAND ARGS...
pair ()
{
        local name=$1
        shift
        run_pair "$name" - "$@"
}

# A UDP port on 127.0.0.1 where nothing listens (for timeouts)
unused_port ()
{
        local p n
        if [ -n "$PY" ]; then
                "$PY" -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
                return
        fi
        for n in $(seq 1 100); do
                p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
                if [ -z "$(ss -Hlnu "sport = :$p" 2>/dev/null)" ]; then
                        echo "$p"
                        return
                fi
        done
}

STATIC=""
for i in $(seq 1 30); do STATIC="$STATIC $B.1.$i.0"; done
PASSED_TYPES="$B.3.1.0 $B.3.2.0 $B.3.3.0 $B.3.4.0 $B.3.5.0 $B.3.6.0"

echo "# snmpd ${FIXTURE_PID} on ${A}"

echo "# get"
pair "get v2c sysName" get -On -v2c -c public "$A" 1.3.6.1.2.1.1.5.0
pair "get v2c every static type" get -On -v2c -c public "$A" $STATIC
pair "get v2c IpAddress, Counter64, Opaque" get -On -v2c -c public "$A" $PASSED_TYPES
pair "get v1 sysName, sysLocation" get -On -v1 -c public "$A" 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.6.0
pair "get v1 every static type (noSuchName, fixed and retried)" get -On -v1 -c public "$A" $STATIC
pair "get v1 Counter64 is noSuchName, retried three times" get -On -v1 -c public "$A" $PASSED_TYPES
pair "get v2c noSuchObject" get -On -v2c -c public "$A" 1.3.6.1.2.1.1.99.0
pair "get v2c noSuchInstance" get -On -v2c -c public "$A" 1.3.6.1.2.1.1.5.99
pair "get v2c mixed exceptions and values" get -On -v2c -c public "$A" 1.3.6.1.2.1.1.99.0 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.5.99
pair "get v1 noSuchName" get -On -v1 -c public "$A" 1.3.6.1.2.1.1.99.0
pair "get v1 noSuchName in the middle" get -On -v1 -c public "$A" 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.99.0 1.3.6.1.2.1.1.6.0
pair "get v1 -Cf does not retry" get -On -v1 -c public -Cf "$A" 1.3.6.1.2.1.1.5.0 1.3.6.1.2.1.1.99.0 1.3.6.1.2.1.1.6.0
pair "get v1 two bad names" get -On -v1 -c public "$A" 1.3.6.1.2.1.1.98.0 1.3.6.1.2.1.1.99.0
pair "get options after the agent and OIDs" get "$A" 1.3.6.1.2.1.1.5.0 -On -v2c -c public
pair "get glued options -v2c -cpublic" get -On -v2c -cpublic "$A" 1.3.6.1.2.1.1.6.0
pair "get -v 2c separate" get -On -v 2c -c public "$A" 1.3.6.1.2.1.1.6.0
pair "get OID forms: no leading dot, iso, hex and octal" get -On -v2c -c public "$A" 1.3.6.1.2.1.1.5.0 iso.3.6.1.2.1.1.6.0 .1.3.6.1.4.1.0x1869f.1.1.0 1.3.6.1.4.1.99999.1.010.0
pair "get quoted string index" get -On -v2c -c public "$A" '1.3.6.1.4.1.99999.5."ab"' "1.3.6.1.4.1.99999.5.'ab'"
pair "get wrong community times out" get -On -v2c -c wrong -r0 -t0.3 "$A" 1.3.6.1.2.1.1.5.0
if [ "${FIXTURE_IPV6:-0}" = 1 ]; then
        pair "get udp6:[::1]" get -On -v2c -c public "udp6:[::1]:${FIXTURE_PORT}" 1.3.6.1.2.1.1.5.0
        pair "get [::1]:port" get -On -v2c -c public "[::1]:${FIXTURE_PORT}" 1.3.6.1.2.1.1.5.0
else
        skip "get over IPv6: no ::1"
fi
pair "get agent without udp: prefix" get -On -v2c -c public "127.0.0.1:${FIXTURE_PORT}" 1.3.6.1.2.1.1.5.0
pair "get localhost (from /etc/hosts)" get -On -v2c -c public "localhost:${FIXTURE_PORT}" 1.3.6.1.2.1.1.5.0

echo "# getnext"
pair "getnext v2c into the subtree" getnext -On -v2c -c public "$A" $B $B.1.26.0 $B.1.30.0 $B.3.6.0
pair "getnext v1 into the subtree" getnext -On -v1 -c public "$A" $B $B.1.26.0 $B.1.30.0
pair "getnext v2c endOfMibView" getnext -On -v2c -c public "$A" 1.3.6.1.6.3.99
pair "getnext v2c endOfMibView and a value" getnext -On -v2c -c public "$A" 1.3.6.1.6.3.99 1.3.6.1.2.1.1.4
pair "getnext v1 end of the MIB (noSuchName)" getnext -On -v1 -c public "$A" 1.3.6.1.6.3.99
pair "getnext v1 end of the MIB, fixed and retried" getnext -On -v1 -c public "$A" 1.3.6.1.2.1.1.4 1.3.6.1.6.3.99 1.3.6.1.2.1.1.5.0
pair "getnext v1 -Cf" getnext -On -v1 -c public -Cf "$A" 1.3.6.1.2.1.1.4 1.3.6.1.6.3.99

echo "# bulkget"
pair "bulkget default -Cr10" bulkget -On -v2c -c public "$A" $B
pair "bulkget -Cn1 -Cr3" bulkget -On -v2c -c public -Cn1 -Cr3 "$A" 1.3.6.1.2.1.1.5.0 $B.1.1.0 $B.4.5
pair "bulkget -Cn1r2 in one" bulkget -On -v2c -c public -Cn1r2 "$A" 1.3.6.1.2.1.1.4 $B.1.1.0
pair "bulkget -Cr0" bulkget -On -v2c -c public -Cr0 "$A" $B
pair "bulkget -Cr0x3 (hex)" bulkget -On -v2c -c public -Cr0x3 "$A" $B
pair "bulkget past the end" bulkget -On -v2c -c public -Cr3 "$A" 1.3.6.1.6.3.99
pair "bulkget every type" bulkget -On -v2c -c public -Cr40 "$A" $B
pair "bulkget -Cn2 with one OID" bulkget -On -v2c -c public -Cn2 "$A" 1.3
pair "bulkget with SNMPv1" bulkget -On -v1 -c public "$A" 1.3.6.1.2.1.1.5.0
pair "bulkget -Cx" bulkget -On -v2c -c public -Cx "$A" 1.3
pair "bulkget -Cn without a number" bulkget -On -v2c -c public -Cn "$A" 1.3
pair "bulkget bad OID" bulkget -On -v2c -c public "$A" 1.3.6.1.2.1.1.5.0 foo 1.x
pair "bulkget no OID" bulkget -On -v2c -c public "$A"
pair "bulkget -Oqv" bulkget -On -Oqv -v2c -c public -Cr5 "$A" $B.1.10.0

echo "# set"
SET="set -On -v2c -c private $A"
pair "set i" $SET $B.4.1.0 i 5
pair "set i negative after the OID" $SET $B.4.1.0 i -5
pair "set i +7 and leading space" $SET $B.4.1.0 i +7 $B.4.1.0 i " 8"
pair "set i limits" $SET $B.4.1.0 i 2147483647 $B.4.1.0 i -2147483648
pair "set u" $SET $B.4.2.0 u 4294967295
pair "set u -1" $SET $B.4.2.0 u -1
pair "set t" $SET $B.4.3.0 t 8640000
pair "set a" $SET $B.3.1.0 a 10.1.2.3
pair "set a short forms" $SET $B.3.1.0 a 10 $B.3.1.0 a 1.2.3 $B.3.1.0 a 0x0a.1.2.3
pair "set a 255.255.255.255" $SET $B.3.1.0 a 255.255.255.255
pair "set o" $SET $B.4.5.0 o .1.3.6.1.4.1.99999.4.5.1
pair "set o without dot" $SET $B.4.5.0 o 1.3.6.1.2
pair "set s" $SET $B.4.4.0 s "hello world"
pair "set s empty" $SET $B.4.4.0 s ""
pair "set s UTF-8" $SET $B.4.4.0 s "$(printf 'caf\303\251')"
pair "set s with quotes and a backslash" $SET $B.4.4.0 s 'say "hi" \o/'
pair "set x" $SET $B.4.4.0 x "41 42 43"
pair "set x 0x prefix" $SET $B.4.4.0 x 0x414243
pair "set x binary" $SET $B.4.4.0 x 00ff10
pair "set d" $SET $B.4.4.0 d 65.66.67
pair "set d spaces" $SET $B.4.4.0 d "1 2 3"
pair "set b" $SET $B.4.4.0 b "1 3 9"
pair "set b commas and hex" $SET $B.4.4.0 b "1,0x10"
pair "set b empty" $SET $B.4.4.0 b ""
pair "set several in one request" $SET $B.4.1.0 i 1 $B.4.2.0 u 2 $B.4.3.0 t 3 $B.4.4.0 s four
pair "set n (wrongType)" $SET $B.4.1.0 n x
pair "set U (wrongType)" $SET $B.4.1.0 U 5
pair "set I (wrongType)" $SET $B.4.1.0 I -5
pair "set F (wrongType)" $SET $B.4.1.0 F 1.5
pair "set D (wrongType)" $SET $B.4.1.0 D 2.25
pair "set s on an INTEGER (wrongType)" $SET $B.4.1.0 s x
pair "set u on a string (wrongType)" $SET $B.4.4.0 u 5
pair "set sysContact" $SET 1.3.6.1.2.1.1.4.0 s gsnmp@example.invalid
pair "set read-only object (notWritable)" $SET $B.3.2.0 a 10.0.0.1
pair "set with read-only community v2c (noAccess)" set -On -v2c -c public "$A" 1.3.6.1.2.1.1.4.0 s nope
pair "set with read-only community v1 (noSuchName)" set -On -v1 -c public "$A" 1.3.6.1.2.1.1.4.0 s nope
pair "set -Cq" set -On -v2c -c private -Cq "$A" $B.4.1.0 i 3
pair "set -Oq" set -On -Oq -v2c -c private "$A" $B.4.4.0 s quick
pair "set = (no MIB)" $SET $B.4.1.0 = 5
pair "set i abc" $SET $B.4.1.0 i abc
pair "set i empty" $SET $B.4.1.0 i ""
pair "set i trailing space" $SET $B.4.1.0 i "5 "
pair "set i hex" $SET $B.4.1.0 i 0x10
pair "set u x" $SET $B.4.2.0 u x
pair "set u empty" $SET $B.4.2.0 u ""
pair "set t 1x" $SET $B.4.3.0 t 1x
pair "set a 1.2.3.256" $SET $B.3.1.0 a 1.2.3.256
pair "set a with leading space" $SET $B.3.1.0 a " 1.2.3.4"
pair "set a host name" $SET $B.3.1.0 a localhost
pair "set x odd" $SET $B.4.4.0 x 414
pair "set x zz" $SET $B.4.4.0 x zz
pair "set x colons" $SET $B.4.4.0 x 41:42
pair "set d 256" $SET $B.4.4.0 d 256
pair "set d letter" $SET $B.4.4.0 d a
pair "set b x" $SET $B.4.4.0 b "1 x"
pair "set U abc" $SET $B.4.1.0 U abc
pair "set F abc" $SET $B.4.1.0 F abc
pair "set o foo" $SET $B.4.5.0 o foo
pair "set o 1.3.x" $SET $B.4.5.0 o 1.3.x
pair "set two bad values" $SET $B.4.1.0 i x $B.4.2.0 u y
pair "set bad type letter" $SET $B.4.1.0 q 5
pair "set bad type letter c" $SET $B.4.1.0 c 5
pair "set bad type after a bad value" $SET $B.4.1.0 i x $B.4.2.0 q y
pair "set empty type (a NUL byte)" $SET $B.4.1.0 "" 5
pair "set missing value" $SET $B.4.1.0 i
pair "set missing type and value" $SET $B.4.1.0
pair "set bad OIDs" $SET foo i 5 1.x i 6
pair "set OID value starting with 5" $SET $B.4.5.0 o 5.1
pair "set no arguments" set -On -v2c -c private "$A"

echo "# output options"
for o in q Q v e qv Qv vQ qq QQ qe U b E X 0 nqv; do
        pair "get -O$o" get -On -O$o -v2c -c public "$A" $STATIC $PASSED_TYPES 1.3.6.1.2.1.1.99.0
done
pair "get -Oq -Ov separate" get -On -Oq -Ov -v2c -c public "$A" $B.1.14.0 $B.1.11.0
pair "getnext -OQ" getnext -On -OQ -v2c -c public "$A" $B.1.13.0 1.3.6.1.6.3.99

echo "# errors"
PORT0=$(unused_port)
pair "timeout get" get -On -v2c -c public -r0 -t0.5 "udp:127.0.0.1:${PORT0}" 1.3.6.1.2.1.1.5.0
pair "timeout getnext" getnext -On -v2c -c public -r0 -t0.5 "127.0.0.1:${PORT0}" 1.3.6.1.2.1.1.5.0
pair "timeout bulkget" bulkget -On -v2c -c public -r0 -t0.5 "udp:127.0.0.1:${PORT0}" 1.3.6.1.2.1.1.5.0
pair "timeout set" set -On -v2c -c private -r0 -t0.5 "udp:127.0.0.1:${PORT0}" 1.3.6.1.2.1.1.4.0 s x
pair "timeout with one retry" get -On -v1 -c public -r1 -t0.2 "udp:127.0.0.1:${PORT0}" 1.3.6.1.2.1.1.5.0
pair "bad OID name" get -On -v2c -c public "$A" foo
pair "bad OID names, all reported" get -On -v2c -c public "$A" 1.3.6.x.1 1..3 .1.3.6.1.2.1.1.5.0. "" foo.1 1,3 "a b" 1.3.-1
pair "bad OID among good ones" getnext -On -v2c -c public "$A" 1.3.6.1.2.1.1.5.0 sysName.0
pair "OID too long (129 sub-identifiers)" get -On -v2c -c public "$A" "1.3$(printf '.1%.0s' $(seq 1 127))"
pair "OID starting with 3" get -On -v2c -c public "$A" 1.3.6.1.2.1.1.5.0 3.1
pair "OID sub-identifier 4294967295" get -On -v2c -c public "$A" 1.3.6.1.4.1.4294967295
pair "129 OIDs" get -On -v2c -c public "$A" $(for i in $(seq 1 129); do printf '1.3.6.1.2.1.1.%d.0 ' "$i"; done)
pair "missing object name" get -On -v2c -c public "$A"
pair "missing hostname" get -On -v2c -c public
pair "missing community" getnext -On -v2c "$A" 1.3
pair "no version: SNMPv3 without a user" get -On "$A" 1.3.6.1.2.1.1.5.0
pair "invalid option" get -On -z -v2c -c public "$A" 1.3
pair "missing option argument" get -On -v2c "$A" 1.3 -c
pair "bad -v" get -On -v 5 -c public "$A" 1.3
pair "bad -t" get -On -v2c -c public -t 0 "$A" 1.3
pair "bad -t text" get -On -v2c -c public -t abc "$A" 1.3
pair "bad -r" get -On -v2c -c public -r -1 "$A" 1.3
pair "bad -r text" get -On -v2c -c public -r x "$A" 1.3
pair "unknown -O letter" get -On -Oz -v2c -c public "$A" 1.3
pair "unknown -C flag" get -On -Cx -v2c -c public "$A" 1.3
pair "set unknown -C flag" set -On -Cf -v2c -c private "$A" 1.3 i 1
pair "-p is gone" get -On -p 161 -v2c -c public "$A" 1.3
pair "-- ends the options" get -On -v2c -c public -- "$A" 1.3.6.1.2.1.1.5.0

# Unknown host: only where a private network namespace keeps name
# resolution from leaving the machine (lo is down there, so both tools
# fail the lookup the same way, whatever the resolver configuration).
# Net-SNMP appends strerror (errno) of whatever the failed lookup left
# behind, which depends on the resolver set-up: that suffix is dropped.
if unshare -rn true >/dev/null 2>&1; then
        EXTRA_NORMALIZE='s/^([^:]*: Unknown host \([^)]*\)) \(.*\)$/\1/'
        run_pair "unknown host" "unshare -rn" get -On -v2c -c public -r0 -t0.5 nonexistent.invalid 1.3.6.1.2.1.1.5.0
        run_pair "unknown host with port" "unshare -rn" set -On -v2c -c public -r0 -t0.5 "udp:nonexistent.invalid:161" 1.3.6.1.2.1.1.4.0 s x
        EXTRA_NORMALIZE=
else
        skip "unknown host: unshare -rn is not available here (no DNS lookups outside a private network namespace)"
fi

# What the two tools put on the wire for each snmpset type letter: the
# PDUs must be equal but for the request-id.
echo "# set encodings on the wire"
if [ -z "$PY" ]; then
        skip "set encodings: python3 not found"
else
        "$PY" -u - > "$WORK/capture.out" <<'EOF' &
import socket, select, sys

def tlv(data, pos):
    tag = data[pos]; pos += 1
    length = data[pos]; pos += 1
    if length & 0x80:
        n = length & 0x7f
        length = int.from_bytes(data[pos:pos + n], "big"); pos += n
    return tag, data[pos:pos + length], pos + length

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("127.0.0.1", 0))
print("PORT", s.getsockname()[1], flush=True)
while True:
    r, _, _ = select.select([s], [], [], 120)
    if not r:
        break
    data, _ = s.recvfrom(65535)
    try:
        _, msg, _ = tlv(data, 0)
        _, version, p = tlv(msg, 0)
        _, community, p = tlv(msg, p)
        pdu_tag, pdu, _ = tlv(msg, p)
        _, reqid, p = tlv(pdu, 0)
        _, status, p = tlv(pdu, p)
        _, index, p = tlv(pdu, p)
        print("PDU", version.hex(), community.hex(), "%02x" % pdu_tag,
              status.hex(), index.hex(), pdu[p:].hex(), flush=True)
    except Exception as e:
        print("BAD", data.hex(), flush=True)
EOF
        CAPTURE_PID=$!
        CPORT=
        for n in $(seq 1 50); do
                CPORT=$(sed -n 's/^PORT //p' "$WORK/capture.out")
                [ -n "$CPORT" ] && break
                sleep 0.1
        done
        if [ -z "$CPORT" ]; then
                fail "set encodings: the capture socket did not start"
        else
                wire_pair ()
                {
                        local name=$1 before after ngot ggot
                        shift
                        before=$(wc -l < "$WORK/capture.out")
                        snmpset -On -v2c -c private -r0 -t0.2 "udp:127.0.0.1:${CPORT}" "$@" >/dev/null 2>&1
                        "$TOOL" set -On -v2c -c private -r0 -t0.2 "udp:127.0.0.1:${CPORT}" "$@" >/dev/null 2>&1
                        sleep 0.1
                        after=$(wc -l < "$WORK/capture.out")
                        ngot=$(sed -n "$((before + 1))p" "$WORK/capture.out")
                        ggot=$(sed -n "$((before + 2))p" "$WORK/capture.out")
                        if [ $((after - before)) = 2 ] && [ -n "$ngot" ] && [ "$ngot" = "$ggot" ]; then
                                pass "wire: set $name"
                        else
                                fail "wire: set $name"
                                echo "    Net-SNMP: $ngot"
                                echo "    gsnmp:    $ggot"
                        fi
                }
                O=1.3.6.1.4.1.99999.4.1.0
                wire_pair "i 5" $O i 5
                wire_pair "i -129" $O i -129
                wire_pair "i 2147483647" $O i 2147483647
                wire_pair "u 128" $O u 128
                wire_pair "u -1" $O u -1
                wire_pair "t 0" $O t 0
                wire_pair "a 10.0.0.1" $O a 10.0.0.1
                wire_pair "o 1.3.6.1.4.1.2147483648" $O o 1.3.6.1.4.1.2147483648
                wire_pair "s" $O s "hello world"
                wire_pair "x" $O x "00 ff 7f"
                wire_pair "d" $O d "1.2.255"
                wire_pair "b" $O b "0 7 8 23"
                wire_pair "b empty" $O b ""
                wire_pair "n" $O n whatever
                wire_pair "U 5" $O U 5
                wire_pair "U 255" $O U 255
                wire_pair "U 18446744073709551615" $O U 18446744073709551615
                wire_pair "U -1" $O U -1
                wire_pair "U 12abc" $O U 12abc
                wire_pair "I -5" $O I -5
                wire_pair "I 128" $O I 128
                wire_pair "I -129" $O I -129
                wire_pair "I 9223372036854775807" $O I 9223372036854775807
                wire_pair "I -9223372036854775808" $O I -9223372036854775808
                wire_pair "F 1.5" $O F 1.5
                wire_pair "F 1e40" $O F 1e40
                wire_pair "F nan" $O F nan
                wire_pair "D 2.25" $O D 2.25
                wire_pair "D -inf" $O D -inf
                wire_pair "several varbinds" $O i 1 $O s two $O a 3.3.3.3
        fi
fi

interop_finish
