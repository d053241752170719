#!/usr/bin/env bash
# interop-quirks.sh - gsnmp against agents less tidy than snmpd
#
# Starts tests/quirky-agent.py (a hand-BER SNMPv1/v2c agent on 127.0.0.1)
# in several modes and runs Net-SNMP's snmpget/snmpwalk/snmpbulkwalk -On and
# gsnmp get/walk/bulkwalk with the same arguments under LC_ALL=C, comparing
# stdout, stderr and the exit status byte for byte:
#   - pad: the last GetBulk response padded with endOfMibView varbinds;
#   - nonincr: an agent whose OIDs go backwards once (with and without -Cc);
#   - types: NsapAddress and UInteger32 values;
#   - errstat: error-status 999 and error-index -1 in every answer.
# One normalisation: the "snmpwalk: " program-name prefix on stderr reads
# "gsnmp: ". One line per check: "PASS name" or "FAIL name" and a diff;
# exits 1 if any check failed, 77 (skip) without Net-SNMP or python3.

set -u
export LC_ALL=C

SRC=${GSNMP_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
TOOL=${GSNMP_TOOL:-}
AGENT="$SRC/tests/quirky-agent.py"
PYTHON=/usr/bin/python3

if [ -z "$TOOL" ] || [ ! -x "$TOOL" ]; then
        echo "GSNMP_TOOL is not set to the built gsnmp" >&2
        exit 1
fi
for p in snmpget snmpwalk snmpbulkwalk; do
        if ! command -v "$p" >/dev/null 2>&1; then
                echo "SKIP: $p not found (install Debian's snmp package)"
                exit 77
        fi
done
if [ ! -x "$PYTHON" ]; then
        echo "SKIP: $PYTHON not found"
        exit 77
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gsnmp-interop-quirks.XXXXXX") || exit 1
PIDS=()
cleanup ()
{
        local pid
        for pid in "${PIDS[@]}"; do
                kill "$pid" 2>/dev/null
        done
        rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

failed=0

# start_agent MODE: sets PORT
start_agent ()
{
        local i
        "$PYTHON" "$AGENT" "$1" $$ > "$WORK/$1.port" &
        PIDS+=($!)
        for i in $(seq 1 100); do
                PORT=$(head -n1 "$WORK/$1.port" 2>/dev/null)
                [ -n "$PORT" ] && return 0
                sleep 0.1
        done
        echo "FAIL could not start quirky-agent.py $1"
        exit 1
}

# compare NAME NETSNMP-COMMAND GSNMP-SUBCOMMAND ARGS...
compare ()
{
        local name=$1 ns=$2 sub=$3
        shift 3
        local d="$WORK/$name"
        mkdir -p "$d"
        timeout 60 "$ns" "$@" > "$d/ns.out" 2> "$d/ns.err"
        echo "exit $?" >> "$d/ns.out"
        timeout 60 "$TOOL" "$sub" "$@" > "$d/g.out" 2> "$d/g.err"
        echo "exit $?" >> "$d/g.out"
        sed -i -e "s/^$ns: /gsnmp: /" "$d/ns.err"
        if cmp -s "$d/ns.out" "$d/g.out" && cmp -s "$d/ns.err" "$d/g.err"; then
                echo "PASS $name"
        else
                echo "FAIL $name: $ns $* (-: Net-SNMP, +: gsnmp)"
                diff -u "$d/ns.out" "$d/g.out" | head -40
                diff -u "$d/ns.err" "$d/g.err" | head -40
                failed=1
        fi
}

# refuse NAME EXPECTED-STDERR-TEXT ARGS...: gsnmp ARGS must exit 1 within 20 s
# with EXPECTED-STDERR-TEXT on stderr and no GLib warning (fatal anyway).
refuse ()
{
        local name=$1 text=$2
        shift 2
        local d="$WORK/$name" rc
        mkdir -p "$d"
        G_DEBUG=fatal-criticals,fatal-warnings timeout 20 "$TOOL" "$@" > "$d/out" 2> "$d/err"
        rc=$?
        if [ $rc -eq 1 ] && grep -qF -- "$text" "$d/err" && ! grep -q "CRITICAL\|WARNING" "$d/err"; then
                echo "PASS $name"
        else
                echo "FAIL $name: gsnmp $* exited $rc (expected 1 and \"$text\")"
                head -5 "$d/err"
                failed=1
        fi
}

# Probe defects 4-6: numbers out of range are refused, clearly, at once.
NOWHERE=127.0.0.1:9
refuse cli-retries-1001 "Invalid number of retries after -r flag: at most 1000." \
        get -v2c -c public -r 1001 $NOWHERE .1.3.6.1.2.1.1.5.0
refuse cli-table-cc-huge "Bad -Cc option: 2147483647" table -v2c -c public -Cc2147483647 $NOWHERE .1.3.6.1.2.1.2.2
refuse cli-table-cw-huge "Bad -Cw option: 99999999999" table -v2c -c public -Cw99999999999 $NOWHERE .1.3.6.1.2.1.2.2
refuse cli-table-cr-zero "Bad -Cr option: 0" table -v2c -c public -Cr0 $NOWHERE .1.3.6.1.2.1.2.2
refuse cli-trap-generic-abc "Invalid generic-trap parameter: abc" \
        trap -v1 -c public $NOWHERE 1.3.6.1.4.1.8072 127.0.0.1 abc xyz ""
refuse cli-trap-specific-xyz "Invalid specific-trap parameter: xyz" \
        trap -v1 -c public $NOWHERE 1.3.6.1.4.1.8072 127.0.0.1 6 xyz ""
refuse cli-trap-uptime-bad "Invalid uptime parameter: 12x" \
        trap -v1 -c public $NOWHERE 1.3.6.1.4.1.8072 127.0.0.1 6 1 12x
refuse cli-trap-generic-2-32 "Invalid generic-trap parameter: 4294967296" \
        trap -v1 -c public $NOWHERE 1.3.6.1.4.1.8072 127.0.0.1 4294967296 1 ""
refuse cli-bulkwalk-cr-negative "gsnmp: Bad value for max-repetitions" \
        bulkwalk -v2c -c public -Cr-5 $NOWHERE .1.3.6.1.2.1.1
refuse cli-bulkwalk-cn-negative "gsnmp: Bad value for non-repeaters" \
        bulkwalk -v2c -c public -Cn-1 $NOWHERE .1.3.6.1.2.1.1
# and as snmpbulkwalk says it
compare cli-bulkwalk-cr-negative-netsnmp snmpbulkwalk bulkwalk -v2c -c public -t 1 -r 0 -Cr-5 $NOWHERE .1.3.6.1.2.1.1
compare cli-bulkwalk-cn-negative-netsnmp snmpbulkwalk bulkwalk -v2c -c public -t 1 -r 0 -Cn-1 -Cp $NOWHERE .1.3.6.1.2.1.1

ROOT=.1.3.6.1.4.1.99999
COMMON=(-On -v2c -c public -t 5 -r 1)

start_agent pad
A=127.0.0.1:$PORT
compare pad-bulkwalk snmpbulkwalk bulkwalk "${COMMON[@]}" "$A" "$ROOT"
compare pad-bulkwalk-r3 snmpbulkwalk bulkwalk "${COMMON[@]}" -Cr3 "$A" "$ROOT"
compare pad-bulkwalk-r7 snmpbulkwalk bulkwalk "${COMMON[@]}" -Cr7 "$A" "$ROOT"
compare pad-bulkwalk-r50-p snmpbulkwalk bulkwalk "${COMMON[@]}" -Cr50 -Cp "$A" "$ROOT"
compare pad-bulkwalk-oq snmpbulkwalk bulkwalk "${COMMON[@]}" -Oq "$A" "$ROOT"
compare pad-bulkwalk-sub snmpbulkwalk bulkwalk "${COMMON[@]}" "$A" "$ROOT.1.7"
compare pad-walk snmpwalk walk "${COMMON[@]}" "$A" "$ROOT"

start_agent nonincr
A=127.0.0.1:$PORT
compare nonincr-bulkwalk snmpbulkwalk bulkwalk "${COMMON[@]}" "$A" "$ROOT"
compare nonincr-bulkwalk-r2 snmpbulkwalk bulkwalk "${COMMON[@]}" -Cr2 "$A" "$ROOT"
compare nonincr-bulkwalk-r5 snmpbulkwalk bulkwalk "${COMMON[@]}" -Cr5 "$A" "$ROOT"
compare nonincr-bulkwalk-cc snmpbulkwalk bulkwalk "${COMMON[@]}" -Cc "$A" "$ROOT"
compare nonincr-bulkwalk-cc-r2 snmpbulkwalk bulkwalk "${COMMON[@]}" -Cc -Cr2 "$A" "$ROOT"
compare nonincr-bulkwalk-p snmpbulkwalk bulkwalk "${COMMON[@]}" -Cp "$A" "$ROOT"
compare nonincr-walk snmpwalk walk "${COMMON[@]}" "$A" "$ROOT"
compare nonincr-walk-cc snmpwalk walk "${COMMON[@]}" -Cc "$A" "$ROOT"
compare nonincr-walk-v1 snmpwalk walk -On -v1 -c public -t 5 -r 1 "$A" "$ROOT"
compare nonincr-walk-v1-cc snmpwalk walk -On -v1 -c public -t 5 -r 1 -Cc "$A" "$ROOT"

start_agent types
A=127.0.0.1:$PORT
compare types-get snmpget get "${COMMON[@]}" "$A" "$ROOT.1.8.0" "$ROOT.1.9.0" "$ROOT.1.10.0" "$ROOT.1.11.0"
compare types-get-v1 snmpget get -On -v1 -c public -t 5 -r 1 "$A" "$ROOT.1.8.0" "$ROOT.1.9.0"
compare types-get-oq snmpget get "${COMMON[@]}" -Oq "$A" "$ROOT.1.8.0" "$ROOT.1.9.0"
compare types-get-ov snmpget get "${COMMON[@]}" -Ov "$A" "$ROOT.1.8.0" "$ROOT.1.9.0"
compare types-walk snmpwalk walk "${COMMON[@]}" "$A" "$ROOT"
compare types-bulkwalk snmpbulkwalk bulkwalk "${COMMON[@]}" "$A" "$ROOT"

# Probe defect 2: a table that never ends stops at -Cm cells.
start_agent endless
refuse endless-table-cm "gsnmp: The table has more than 5000 cells (-Cm sets the limit)" \
        table -v2c -c public -t 5 -Cm5000 127.0.0.1:$PORT $ROOT.2

# Probe defects 3 and 7: gsnmp listen escapes what a sender controls
# (an SNMPv3 contextName with ESC, BEL and a byte that is not UTF-8), and
# --stats shows what the kernel dropped.
E=0x80001f8804736e6d7031
printf 'createUser -e %s trapnoauth\n' "$E" > "$WORK/listen.conf"
"$TOOL" listen --stats --config "$WORK/listen.conf" udp:127.0.0.1:0 \
        > "$WORK/listen.out" 2> "$WORK/listen.err" &
LPID=$!
PIDS+=($LPID)
for i in $(seq 1 100); do
        grep -q 'engine ID' "$WORK/listen.err" && break
        sleep 0.1
done
LPORT=$(sed -n 's/.*listening on udp:127\.0\.0\.1:0 (port \([0-9]*\)).*/\1/p' "$WORK/listen.err")
"$TOOL" trap -v3 -e "$E" -u trapnoauth -l noAuthNoPriv -n "$(printf 'ctx\033[31m\a\377')" \
        "127.0.0.1:$LPORT" 1 1.3.6.1.6.3.1.1.5.1 1.3.6.1.2.1.1.5.0 s "$(printf 'v\033]0;x\a')"
for i in $(seq 1 100); do
        [ -s "$WORK/listen.out" ] && break
        sleep 0.1
done
kill -TERM "$LPID" 2>/dev/null
wait "$LPID" 2>/dev/null
if grep -qF 'context=ctx\x1b[31m\x07\xff ' "$WORK/listen.out" &&
   ! LC_ALL=C grep -q "$(printf '[\033\a]')" "$WORK/listen.out"; then
        echo "PASS listen-escapes-context"
else
        echo "FAIL listen-escapes-context: $(od -c "$WORK/listen.out" | head -5)"
        failed=1
fi
if grep -q ' kernel_drops=[0-9]' "$WORK/listen.err"; then
        echo "PASS listen-stats-kernel-drops"
else
        echo "FAIL listen-stats-kernel-drops: $(tail -2 "$WORK/listen.err")"
        failed=1
fi

# -Cd: a walk or table of an agent that went silent ends at the deadline,
# long before 30 s × 6 of timeouts and retries.
start_agent silent
refuse deadline-bulkwalk "gsnmp: The walk did not finish within 1 seconds (-Cd)" \
        bulkwalk -v2c -c public -t 30 -Cd1 127.0.0.1:$PORT $ROOT
refuse deadline-walk "gsnmp: The walk did not finish within 1 seconds (-Cd)" \
        walk -v2c -c public -t 30 -Cd1 127.0.0.1:$PORT $ROOT
refuse deadline-table "gsnmp: The table did not arrive within 1 seconds (-Cd)" \
        table -v2c -c public -t 30 -Cd1 127.0.0.1:$PORT $ROOT.2
refuse deadline-bad "Bad -Cd option: 0" bulkwalk -v2c -c public -Cd0 127.0.0.1:$PORT $ROOT

start_agent errstat
A=127.0.0.1:$PORT
compare errstat-get snmpget get "${COMMON[@]}" "$A" "$ROOT.1.1.0"
compare errstat-walk snmpwalk walk "${COMMON[@]}" "$A" "$ROOT"
compare errstat-bulkwalk snmpbulkwalk bulkwalk "${COMMON[@]}" "$A" "$ROOT"

exit $failed
