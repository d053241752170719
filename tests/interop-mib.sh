#!/usr/bin/env bash
# interop-mib.sh - gsnmp with MIB modules against Net-SNMP's tools with the same modules
#
# Starts snmpd (tests/snmpd-fixture.sh) on a free loopback port and runs
# Net-SNMP's snmpbulkwalk/snmpget/snmpgetnext/snmptable/snmptranslate and
# gsnmp with `-M <the bundled mibs> -m <the core modules>` under LC_ALL=C,
# comparing stdout, stderr and the exit status byte for byte:
#   - a bulkwalk of snmpd's whole MIB in the default form and with -Os, -OS,
#     -Of, -On, -Oe, -OX, -Ot, -Oq, -OQ, -Ov, -Ob, -OU, -Ox, -Oa, -Ou, -OE,
#     -O0 and combinations, against Net-SNMP walks just before and after
#     (values that change between runs are compared with numbers masked,
#     see check () below);
#   - get and getnext by name (MODULE::name, bare names, iso.3…, string
#     indexes), unknown names (error text and exit status);
#   - table with column names (-Cb, -Ci, -OX, -Of), every column of the
#     MIB, -Cf -Cw -Cc -Cr with the next argument, -Ch -CH -CB -Cl, and
#     "Was that a table?" for -On and what is not a table;
#   - translate: names, -On -Of -Os -OX, -Td and -Tp for a list of objects
#     and subtrees, unknown names; -Tl -To -Ts -Tz -Tp -TB reports, '-'
#     (names on stdin), -P -I -w;
#   - options after the operands and "--", as GNU getopt permutes them;
#   - bad indexes and sub-identifiers (Net-SNMP's details), missing modules;
#   - -m +LIST and -LIST (Net-SNMP's default list, gsnmp's bundled one).
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
PY=/usr/bin/python3

# check NAME MODE NET-SNMP-TOOL GSNMP-COMMAND ARGS...
# MODE 0: stdout, stderr and exit status byte for byte.
# MODE 1 (walks of the live agent, whose counters, clocks and process table
# change): Net-SNMP runs before and after gsnmp; gsnmp's lines must be those
# of a Net-SNMP run byte for byte, except lines whose numbers changed (at
# most 5%), which must equal a Net-SNMP line once numbers are masked, and
# every line both Net-SNMP runs print must be there; stderr and the exit
# status byte for byte.
check ()
{
        local name=$1 mode=$2 ns=$3 cmd=$4
        shift 4
        "$ns" "${M[@]}" -v2c -c public "$@" > "$WORK/ns.out" 2> "$WORK/ns.err"
        echo "exit $?" >> "$WORK/ns.err"
        "$TOOL" "$cmd" "${M[@]}" -v2c -c public "$@" > "$WORK/gs.out" 2> "$WORK/gs.err"
        echo "exit $?" >> "$WORK/gs.err"
        sed -i -E "s/^$(basename "$ns"): /gsnmp: /" "$WORK/ns.err"
        if [ "$mode" = 1 ]; then
                "$ns" "${M[@]}" -v2c -c public "$@" > "$WORK/ns2.out" 2>/dev/null
                if cmp -s "$WORK/ns.err" "$WORK/gs.err" &&
                   $PY - "$WORK/ns.out" "$WORK/ns2.out" "$WORK/gs.out" > "$WORK/why" <<'PYEOF'
import re, sys
a, b, g = (open(f, encoding="latin-1").read().split("\n") for f in sys.argv[1:4])
stable = set(a) & set(b)
either = set(a) | set(b)
mask = lambda l: re.sub(r"[0-9A-Fa-f]+", "N", l)
masked = {mask(l) for l in either}
gs = set(g)
gmasked = {mask(l) for l in g}
# every line both runs agree on: in gsnmp's output as it is, or with other
# numbers (a value that changed while gsnmp walked); every gsnmp line: in a
# Net-SNMP run, or equal to one once numbers are masked; and at most 5% of
# the lines may differ in their numbers
missing = [l for l in stable if l not in gs and mask(l) not in gmasked]
extra = [l for l in g if l not in either and mask(l) not in masked]
changed = [l for l in g if l not in either]
bad = missing[:5] + extra[:5]
if len(changed) > max(2, len(g) // 20):
    bad.append("%d of %d lines differ in their numbers" % (len(changed), len(g)))
for l in bad:
    print(l)
sys.exit(1 if bad or not g[0] else 0)
PYEOF
                then
                        echo "PASS $name"
                        N_PASS=$((N_PASS + 1))
                else
                        echo "FAIL $name"
                        head -10 "$WORK/why"
                        diff "$WORK/ns.err" "$WORK/gs.err" | head -5
                        N_FAIL=$((N_FAIL + 1))
                fi
                return
        fi
        cat "$WORK/ns.out" "$WORK/ns.err" > "$WORK/ns.cmp"
        cat "$WORK/gs.out" "$WORK/gs.err" > "$WORK/gs.cmp"
        if cmp -s "$WORK/ns.cmp" "$WORK/gs.cmp"; then
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
        check "bulkwalk whole MIB $o" 1 snmpbulkwalk bulkwalk $o "$A" .1
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
# every column of the MIB, also those no row fills (hrStorageAllocationFailures,
# ifLinkUpDownTrapEnable here), "?" in their cells
check "table all MIB columns hrStorageTable" 1 snmptable table -Ci "$A" hrStorageTable
check "table all MIB columns ifXTable" 1 snmptable table "$A" ifXTable
check "table -Cb -Ci -Cw 100 hrStorageTable" 1 snmptable table -Cb -Ci -Cw 100 "$A" hrStorageTable
# the -C letters that take the next argument, as snmptable reads them
check "table -Cf , ifTable" 1 snmptable table -Cf , "$A" ifTable
check "table -Cif , ifTable" 1 snmptable table -Cif , "$A" ifTable
check "table -Cw 80 ifTable" 1 snmptable table -Cw 80 "$A" ifTable
check "table -Cc 10 -Cw 50 ifTable" 1 snmptable table -Cc 10 -Cw 50 "$A" ifTable
check "table -Cr 3 -Cl ifTable" 1 snmptable table -Cr 3 -Cl "$A" ifTable
check "table -CH ifTable" 1 snmptable table -CH "$A" ifTable
check "table -Ch ifTable (no request)" 0 snmptable table -Ch "$A" ifTable
check "table -Ch -Ci -Cb ifTable" 0 snmptable table -Ch -Ci -Cb "$A" ifTable
check "table -CB -Os ifTable" 1 snmptable table -CB -Os "$A" ifTable
# what is not a table: snmptable's "Was that a table?"
check "table -On ifTable" 0 snmptable table -On "$A" ifTable
check "table -On sysORTable" 0 snmptable table -On "$A" SNMPv2-MIB::sysORTable
check "table of a scalar" 0 snmptable table "$A" sysDescr
check "table of a group" 0 snmptable table "$A" system
check "table of an entry" 0 snmptable table "$A" ifEntry

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
check_translate "translate ENTITY-MIB" -On ENTITY-MIB::entPhysicalDescr.1 ENTITY-MIB::entPhysicalClass
check_translate "translate Q-BRIDGE-MIB" Q-BRIDGE-MIB::dot1qTpFdbPort P-BRIDGE-MIB::dot1dTpHCPortInFrames
check_translate "translate -IR ENTITY/Q-BRIDGE/RMON names" -IR entPhysicalDescr.1 dot1qVlanStaticName probeCapabilities.0 tokenRingMLStatsOwner
check_translate "translate unknown name -IR" -IR nosuch.0
for o in sysDescr.0 ifOperStatus ifEntry ifXEntry snmpMIB usmUserStatus vacmAccessContextMatch ipAddressPrefix \
         hrSystemDate hrMemorySize ifStackStatus coldStart linkDown ifCompliance3 ifGeneralInformationGroup \
         inetCidrRouteDest snmpEngineID tcpConnectionState udpEndpointProcess \
         entPhysicalDescr entPhysicalClass entPhysicalUUID dot1qTpFdbPort dot1qVlanStaticEgressPorts \
         dot1dTpHCPortInFrames probeCapabilities tokenRingMLStatsOwner; do
        check_translate "translate -Td $o" -Td -IR "$o"
done
for o in system interfaces ifEntry hrStorage vacmMIB ipMIB snmpModules mib-2 entityPhysical dot1qTpFdbTable; do
        check_translate "translate -Tp $o" -Tp -IR "$o"
done

# Options after the operands (GNU getopt permutes), "--" ends the options
check_translate "translate options after a name" -IR sysDescr.0 -On
check_translate "translate -- before an option-like name" -IR -- sysDescr.0 -On
check_translate "translate without -IR from the top" sysDescr.0 -On
check "get options after the OIDs" 0 snmpget get "$A" sysName.0 -On -Oq
check "getnext -- ends the options" 0 snmpgetnext getnext -On "$A" -- sysName.0
check "walk options after the OID" 1 snmpwalk walk "$A" system -Os
check "table options after the table" 1 snmptable table "$A" ifTable -Cb -Os
# snmpset, snmptrap and snmpinform run with POSIXLY_CORRECT: what follows
# the agent is an operand
check "set stops at the agent" 0 snmpset set -t 0.2 -r 0 "$A" sysName.0 s x -On
check "trap stops at the agent" 0 snmptrap trap -t 0.2 -r 0 "$A" '' coldStart -On
check "inform stops at the agent" 0 snmpinform inform -t 0.2 -r 0 "$A" '' coldStart -On

# translate reports: -Tl -To -Ts -Tz (the whole tree in the order of the
# sub-identifiers), -Tp without an OID (the tree below iso), -TB (one
# match: Net-SNMP's order of several matches follows its own tree order)
check_translate "translate -To" -To
check_translate "translate -Tlosz" -Tlosz
check_translate "translate -Ts with an OID" -Ts -IR ifIndex
check_translate "translate -Tp without an OID" -Tp
check_translate "translate -TB one match" -TB 'ifInOct'
check_translate "translate -TB -Td one match" -TB -Td '^sysUpTime$'
check_translate "translate -TB no match" -TB 'nosuchthing'
check_translate "translate -w bad width" -w 0 sysDescr
check_translate "translate -P letters" -Pu -PeR -Pcd -IR sysDescr.0
printf 'sysDescr.0 x\n1.3.6.1.2.1.1.5.0\n.1.3.6.1.2.1.2.2.1.2.3 = STRING: x\nabc\tdef\n.1.3\tfoo\nIF-MIB::ifDescr.1 = y\n' > "$WORK/stdin.txt"
snmptranslate "${M[@]}" - < "$WORK/stdin.txt" > "$WORK/ns.cmp" 2>&1; echo "exit $?" >> "$WORK/ns.cmp"
"$TOOL" translate "${M[@]}" - < "$WORK/stdin.txt" > "$WORK/gs.cmp" 2>&1; echo "exit $?" >> "$WORK/gs.cmp"
if cmp -s "$WORK/ns.cmp" "$WORK/gs.cmp"; then
        echo "PASS translate - (stdin)"; N_PASS=$((N_PASS + 1))
else
        echo "FAIL translate - (stdin)"; diff "$WORK/ns.cmp" "$WORK/gs.cmp" | head -20; N_FAIL=$((N_FAIL + 1))
fi

# Bad indexes and sub-identifiers: Net-SNMP's details
for o in 'IP-MIB::ipAdEntIfIndex.1.2.3.999' 'IP-MIB::ipAdEntIfIndex.a.b.c.d' 'IF-MIB::ifDescr.abc' \
         'IF-MIB::ifDescr."abc"' "SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.'ab'" \
         'SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3."ab' 'IF-MIB::ifDescr.1.x' 'IF-MIB::nosuch' \
         '.1.3.6.x' 'iso.3.6.1.99.foo' 'iso.3.6.1.2.1.1.1.x.y' 'NOPE-MIB::x' \
         IF-MIB::ifDescr.0 IF-MIB::ifDescr.2147483648 'SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.0."ab"' \
         'SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3.""' 'HOST-RESOURCES-MIB::hrStorageDescr.0' \
         'TCP-MIB::tcpConnState.1.2.3.4.70000.5.6.7.8.9' \
         'SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3."012345678901234567890123456789012"' \
         'SNMP-USER-BASED-SM-MIB::usmUserStatus."".""' \
         'TCP-MIB::tcpConnectionState.ipv4."1.2.3.4".80.ipv4."5.6.7.8".99999'; do
        check_translate "translate bad $o" "$o"
done
check "get bad index" 0 snmpget get "$A" 'IF-MIB::ifDescr.abc'
check "get bad sub-id" 0 snmpget get "$A" 'ifDescr.1.x'
check "get bad IP index" 0 snmpget get "$A" 'ipAdEntIfIndex.1.2.3.300'
check "get missing module" 0 snmpget get "$A" 'NOPE-MIB::sysDescr.0'
check "get -Is suffix" 0 snmpget get -Is .0 "$A" sysDescr sysName
check "get -P letters" 0 snmpget get -Pue "$A" sysName.0

# -m +LIST / -LIST: Net-SNMP's default list (DEFAULT_MIBS) and then LIST;
# gsnmp's default list is the modules it bundles. A folder in front holds
# two test modules and empty stand-ins for Net-SNMP's defaults that gsnmp
# does not bundle (so that Net-SNMP does not report them missing).
mkdir -p "$WORK/mibs"
for m in DISMAN-EVENT-MIB DISMAN-SCHEDULE-MIB MTA-MIB NETWORK-SERVICES-MIB UCD-DISKIO-MIB UCD-DLMOD-MIB \
         LM-SENSORS-MIB UCD-SNMP-MIB UCD-DEMO-MIB NET-SNMP-AGENT-MIB IPV6-ICMP-MIB IPV6-TCP-MIB \
         IPV6-UDP-MIB NET-SNMP-PASS-MIB NET-SNMP-EXTEND-MIB NET-SNMP-VACM-MIB; do
        printf '%s DEFINITIONS ::= BEGIN\nEND\n' "$m" > "$WORK/mibs/$m.txt"
done
for t in TEST:99998 OTHER:99997; do
        cat > "$WORK/mibs/GSNMP-${t%:*}-MIB.txt" <<EOF
GSNMP-${t%:*}-MIB DEFINITIONS ::= BEGIN
IMPORTS MODULE-IDENTITY, OBJECT-TYPE, Integer32, enterprises FROM SNMPv2-SMI;
gsnmp${t%:*}MIB MODULE-IDENTITY
    LAST-UPDATED "202612020000Z"
    ORGANIZATION "gsnmp"
    CONTACT-INFO "gsnmp"
    DESCRIPTION "A module of the tests."
    ::= { enterprises ${t#*:} }
gsnmp${t%:*}Value OBJECT-TYPE
    SYNTAX Integer32
    MAX-ACCESS read-only
    STATUS current
    DESCRIPTION "A value."
    ::= { gsnmp${t%:*}MIB 1 }
END
EOF
done
SAVED_M=("${M[@]}")
for m in +GSNMP-TEST-MIB -GSNMP-TEST-MIB +GSNMP-TEST-MIB:GSNMP-OTHER-MIB GSNMP-TEST-MIB NOPE:GSNMP-TEST-MIB:NOPE2:NOPE; do
        M=(-M "$WORK/mibs:$MIBDIR" -m "$m")
        check_translate "translate -m $m" -IR gsnmpTESTValue.0 gsnmpOTHERValue.0
        check_translate "translate -m $m default list" -IR ifDescr.1 hrSystemUptime.0 snmpTargetAddrTDomain
done
M=("${SAVED_M[@]}")

echo "$N_PASS passed, $N_FAIL failed"
[ "$N_FAIL" -eq 0 ]
