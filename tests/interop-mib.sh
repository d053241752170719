#!/usr/bin/env bash
# interop-mib.sh - gsnmp with MIB modules against Net-SNMP's tools with the same modules
#
# Starts snmpd (tests/snmpd-fixture.sh) on a free loopback port and runs
# Net-SNMP's snmpbulkwalk/snmpget/snmpgetnext/snmptable/snmptranslate and
# gsnmp with `-M <the bundled mibs> -m <the core modules>` under LC_ALL=C,
# comparing stdout, stderr and the exit status byte for byte:
#   - a bulkwalk of snmpd's whole MIB in the default form and with -Os, -OS,
#     -Of, -On, -Oe, -OX, -Ot, -Oq, -OQ, -Ov, -Ob, -OU, -Ox, -Oa, -Ou, -OE,
#     -O0 and combinations.  Values that change between two runs (uptimes,
#     counters, the clients' own UDP sockets) are normalised: on the lines
#     of objects known to change, digits are replaced by N;
#   - get and getnext by name (MODULE::name, bare names, iso.3…, string
#     indexes), unknown names (error text and exit status);
#   - table with column names (-Cb, -Ci, -OX, -Of).
# One line per check: "PASS name" or "FAIL name" and a diff; exits 1 if any
# check failed, 77 (skip) without Net-SNMP.  All traffic stays on 127.0.0.1.

set -u
export LC_ALL=C

SRC=${GSNMP_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
TOOL=${GSNMP_TOOL:-}
FIXTURE="$SRC/tests/snmpd-fixture.sh"
MIBDIR="$SRC/mibs"
CORE=SNMPv2-MIB:IF-MIB:IP-MIB:TCP-MIB:UDP-MIB:HOST-RESOURCES-MIB:SNMP-FRAMEWORK-MIB:SNMP-VIEW-BASED-ACM-MIB:SNMP-USER-BASED-SM-MIB:SNMP-TARGET-MIB:SNMP-NOTIFICATION-MIB:NOTIFICATION-LOG-MIB:IP-FORWARD-MIB:SNMP-MPD-MIB:SNMP-COMMUNITY-MIB:EtherLike-MIB:BRIDGE-MIB

if [ -z "$TOOL" ] || [ ! -x "$TOOL" ]; then
        echo "GSNMP_TOOL is not set to the built gsnmp" >&2
        exit 1
fi
for p in snmpbulkwalk snmpget snmptable snmpd; do
        if ! command -v "$p" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$p" ]; then
                echo "SKIP: $p not found (install Debian's snmp and snmpd packages)"
                exit 77
        fi
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gsnmp-interop-mib.XXXXXX") || exit 1
cleanup ()
{
        "$FIXTURE" stop "$WORK/fixture" >/dev/null 2>&1
        rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if ! fixture_env=$(FIXTURE_WATCH_PID=$$ "$FIXTURE" start "$WORK/fixture"); then
        echo "FAIL could not start snmpd"
        exit 1
fi
eval "$fixture_env"

export SNMPCONFPATH="$FIXTURE_SNMPCONFPATH"
export SNMP_PERSISTENT_DIR="$FIXTURE_CLIENT_PERSIST"
export HOME="$WORK"
unset MIBS MIBDIRS

A="udp:127.0.0.1:${FIXTURE_PORT}"
M=(-M "$MIBDIR" -m "$CORE")
N_PASS=0
N_FAIL=0

# Objects whose values change between two walks, and the UDP/TCP tables
# that list the clients' own sockets.
VOLATILE='sysUpTime|hrStorage|8072|snmpIn|snmpOut|snmpEngineTime|hrSystemUptime|hrSystemDate|hrSystemProcesses|hrSWRun|hrStorageUsed|hrProcessorLoad|hrSystemNumUsers|enterprises\.2021|if(HC)?(In|Out)|ifLastChange|ipSystemStats|ipIfStats|icmp|ipIn|ipOut|ipForwDatagrams|ipReasm|ipFrag|ipRoutingDiscards|tcp|udp|\.1\.3\.6\.1\.2\.1\.(4|5|6|7|25)\.|\.1\.3\.6\.1\.4\.1\.2021|Timeticks|Counter|Gauge|\.iso\.org\.dod\.internet\.(mgmt|private)|^STRING: [0-9]|^"?[0-9 ]*"?$'

normalize ()
{
        sed -E "/(udpLocal|udpEndpoint|tcpConn|tcpListener|\.1\.3\.6\.1\.2\.1\.7\.5\.|\.1\.3\.6\.1\.2\.1\.7\.7\.|\.1\.3\.6\.1\.2\.1\.6\.1[39]\.|\.1\.3\.6\.1\.2\.1\.6\.20\.|mib-2\.(6|7)\.|udp|tcp)/d; /$VOLATILE/ s/[0-9]+/N/g; s/^snmpbulkwalk: |^snmpget: |^snmpgetnext: |^snmptable: /gsnmp: /" "$1"
}

# check NAME NORMALIZE NET-SNMP-TOOL GSNMP-COMMAND ARGS...
check ()
{
        local name=$1 norm=$2 ns=$3 cmd=$4
        shift 4
        "$ns" "${M[@]}" -v2c -c public "$@" > "$WORK/ns.out" 2> "$WORK/ns.err"
        echo "exit $?" >> "$WORK/ns.err"
        "$TOOL" "$cmd" "${M[@]}" -v2c -c public "$@" > "$WORK/gs.out" 2> "$WORK/gs.err"
        echo "exit $?" >> "$WORK/gs.err"
        if [ "$norm" = 2 ]; then
                # values only: no OID tells which lines change, so every number is N
                sed -E 's/[0-9]+/N/g' "$WORK/ns.out" > "$WORK/ns.cmp"
                sed -E 's/[0-9]+/N/g' "$WORK/gs.out" > "$WORK/gs.cmp"
        elif [ "$norm" = 1 ]; then
                normalize "$WORK/ns.out" > "$WORK/ns.cmp"
                normalize "$WORK/gs.out" > "$WORK/gs.cmp"
        else
                cp "$WORK/ns.out" "$WORK/ns.cmp"
                cp "$WORK/gs.out" "$WORK/gs.cmp"
        fi
        sed -E "s/^$(basename "$ns"): /gsnmp: /" "$WORK/ns.err" >> "$WORK/ns.cmp"
        cat "$WORK/gs.err" >> "$WORK/gs.cmp"
        if cmp -s "$WORK/ns.cmp" "$WORK/gs.cmp" && [ -s "$WORK/ns.out" -o "$norm" != 1 ]; then
                echo "PASS $name"
                N_PASS=$((N_PASS + 1))
        else
                echo "FAIL $name"
                diff "$WORK/ns.cmp" "$WORK/gs.cmp" | head -20
                N_FAIL=$((N_FAIL + 1))
        fi
}

for o in "" -Os -OS -Of -On -Oe -OX -Ot -Oq -OQ -Ob -OU -Ox -Oa -Ou -OE -O0 -OsX -OfX -OnX -Oset -OQs; do
        check "bulkwalk whole MIB ${o:-(default)}" 1 snmpbulkwalk bulkwalk $o "$A" .1
done
for o in -Ov -Oqv; do
        check "bulkwalk whole MIB $o" 2 snmpbulkwalk bulkwalk $o "$A" .1
done

check "get by names" 1 snmpget get "$A" sysDescr.0 SNMPv2-MIB::sysName.0 IF-MIB::ifDescr.1 ifType.1 \
        iso.3.6.1.2.1.1.6.0 .iso.org.dod.internet.mgmt.mib-2.system.sysContact.0 ifPhysAddress.1
check "get string index" 0 snmpget get "$A" 'SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3."nanp"' \
        'vacmAccessContextMatch."grpnanp"."".3.noAuthNoPriv' 'SNMP-VIEW-BASED-ACM-MIB::vacmSecurityToGroupStorageType.3."nanp"'
check "get IP index" 0 snmpget get "$A" IP-MIB::ipAdEntIfIndex.127.0.0.1 ipAdEntNetMask.127.0.0.1
check "get unknown name" 0 snmpget get "$A" sysDescrx.0
check "get unknown name in a known module" 0 snmpget get "$A" IF-MIB::sysNothing.0
check "get numeric in the fixture's subtree" 0 snmpget get "$A" .1.3.6.1.4.1.99999.1.1.0 .1.3.6.1.4.1.99999.1.5.0
check "getnext by name" 1 snmpgetnext getnext "$A" system ifDescr hrSystem
check "getnext -Os -Oe" 1 snmpgetnext getnext -Os -Oe "$A" ifType ifAdminStatus
check "table ifTable" 1 snmptable table "$A" ifTable
check "table -Cb IF-MIB::ifTable" 1 snmptable table -Cb "$A" IF-MIB::ifTable
check "table -Ci -Cb vacmAccessTable" 0 snmptable table -Ci -Cb "$A" vacmAccessTable
check "table -Cb -Ci ipAddressTable" 0 snmptable table -Cb -Ci "$A" ipAddressTable
check "table -Ci -OX vacmSecurityToGroupTable" 0 snmptable table -Ci -OX "$A" vacmSecurityToGroupTable
check "table -Ci -Of sysORTable" 0 snmptable table -Ci -Of "$A" sysORTable

# translate: no agent
check_translate ()
{
        local name=$1
        shift
        snmptranslate "${M[@]}" "$@" > "$WORK/ns.cmp" 2>&1
        echo "exit $?" >> "$WORK/ns.cmp"
        "$TOOL" translate "${M[@]}" "$@" > "$WORK/gs.cmp" 2>&1
        echo "exit $?" >> "$WORK/gs.cmp"
        if cmp -s "$WORK/ns.cmp" "$WORK/gs.cmp"; then
                echo "PASS $name"
                N_PASS=$((N_PASS + 1))
        else
                echo "FAIL $name"
                diff "$WORK/ns.cmp" "$WORK/gs.cmp" | head -20
                N_FAIL=$((N_FAIL + 1))
        fi
}
check_translate "translate names" -IR sysDescr.0
check_translate "translate module names" SNMPv2-MIB::sysDescr.0 IF-MIB::ifDescr.3
check_translate "translate -On" -On -IR sysDescr.0
check_translate "translate -Of" -Of -IR ifDescr.3
check_translate "translate -Os numeric" -Os .1.3.6.1.2.1.2.2.1.2.3
check_translate "translate string index -OX" -OX 'SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3."alice"'
check_translate "translate unknown name" nosuch.0
check_translate "translate unknown name -IR" -IR nosuch.0
for o in sysDescr.0 ifOperStatus ifEntry ifXEntry snmpMIB usmUserStatus vacmAccessContextMatch ipAddressPrefix \
         hrSystemDate hrMemorySize ifStackStatus coldStart linkDown ifCompliance3 ifGeneralInformationGroup \
         inetCidrRouteDest snmpEngineID tcpConnectionState udpEndpointProcess; do
        check_translate "translate -Td $o" -Td -IR "$o"
done
for o in system interfaces ifEntry hrStorage vacmMIB ipMIB snmpModules mib-2; do
        check_translate "translate -Tp $o" -Tp -IR "$o"
done

echo "$N_PASS passed, $N_FAIL failed"
[ "$N_FAIL" -eq 0 ]
