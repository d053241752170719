#!/usr/bin/env bash
# interop-l10n.sh - the German catalogue, end to end
#
# Runs the built gsnmp with LANG=C.UTF-8 LANGUAGE=de and the catalogue of
# the build tree (<build>/po/de/LC_MESSAGES/gsnmp-1.0.mo, pointed at by the
# GSNMP_LOCALEDIR environment override that the tool and the library read)
# against an unreachable loopback port, and checks that the timeout message
# (the tool's), an invalid agent address (the library's GError) and an
# unknown command come out in German, and that LC_ALL=C still gives
# Net-SNMP's English text.
#
# glibc ignores LANGUAGE only when the locale is exactly "C"; C.UTF-8 is
# built into glibc 2.35 and later. Where it is missing, the script compiles
# de_DE.UTF-8 with localedef into a temporary LOCPATH instead, so it never
# depends on the locales generated on the machine.
#
# Environment: GSNMP_TOOL (the built gsnmp), set by tests/meson.build; the
# build tree is the directory above its tools/. One line per check: "PASS
# name" or "FAIL name" with the output; exits 1 if any check failed. Never
# skips. All traffic stays on 127.0.0.1.

set -u

TOOL=${GSNMP_TOOL:-}
if [ -z "$TOOL" ] || [ ! -x "$TOOL" ]; then
        echo "GSNMP_TOOL is not set to the built gsnmp" >&2
        exit 1
fi
BUILD=$(cd "$(dirname "$TOOL")/.." && pwd)
LOCALEDIR="$BUILD/po"
if [ ! -f "$LOCALEDIR/de/LC_MESSAGES/gsnmp-1.0.mo" ]; then
        echo "FAIL catalogue: $LOCALEDIR/de/LC_MESSAGES/gsnmp-1.0.mo was not built" >&2
        exit 1
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gsnmp-interop-l10n.XXXXXX") || exit 1
trap 'rm -rf "$WORK"' EXIT

unset LC_ALL LC_MESSAGES LC_CTYPE LOCPATH
DE_ENV=(LANG=C.UTF-8 LANGUAGE=de GSNMP_LOCALEDIR="$LOCALEDIR")
if ! locale -a 2>/dev/null | grep -qixE 'c\.utf-?8'; then
        if localedef -i de_DE -f UTF-8 "$WORK/de_DE.UTF-8" >/dev/null 2>&1; then
                DE_ENV=(LOCPATH="$WORK" LANG=de_DE.UTF-8 LANGUAGE=de GSNMP_LOCALEDIR="$LOCALEDIR")
        else
                echo "FAIL locale: no C.UTF-8 locale and localedef cannot build de_DE.UTF-8" >&2
                exit 1
        fi
fi
echo "# locale environment: ${DE_ENV[*]}"

failed=0

# check NAME EXPECTED-STATUS EXPECTED-STDERR -- ENV... -- ARGS...
check () {
        local name=$1 want_status=$2 want=$3 status
        shift 3
        local envs=()
        while [ "$1" != "--" ]; do envs+=("$1"); shift; done
        shift
        env "${envs[@]}" "$TOOL" "$@" >"$WORK/out" 2>"$WORK/err"
        status=$?
        if [ "$status" -eq "$want_status" ] && [ "$(cat "$WORK/err")" = "$want" ] &&
           [ ! -s "$WORK/out" ]; then
                echo "PASS $name"
        else
                echo "FAIL $name (exit status $status, want $want_status)"
                echo "  want stderr: $want"
                sed 's/^/  got stderr:  /' "$WORK/err"
                sed 's/^/  got stdout:  /' "$WORK/out"
                failed=1
        fi
}

AGENT=udp:127.0.0.1:9
OID=1.3.6.1.2.1.1.1.0

check get-timeout-de 1 "Zeitüberschreitung: Keine Antwort von $AGENT." \
        "${DE_ENV[@]}" -- get -v2c -c public -r0 -t0.2 "$AGENT" "$OID"
check bulkget-timeout-de 1 "Zeitüberschreitung: Keine Antwort von $AGENT" \
        "${DE_ENV[@]}" -- bulkget -v2c -c public -r0 -t0.2 "$AGENT" "$OID"
check get-timeout-c 1 "Timeout: No Response from $AGENT." \
        LC_ALL=C LANGUAGE=de GSNMP_LOCALEDIR="$LOCALEDIR" -- get -v2c -c public -r0 -t0.2 "$AGENT" "$OID"
check library-error-de 1 "gsnmp: Ungültige Agentenadresse „udp:[::1“: „]“ fehlt" \
        "${DE_ENV[@]}" -- get -v2c -c public -r0 -t0.2 "udp:[::1" "$OID"
check unknown-command-de 1 "gsnmp: unbekannter Befehl „bogus“
AUFRUF: gsnmp BEFEHL [OPTIONEN] AGENT ARGUMENTE...
„gsnmp --help“ zeigt die Liste der Befehle." \
        "${DE_ENV[@]}" -- bogus

exit $failed
