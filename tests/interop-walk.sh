#!/usr/bin/env bash
# interop-walk.sh - gsnmp walk/bulkwalk/table against Net-SNMP's tools
#
# Starts snmpd (tests/snmpd-fixture.sh) with a 20,000-row subtree on a free
# loopback port, runs snmpwalk/snmpbulkwalk -On and gsnmp walk/bulkwalk with
# the same arguments under LC_ALL=C, and compares stdout, stderr and the
# exit status byte for byte, for SNMPv1, SNMPv2c and (once the engine speaks
# it) SNMPv3. One normalisation: the "snmpwalk: " / "snmpbulkwalk: "
# program-name prefix on stderr reads "gsnmp: ", and stderr is compared up
# to a "USAGE:" line. Then:
#   - a bulkwalk of snmpd's whole MIB must return the same OIDs as the
#     Net-SNMP walks run just before and after it, apart from OIDs that also
#     differ between those two (counters and uptimes change between runs);
#   - gsnmp table must return the 20,000-row table and sysORTable cell for
#     cell as the walks do;
#   - gsnmp bulkwalk's peak RSS must not grow with the size of the subtree.
#
# Environment: GSNMP_TOOL (the built gsnmp), GSNMP_SOURCE_ROOT; set by
# tests/meson.build. One line per check: "PASS name" or "FAIL name" and a
# diff; exits 1 if any check failed, 77 (skip) without Net-SNMP.
# All traffic stays on 127.0.0.1.

. "$(dirname "$0")/interop-lib.sh"

ROWS=20000

interop_need snmpwalk snmpbulkwalk snmpd
interop_init walk
if "$TOOL" walk --help 2>&1 | grep -q 'unknown command'; then
        echo "FAIL gsnmp has no walk subcommand: add GSNMP_TOOL_WALK_COMMAND," \
             "GSNMP_TOOL_BULKWALK_COMMAND and GSNMP_TOOL_TABLE_COMMAND" \
             "(tools/gsnmp-tool-walk.h) to commands[] in tools/gsnmp-tool.c"
        exit 1
fi

interop_on_exit '"$FIXTURE" stop "$WORK/plain" >/dev/null 2>&1'
interop_start_snmpd FIXTURE_ROWS=$ROWS

SYSTEM=.1.3.6.1.2.1.1
SYS_OR_TABLE=.1.3.6.1.2.1.1.9
IF_DESCR=.1.3.6.1.2.1.2.2.1.2
# the last objects of snmpd's MIB view (vacmViewTreeFamilyTable)
MIB_END=.1.3.6.1.6.3.16.1.5.2.1.6

# pair NAME COMMAND ARGS...: runs "snmpCOMMAND ARGS" and "gsnmp COMMAND ARGS"
# and compares; lines matching $FILTER (an extended regexp) are dropped from
# both outputs first.
FILTER=
pair ()
{
        local name=$1 cmd=$2 nrc grc ok=1
        shift 2

        timeout 120 "snmp$cmd" "$@" > "$WORK/n.raw-out" 2> "$WORK/n.raw"
        nrc=$?
        timeout 120 "$TOOL" "$cmd" "$@" > "$WORK/g.raw-out" 2> "$WORK/g.raw"
        grc=$?
        if [ -n "$FILTER" ]; then
                grep -Ev "$FILTER" "$WORK/n.raw-out" > "$WORK/n.out"
                grep -Ev "$FILTER" "$WORK/g.raw-out" > "$WORK/g.out"
        else
                cp "$WORK/n.raw-out" "$WORK/n.out"
                cp "$WORK/g.raw-out" "$WORK/g.out"
        fi
        normalize_netsnmp_err "$WORK/n.raw" > "$WORK/n.err"
        normalize_gsnmp_err "$WORK/g.raw" > "$WORK/g.err"

        cmp -s "$WORK/n.out" "$WORK/g.out" || ok=0
        cmp -s "$WORK/n.err" "$WORK/g.err" || ok=0
        [ "$nrc" = "$grc" ] || ok=0
        if [ $ok = 1 ]; then
                pass "$name ($(wc -l < "$WORK/g.out") lines)"
                return 0
        fi
        fail "$name"
        echo "    command: $cmd $*"
        [ "$nrc" = "$grc" ] || echo "    exit status: Net-SNMP $nrc, gsnmp $grc"
        diff -u --label "snmp$cmd stdout" --label "gsnmp stdout" "$WORK/n.out" "$WORK/g.out" | head -40 | sed 's/^/    /'
        diff -u --label "snmp$cmd stderr" --label "gsnmp stderr" "$WORK/n.err" "$WORK/g.err" | head -20 | sed 's/^/    /'
        return 1
}

# The versions to compare: SNMPv1, SNMPv2c and, when gsnmp can already
# talk to the fixture's SNMPv3 users, SNMPv3 noAuthNoPriv and authPriv.
V1="-v1 -c public"
V2C="-v2c -c public"
V3_NANP="-v3 -l noAuthNoPriv -u nanp"
V3_PRIV="-v3 -l authPriv -u shaaes -a SHA -A shaaespass -x AES -X shaaespriv"
VERSIONS=("$V1" "$V2C")
if "$TOOL" get -On $V3_PRIV -r1 "$A" .1.3.6.1.2.1.1.5.0 >/dev/null 2>&1; then
        VERSIONS+=("$V3_NANP" "$V3_PRIV")
else
        skip "SNMPv3 walks: gsnmp cannot reach the fixture's SNMPv3 users yet"
fi
BULK_VERSIONS=("${VERSIONS[@]:1}")

echo "# snmpd ${FIXTURE_PID} on ${A}, ${ROWS} rows below $B.2"

# The last object of the MIB view: snmpwalk prints endOfMibView for it
LAST=$(snmpbulkwalk -On $V2C "$A" $MIB_END | tail -n 1 | cut -d' ' -f1)

echo "# walk and bulkwalk, every version"
for v in "${VERSIONS[@]}"; do
        label=${v%% -[cluA]*}
        [ "$v" = "$V3_PRIV" ] && label="$label authPriv"
        FILTER="^$SYSTEM\\.3\\.0 "     # sysUpTime changes between the runs
        pair "walk $label system group without sysUpTime" walk -On $v "$A" $SYSTEM
        FILTER=
        pair "walk $label sysORTable" walk -On $v "$A" $SYS_OR_TABLE
        pair "walk $label ifDescr" walk -On $v "$A" $IF_DESCR
        pair "walk $label fixture subtree, every type" walk -On $v "$A" $B.1
        pair "walk $label $ROWS rows" walk -On $v "$A" $B.2
        pair "walk $label scalar root" walk -On $v "$A" $SYSTEM.5.0
        pair "walk $label missing root" walk -On $v "$A" $SYSTEM.99
        pair "walk $label end of the MIB" walk -On $v "$A" $MIB_END
        pair "walk $label past the end of the MIB" walk -On $v "$A" .1.3.6.1.9
        pair "walk $label last object as the root" walk -On $v "$A" "$LAST"
done
for v in "${BULK_VERSIONS[@]}"; do
        label=${v%% -[cluA]*}
        [ "$v" = "$V3_PRIV" ] && label="$label authPriv"
        FILTER="^$SYSTEM\\.3\\.0 "
        pair "bulkwalk $label system group without sysUpTime" bulkwalk -On $v "$A" $SYSTEM
        FILTER=
        pair "bulkwalk $label sysORTable" bulkwalk -On $v "$A" $SYS_OR_TABLE
        pair "bulkwalk $label ifDescr" bulkwalk -On $v "$A" $IF_DESCR
        pair "bulkwalk $label fixture subtree, every type" bulkwalk -On $v "$A" $B.1
        pair "bulkwalk $label $ROWS rows -Cr50" bulkwalk -On $v -Cr50 "$A" $B.2
        pair "bulkwalk $label scalar root" bulkwalk -On $v "$A" $SYSTEM.5.0
        pair "bulkwalk $label missing root" bulkwalk -On $v "$A" $SYSTEM.99
        pair "bulkwalk $label end of the MIB" bulkwalk -On $v "$A" $MIB_END
        pair "bulkwalk $label past the end of the MIB" bulkwalk -On $v "$A" .1.3.6.1.9
done

echo "# -C and -O options"
pair "walk -Cp" walk -On $V2C -Cp "$A" $SYS_OR_TABLE
pair "walk -Ci" walk -On $V2C -Ci "$A" $SYS_OR_TABLE.1.2
pair "walk -Ci on a scalar" walk -On $V2C -Ci "$A" $SYSTEM.5.0
pair "walk -CI on a scalar prints nothing" walk -On $V2C -CI -Cp "$A" $SYSTEM.5.0
pair "walk -CIp toggled twice" walk -On $V2C -CIpI "$A" $SYSTEM.5.0
pair "walk -Cc" walk -On $V2C -Cc "$A" $SYS_OR_TABLE
pair "walk v1 -Cpi past the end of the MIB" walk -On $V1 -Cpi "$A" .1.3.6.1.9
pair "walk -Cx" walk -On $V2C -Cx "$A" $SYSTEM
pair "walk bad OID" walk -On $V2C "$A" foo.bar
pair "walk -Oq" walk -On -Oq $V2C "$A" $B.1
pair "walk -OQ" walk -On -OQ $V2C "$A" $B.1
pair "walk -Ov" walk -On -Ov $V2C "$A" $B.1
pair "walk -Oqv" walk -On -Oqv $V2C "$A" $B.1
pair "walk options after the agent and OID" walk "$A" $SYS_OR_TABLE -On $V2C
pair "bulkwalk -Cp -Cr5" bulkwalk -On $V2C -Cp -Cr5 "$A" $SYS_OR_TABLE
pair "bulkwalk -Cr1p" bulkwalk -On $V2C -Cr1p "$A" $SYS_OR_TABLE
pair "bulkwalk -Cn1" bulkwalk -On $V2C -Cn1 "$A" $SYS_OR_TABLE
pair "bulkwalk -Cr7n0" bulkwalk -On $V2C -Cr7n0 "$A" $B.1
pair "bulkwalk -Ci" bulkwalk -On $V2C -Ci "$A" $SYSTEM.5.0
pair "bulkwalk -Cc" bulkwalk -On $V2C -Cc "$A" $SYS_OR_TABLE
pair "bulkwalk -Cr without a number" bulkwalk -On $V2C -Cr "$A" $SYSTEM
pair "bulkwalk with SNMPv1" bulkwalk -On $V1 -Cp "$A" $SYSTEM
pair "bulkwalk -Oqv" bulkwalk -On -Oqv $V2C "$A" $B.1
pair "walk wrong community times out" walk -On -v2c -c wrong -r0 -t0.3 "$A" $SYSTEM
pair "bulkwalk wrong community times out, -Cp" bulkwalk -On -v2c -c wrong -r0 -t0.3 -Cp "$A" $SYSTEM

echo "# the whole MIB"
# On an snmpd without the 20,000 rows, which would also put 60,000 slow
# rows in nsModuleTable. Net-SNMP, gsnmp, Net-SNMP: gsnmp must return every
# OID both Net-SNMP walks returned, and no OID that neither returned.
if plain_env=$(FIXTURE_ROWS= FIXTURE_WATCH_PID=$$ "$FIXTURE" start "$WORK/plain" | grep '^FIXTURE_PORT='); then
        eval "PLAIN_$plain_env"
        PLAIN="udp:127.0.0.1:${PLAIN_FIXTURE_PORT}"
else
        fail "could not start a second snmpd"
        PLAIN=$A
fi
# the OIDs of the lines that start with one (values may span lines)
oids_in_order () { grep -E '^\.[0-9.]+ ' "$1" | cut -d' ' -f1; }
oids () { oids_in_order "$1" | sort -u; }
snmpbulkwalk -On $V2C -Cr50 "$PLAIN" .1 > "$WORK/mib-n1" 2>/dev/null
"$TOOL" bulkwalk -On $V2C -Cr50 "$PLAIN" .1 > "$WORK/mib-g" 2>/dev/null
snmpbulkwalk -On $V2C -Cr50 "$PLAIN" .1 > "$WORK/mib-n2" 2>/dev/null
oids "$WORK/mib-n1" > "$WORK/o-n1"
oids "$WORK/mib-n2" > "$WORK/o-n2"
oids "$WORK/mib-g" > "$WORK/o-g"
comm -12 "$WORK/o-n1" "$WORK/o-n2" > "$WORK/o-both"
sort -u "$WORK/o-n1" "$WORK/o-n2" > "$WORK/o-either"
missing=$(comm -23 "$WORK/o-both" "$WORK/o-g")
extra=$(comm -13 "$WORK/o-either" "$WORK/o-g")
n_oids=$(wc -l < "$WORK/o-g")
if [ -z "$missing" ] && [ -z "$extra" ] && [ "$n_oids" -gt 1000 ]; then
        pass "bulkwalk of the whole MIB: the OIDs of Net-SNMP's walks ($n_oids)"
else
        fail "bulkwalk of the whole MIB: the OIDs of Net-SNMP's walks"
        echo "    missing: $(echo "$missing" | head -5 | tr '\n' ' ')"
        echo "    extra: $(echo "$extra" | head -5 | tr '\n' ' ')"
fi
# The order must be strictly increasing, as the walk checks it: the same
# order as Net-SNMP's.
if oids_in_order "$WORK/mib-g" | grep -Fxf "$WORK/o-both" |
   cmp -s - <(oids_in_order "$WORK/mib-n1" | grep -Fxf "$WORK/o-both"); then
        pass "bulkwalk of the whole MIB: in Net-SNMP's order"
else
        fail "bulkwalk of the whole MIB: in Net-SNMP's order"
fi

echo "# gsnmp table"
TAB=$(printf '\t')
# The cells as "index TAB column TAB value" lines, from gsnmp table -Ci -Cf<TAB>
# (numbered columns, quick-printed values) and from snmpbulkwalk -Oq.
table_cells ()   # TABLE-OID output
{
        awk -F '\t' '
                NR == 1 { next }                      # "SNMP table: …"
                NR == 2 { next }                      # empty line
                NR == 3 { for (i = 2; i <= NF; i++) col[i] = $i; next }
                { for (i = 2; i <= NF; i++) if ($i != "?") print $1 "\t" col[i] "\t" $i }
        ' "$1" | sort
}
walk_cells ()    # ENTRY-OID output
{
        awk -v entry="$1" '
                {
                        oid = $1; value = substr($0, length($1) + 2)
                        rest = substr(oid, length(entry) + 2)
                        col = rest; sub(/\..*/, "", col)
                        index_ = substr(rest, length(col) + 2)
                        print index_ "\t" col "\t" value
                }
        ' "$2" | sort
}
table_check ()   # NAME TABLE-OID ENTRY-OID [COLUMN-OID...]
{
        local name=$1 table=$2 entry=$3 rc
        shift 3
        # -m '': no MIB module, so the columns are numbered from what the
        # agent returns (with the MIB, -On on a known table is snmptable's
        # "Was that a table?")
        timeout 120 "$TOOL" table -m '' -On $V2C -Ci "-Cf$TAB" -Cr50 "$A" "$table" "$@" > "$WORK/t-g" 2> "$WORK/t-g.err"
        rc=$?
        : > "$WORK/t-walk"
        if [ $# -eq 0 ]; then
                snmpbulkwalk -On -Oq $V2C -Cr50 "$A" "$entry" >> "$WORK/t-walk"
        else
                for c in "$@"; do
                        snmpbulkwalk -On -Oq $V2C -Cr50 "$A" "$c" >> "$WORK/t-walk"
                done
        fi
        table_cells "$WORK/t-g" > "$WORK/t-g-cells"
        walk_cells "$entry" "$WORK/t-walk" > "$WORK/t-n-cells"
        if [ $rc = 0 ] && [ -s "$WORK/t-n-cells" ] && cmp -s "$WORK/t-g-cells" "$WORK/t-n-cells"; then
                pass "$name ($(wc -l < "$WORK/t-g-cells") cells)"
        else
                fail "$name"
                echo "    exit status $rc: $(head -c 200 "$WORK/t-g.err")"
                diff "$WORK/t-n-cells" "$WORK/t-g-cells" | head -10 | sed 's/^/    /'
        fi
}
table_check "table of $ROWS rows by table OID" $B.2 $B.2.1
table_check "table of $ROWS rows by entry OID" $B.2.1 $B.2.1
table_check "sysORTable" $SYS_OR_TABLE $SYS_OR_TABLE.1
table_check "sysORTable, columns 4 and 3 only" $SYS_OR_TABLE $SYS_OR_TABLE.1 $SYS_OR_TABLE.1.4 $SYS_OR_TABLE.1.3
"$TOOL" table -m '' -On $V2C "$A" $SYS_OR_TABLE > "$WORK/t-plain"
if head -n 3 "$WORK/t-plain" | cmp -s - <(printf 'SNMP table: %s\n\n' $SYS_OR_TABLE; head -n 3 "$WORK/t-plain" | tail -n 1) \
   && [ "$(wc -l < "$WORK/t-plain")" -gt 5 ]; then
        pass "table layout: title, blank line, header, rows"
else
        fail "table layout: title, blank line, header, rows"
        head -n 5 "$WORK/t-plain" | sed 's/^/    /'
fi
"$TOOL" table -On $V2C "$A" $B.7 > "$WORK/t-empty"
if [ "$(cat "$WORK/t-empty")" = "$B.7: No entries" ]; then
        pass "table without rows: No entries"
else
        fail "table without rows: No entries"
fi

echo "# memory"
# Peak RSS of a walk of the 20,000 rows against one of 30 rows: the walk
# keeps one batch at a time, so the difference stays far below what 20,000
# varbinds take (several MiB).
if [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M -o "$WORK/rss-small" "$TOOL" bulkwalk -On $V2C -Cr50 "$A" $B.1 > /dev/null
        /usr/bin/time -f %M -o "$WORK/rss-large" "$TOOL" bulkwalk -On $V2C -Cr50 "$A" $B.2 > /dev/null
        small=$(tail -n 1 "$WORK/rss-small")
        large=$(tail -n 1 "$WORK/rss-large")
        if [ $((large - small)) -lt 1024 ]; then
                pass "bulkwalk peak RSS: ${small} KiB for 30 rows, ${large} KiB for $ROWS"
        else
                fail "bulkwalk peak RSS grows with the subtree: ${small} KiB for 30 rows, ${large} KiB for $ROWS"
        fi
else
        skip "bulkwalk peak RSS: no /usr/bin/time"
fi

interop_finish
