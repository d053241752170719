#!/usr/bin/env bash
# longrun.sh - long runs against a snmpd of its own (on demand, not in CI)
#
#   bench/longrun.sh BUILDDIR [GETS] [WALKS] [ENGINES] [LISTENERS]
#
# Defaults: 1,000,000 GETs, 10,000 walks of a 100-row subtree, 10,000
# engines and 10,000 listeners created and destroyed. Prints one JSON line
# per run (bench/gsnmp-longrun.c): RSS and open descriptors after the first
# tenth (warm-up) and at the end. Flat means rss_growth_pct < 1 and
# fds_end <= fds_after_warmup.

set -u
export LC_ALL=C
BUILD=${1:?usage: longrun.sh BUILDDIR [GETS] [WALKS] [ENGINES] [LISTENERS]}
GETS=${2:-1000000}
WALKS=${3:-10000}
ENGINES=${4:-10000}
LISTENERS=${5:-10000}
SRC=$(cd "$(dirname "$0")/.." && pwd)
LONGRUN="$BUILD/bench/gsnmp-longrun"
FIXTURE="$SRC/tests/snmpd-fixture.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gsnmp-longrun.XXXXXX") || exit 1
trap '"$FIXTURE" stop "$WORK/fixture" >/dev/null 2>&1; rm -rf "$WORK"' EXIT
eval "$(FIXTURE_ROWS=100 FIXTURE_WATCH_PID=$$ "$FIXTURE" start "$WORK/fixture")" || exit 1
AGENT=127.0.0.1:$FIXTURE_PORT

status=0
"$LONGRUN" engines "$ENGINES" || status=1
"$LONGRUN" engines-get "$AGENT" "$ENGINES" || status=1
"$LONGRUN" listeners "$LISTENERS" || status=1
"$LONGRUN" walks "$AGENT" "$WALKS" 1.3.6.1.4.1.99999.2.1.2 || status=1
"$LONGRUN" gets "$AGENT" "$GETS" || status=1
exit $status
