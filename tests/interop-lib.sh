# interop-lib.sh - what the tests/interop-*.sh scripts share; source it.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   . "$(dirname "$0")/interop-lib.sh"
#   interop_init NAME                 LC_ALL=C, SRC, TOOL (checked), PY,
#                                     WORK (removed at exit), counters
#   interop_need PROGRAM...           exit 77 (skip) when one is missing
#   interop_on_exit 'COMMAND'         run COMMAND at exit, before WORK goes
#   interop_start_snmpd [VAR=VALUE]...
#                                     snmpd (tests/snmpd-fixture.sh) in
#                                     $WORK/fixture, its FIXTURE_* variables,
#                                     Net-SNMP's client environment, A, B, PROG
#   pass NAME / skip NAME / fail NAME [DETAIL]...
#   normalize_netsnmp_err FILE        Net-SNMP's stderr as gsnmp prints it:
#                                     "snmpget: " reads "gsnmp: ", the help cut
#   normalize_gsnmp_err FILE          gsnmp's stderr without its own
#                                     "Hint: " lines, the help cut
#   interop_finish                    the summary; exits 1 if a check failed
#
# Every daemon runs on 127.0.0.1 or ::1 on a free port and is stopped by pid.

set -u
export LC_ALL=C

SRC=${GSNMP_SOURCE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
TOOL=${GSNMP_TOOL:-}
PROG=$(basename "${TOOL:-gsnmp}")
PY=
if [ -x /usr/bin/python3 ]; then PY=/usr/bin/python3; elif command -v python3 >/dev/null 2>&1; then PY=python3; fi

N_PASS=0
N_FAIL=0
N_SKIP=0
FAILED=""
EXTRA_NORMALIZE=
INTEROP_EXIT_HOOKS=()
WORK=

interop_cleanup ()
{
        local hook
        for hook in "${INTEROP_EXIT_HOOKS[@]}"; do
                eval "$hook"
        done
        [ -n "$WORK" ] && rm -rf "$WORK"
}

interop_on_exit ()
{
        INTEROP_EXIT_HOOKS+=("$1")
}

interop_init ()
{
        if [ -z "$TOOL" ] || [ ! -x "$TOOL" ]; then
                echo "GSNMP_TOOL is not set to the built gsnmp" >&2
                exit 1
        fi
        WORK=$(mktemp -d "${TMPDIR:-/tmp}/gsnmp-interop-$1.XXXXXX") || exit 1
        trap interop_cleanup EXIT
        trap 'exit 1' INT TERM HUP
}

interop_need ()
{
        local p
        for p in "$@"; do
                if ! command -v "$p" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$p" ]; then
                        echo "SKIP: $p not found (install Debian's snmp, snmpd and snmptrapd packages)"
                        exit 77
                fi
        done
}

interop_start_snmpd ()
{
        local fixture_env
        FIXTURE="$SRC/tests/snmpd-fixture.sh"
        interop_on_exit '"$FIXTURE" stop "$WORK/fixture" >/dev/null 2>&1'
        if ! fixture_env=$(env "$@" FIXTURE_WATCH_PID=$$ "$FIXTURE" start "$WORK/fixture"); then
                echo "FAIL could not start snmpd"
                exit 1
        fi
        eval "$fixture_env"

        # Net-SNMP's tools: no MIB files, no user configuration, state in $WORK
        export SNMPCONFPATH="$FIXTURE_SNMPCONFPATH"
        export SNMP_PERSISTENT_DIR="$FIXTURE_CLIENT_PERSIST"
        export MIBS=
        export HOME="$WORK"

        A="udp:127.0.0.1:${FIXTURE_PORT}"
        B=.1.3.6.1.4.1.99999
}

pass () { N_PASS=$((N_PASS + 1)); echo "PASS $1"; }
skip () { N_SKIP=$((N_SKIP + 1)); echo "SKIP $1"; }
fail ()
{
        N_FAIL=$((N_FAIL + 1))
        FAILED="$FAILED
  $1"
        echo "FAIL $1"
        shift
        [ $# -gt 0 ] && printf '    %s\n' "$@"
        return 0
}

normalize_netsnmp_err ()
{
        sed -E -e "s/^snmp(get|getnext|bulkget|set|walk|bulkwalk|table|trap|inform): /${PROG}: /" \
                -e '/^USAGE: /,$d' ${EXTRA_NORMALIZE:+-e "$EXTRA_NORMALIZE"} "$1"
}
normalize_gsnmp_err ()
{
        # the hints gsnmp adds to Net-SNMP's messages ("Hint: …", e.g.
        # after an SNMPv3 authPriv timeout) are gsnmp's own
        sed -e '/^Hint: /d' -e '/^USAGE: /,$d' "$1"
}

interop_finish ()
{
        echo
        echo "$N_PASS passed, $N_FAIL failed, $N_SKIP skipped"
        if [ "$N_FAIL" -gt 0 ]; then
                echo "failed checks:$FAILED"
                exit 1
        fi
        exit 0
}
