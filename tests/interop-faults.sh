#!/usr/bin/env bash
# interop-faults.sh - the engine against snmpd through a lossy relay
#
# Starts snmpd (tests/snmpd-fixture.sh) with a 300-row column and runs
# test-faults, which puts tests/lossy-relay.py (10% and 30% loss each way,
# duplication, reordering) between its engines and snmpd or its own
# listener: GETs, walks, tables, SNMPv3 walks and informs must complete
# with the right data, each request exactly once. TAP from test-faults
# passes through; without snmpd or python3 the plan is "1..0 # SKIP".

set -u
export LC_ALL=C

SRC=${GSNMP_SOURCE_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
BUILD=${G_TEST_BUILDDIR:-}
FIXTURE="$SRC/tests/snmpd-fixture.sh"
ROWS=300

if [ -z "$BUILD" ] || [ ! -x "$BUILD/test-faults" ]; then
        echo "G_TEST_BUILDDIR is not set to the directory of the built test-faults" >&2
        exit 1
fi
if ! command -v snmpd >/dev/null 2>&1 && [ ! -x /usr/sbin/snmpd ]; then
        echo "1..0 # SKIP snmpd not found (install Debian's snmpd package)"
        exit 77
fi
if [ ! -x /usr/bin/python3 ]; then
        echo "1..0 # SKIP /usr/bin/python3 not found"
        exit 77
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gsnmp-interop-faults.XXXXXX") || exit 1
cleanup ()
{
        "$FIXTURE" stop "$WORK/fixture" >/dev/null 2>&1
        rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if ! fixture_env=$(FIXTURE_ROWS=$ROWS FIXTURE_WATCH_PID=$$ "$FIXTURE" start "$WORK/fixture"); then
        echo "Bail out! could not start snmpd"
        exit 1
fi
eval "$fixture_env"

GSNMP_FAULTS_SNMPD_PORT=$FIXTURE_PORT GSNMP_FAULTS_ROWS=$ROWS \
GSNMP_FAULTS_RELAY="$SRC/tests/lossy-relay.py" \
        "$BUILD/test-faults" "$@"
