#!/usr/bin/env bash
# Runs every example of examples/ in C, Python and JavaScript against local
# peers (the snmpd fixture, snmptrapd and the notification-receiver examples
# themselves) and checks what they print; values that change between runs
# (uptimes, ports, sysDescr) are checked by shape. TAP output.
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=${GSNMP_SOURCE_ROOT:-$here/..}
build=${MESON_BUILD_ROOT:-$(dirname "$GSNMP_TOOL")/..}
export GI_TYPELIB_PATH="$build/introspection${GI_TYPELIB_PATH:+:$GI_TYPELIB_PATH}"
export LD_LIBRARY_PATH="$build/gsnmp${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
# the Python and GJS overrides of the source tree (see interop-gi.sh)
export PYTHONPATH="$src/bindings/python${PYTHONPATH:+:$PYTHONPATH}"
export GJS_PATH="$src/bindings/gjs${GJS_PATH:+:$GJS_PATH}"
for f in "$build/introspection/Gsnmp-1.0.typelib" "$build/examples/example-v1-get"; do
        if [ ! -f "$f" ]; then
                # like interop-gi.sh: skipped only in a build without
                # introspection or without -Dexamples (CI builds both)
                echo "missing $f: introspection or the examples were not built" >&2
                [ -n "${CI:-}" ] && exit 1
                exit 77
        fi
done

d=$(mktemp -d "${TMPDIR:-/tmp}/gsnmp-examples.XXXXXX")
export FIXTURE_WATCH_PID=$$ TRAPD_WATCH_PID=$$
eval "$(bash "$here/snmpd-fixture.sh" start "$d/agent")" || exit 1
eval "$(bash "$here/snmptrapd-fixture.sh" start "$d/trapd")" || {
        bash "$here/snmpd-fixture.sh" stop "$d/agent" >/dev/null
        exit 1
}
cleanup ()
{
        bash "$here/snmptrapd-fixture.sh" stop "$d/trapd" >/dev/null 2>&1
        bash "$here/snmpd-fixture.sh" stop "$d/agent" >/dev/null 2>&1
        rm -rf "$d"
}
trap cleanup EXIT

agent=udp:127.0.0.1:$FIXTURE_PORT
if [ "${FIXTURE_IPV6:-0}" = 1 ]; then
        agent2=udp6:[::1]:$FIXTURE_PORT
else
        agent2=$agent
fi
user=(shaaes shaaespass shaaespriv)

n=0
failed=0
ok ()
{
        n=$((n + 1))
        echo "ok $n - $1"
}
not_ok ()
{
        n=$((n + 1))
        failed=$((failed + 1))
        echo "not ok $n - $1"
        shift
        for f in "$@"; do
                [ -f "$f" ] && sed 's/^/# /' "$f" | head -40
        done
}

# run LANG NAME ARGS...: runs one example, its output in $d/LANG-NAME.{out,err,rc}
run ()
{
        local lang=$1 name=$2
        shift 2
        local base=$d/$lang-$name
        case $lang in
        c)  timeout 120 "$build/examples/example-$name" "$@" >"$base.out" 2>"$base.err" ;;
        py) timeout 120 /usr/bin/python3 "$src/examples/$name.py" "$@" >"$base.out" 2>"$base.err" ;;
        js) timeout 120 gjs -m "$src/examples/$name.js" "$@" >"$base.out" 2>"$base.err" ;;
        esac
        echo $? >"$base.rc"
}

# check LANG NAME DESCRIPTION EXPECTED_RC: compares $d/LANG-NAME.out with
# $d/expected after normalising the changing values
norm ()
{
        sed -E -e 's/Timeticks: \([0-9]+\) [0-9]+:[0-9]{2}:[0-9]{2}\.[0-9]{2}/Timeticks: T/' \
               -e 's/from 127\.0\.0\.1:[0-9]+ /from 127.0.0.1:PORT /' \
               -e 's/^(\.1\.3\.6\.1\.2\.1\.1\.1\.0 = STRING: )".+"$/\1DESCR/' \
               -e 's/^listening on port [1-9][0-9]*$/listening on port P/'
}
check ()
{
        local lang=$1 name=$2 what=$3 rc=$4
        local base=$d/$lang-$name
        if [ "$(cat "$base.rc")" != "$rc" ]; then
                not_ok "$lang $name: $what: exit status $(cat "$base.rc"), not $rc" "$base.out" "$base.err"
        elif ! diff -u "$d/expected" <(norm <"$base.out") >"$base.diff"; then
                not_ok "$lang $name: $what" "$base.diff" "$base.err"
        else
                ok "$lang $name: $what"
        fi
}

# increasing: whether the OIDs on stdin, one a line, are in strictly
# increasing lexicographic order
increasing ()
{
        awk -F. '
        {
                n = NF - 1
                if (NR > 1) {
                        cmp = 0
                        for (i = 1; i <= n && i <= pn && cmp == 0; i++)
                                if ($(i + 1) + 0 != p[i])
                                        cmp = ($(i + 1) + 0 > p[i]) ? 1 : -1
                        if (cmp == 0)
                                cmp = n > pn ? 1 : -1
                        if (cmp <= 0) {
                                print "not increasing at " $0 > "/dev/stderr"
                                exit 1
                        }
                }
                for (i = 1; i <= n; i++)
                        p[i] = $(i + 1) + 0
                pn = n
        }'
}

# wait_port FILE: the port a receiver example says it listens on
wait_port ()
{
        local i
        for i in $(seq 1 200); do
                if grep -q '^listening on port [0-9]' "$1" 2>/dev/null; then
                        sed -n 's/^listening on port //p' "$1"
                        return 0
                fi
                sleep 0.1
        done
        return 1
}

for lang in c py js; do
        # v1-get
        run $lang v1-get "$agent"
        echo '.1.3.6.1.2.1.1.1.0 = STRING: DESCR' >"$d/expected"
        check $lang v1-get "SNMPv1 GET" 0

        # custom-timeout-retries: an answer, then a timeout from a silent port
        run $lang custom-timeout-retries "$agent" 1000 2
        check $lang custom-timeout-retries "GET with timeout and retries" 0
        run $lang custom-timeout-retries udp:127.0.0.1:9 100 1
        : >"$d/expected"
        check $lang custom-timeout-retries "timeout" 1
        if grep -q '^timed out: ' "$d/$lang-custom-timeout-retries.err"; then
                ok "$lang custom-timeout-retries: timeout reported as G_IO_ERROR_TIMED_OUT"
        else
                not_ok "$lang custom-timeout-retries: timeout reported as G_IO_ERROR_TIMED_OUT" \
                        "$d/$lang-custom-timeout-retries.err"
        fi

        # multiple-concurrent-queries: two answers in either order
        run $lang multiple-concurrent-queries "$agent"
        printf '%s\n' '.1.3.6.1.2.1.1.1.0 = STRING: DESCR' \
                '.1.3.6.1.2.1.1.6.0 = STRING: "gsnmp-test-lab"' >"$d/expected"
        sort "$d/$lang-multiple-concurrent-queries.out" >"$d/sorted"
        mv "$d/sorted" "$d/$lang-multiple-concurrent-queries.out"
        check $lang multiple-concurrent-queries "two concurrent GETs" 0

        # getbulk-to-eom: the system group, past it, up to endOfMibView
        run $lang getbulk-to-eom "$agent" "${user[@]}"
        out=$d/$lang-getbulk-to-eom.out
        # values may span lines (strings with newlines, long Hex-STRINGs)
        grep -E '^\.[0-9]+(\.[0-9]+)* = ' "$out" >"$d/vbs"
        lines=$(wc -l <"$d/vbs")
        last=$(tail -n 1 "$out")
        if [ "$(cat "$d/$lang-getbulk-to-eom.rc")" = 0 ] &&
           head -n 1 "$out" | grep -Eq '^\.1\.3\.6\.1\.2\.1\.1\.1\.0 = STRING: ".+"$' &&
           grep -Eq '^\.1\.3\.6\.1\.2\.1\.1\.3\.0 = Timeticks: \([0-9]+\) [0-9]+:[0-9]{2}:[0-9]{2}\.[0-9]{2}$' "$out" &&
           grep -qx '.1.3.6.1.2.1.1.5.0 = STRING: "gsnmp-fixture"' "$out" &&
           grep -qx '.1.3.6.1.4.1.99999.1.1.0 = INTEGER: 42' "$out" &&
           grep -q '^\.1\.3\.6\.1\.6\.3\.' "$out" &&
           [[ $last =~ ^#\ endOfMibView\ after\ ([0-9]+)\ variables\ in\ ([0-9]+)\ requests$ ]] &&
           [ "${BASH_REMATCH[1]}" -eq "$lines" ] && [ "${BASH_REMATCH[2]}" -gt 1 ] &&
           cut -d' ' -f1 "$d/vbs" | increasing; then
                ok "$lang getbulk-to-eom: SNMPv3 GETBULK walk to endOfMibView ($lines variables)"
        else
                not_ok "$lang getbulk-to-eom: SNMPv3 GETBULK walk to endOfMibView" "$d/$lang-getbulk-to-eom.err"
                tail -n 3 "$out" | sed 's/^/# /'
        fi

        # pull-whole-mib: SNMPv2c GETNEXT from 1.3.6 to endOfMibView, one
        # variable a request (about 8,700 of them in the fixture)
        run $lang pull-whole-mib "$agent"
        out=$d/$lang-pull-whole-mib.out
        grep -E '^\.[0-9]+(\.[0-9]+)* = ' "$out" >"$d/vbs"
        lines=$(wc -l <"$d/vbs")
        last=$(tail -n 1 "$out")
        if [ "$(cat "$d/$lang-pull-whole-mib.rc")" = 0 ] &&
           head -n 1 "$out" | grep -Eq '^\.1\.3\.6\.1\.2\.1\.1\.1\.0 = STRING: ".+"$' &&
           grep -qx '.1.3.6.1.2.1.1.5.0 = STRING: "gsnmp-fixture"' "$out" &&
           grep -qx '.1.3.6.1.4.1.99999.1.1.0 = INTEGER: 42' "$out" &&
           grep -q '^\.1\.3\.6\.1\.6\.3\.' "$out" &&
           [[ $last =~ ^#\ endOfMibView\ after\ ([0-9]+)\ variables\ in\ ([0-9]+)\ requests$ ]] &&
           [ "${BASH_REMATCH[1]}" -eq "$lines" ] && [ "${BASH_REMATCH[2]}" -gt "$lines" ] &&
           cut -d' ' -f1 "$d/vbs" | increasing; then
                ok "$lang pull-whole-mib: SNMPv2c GETNEXT walk of the whole MIB ($lines variables)"
        else
                not_ok "$lang pull-whole-mib: SNMPv2c GETNEXT walk of the whole MIB" "$d/$lang-pull-whole-mib.err"
                tail -n 3 "$out" | sed 's/^/# /'
        fi

        # pull-subtree-multiple-agents: the same system group from each agent
        run $lang pull-subtree-multiple-agents "$agent" "$agent2"
        out=$d/$lang-pull-subtree-multiple-agents.out
        good=1
        [ "$(cat "$d/$lang-pull-subtree-multiple-agents.rc")" = 0 ] || good=0
        for a in "$agent" "$agent2"; do
                grep -qxF "$a: .1.3.6.1.2.1.1.5.0 = STRING: \"gsnmp-fixture\"" "$out" || good=0
                [ "$(grep -cF "$a: .1.3.6.1.2.1.1." "$out")" -ge 8 ] || good=0
        done
        if [ "$agent" != "$agent2" ] &&
           [ "$(grep -cF "$agent: " "$out")" != "$(grep -cF "$agent2: " "$out")" ]; then
                good=0
        fi
        grep -vqF -e "$agent: .1.3.6.1.2.1.1." -e "$agent2: .1.3.6.1.2.1.1." "$out" && good=0
        if [ $good = 1 ]; then
                ok "$lang pull-subtree-multiple-agents: system group from two agents at once"
        else
                not_ok "$lang pull-subtree-multiple-agents: system group from two agents at once" \
                        "$out" "$d/$lang-pull-subtree-multiple-agents.err"
        fi

        # default-v1-trap to snmptrapd
        before=$(grep -c '^GSNMP-TRAP' "$TRAPD_LOG")
        run $lang default-v1-trap "udp:127.0.0.1:$TRAPD_PORT"
        echo 'SNMPv1 trap sent' >"$d/expected"
        check $lang default-v1-trap "SNMPv1 trap sent" 0
        line=
        for i in $(seq 1 100); do
                line=$(grep '^GSNMP-TRAP' "$TRAPD_LOG" | sed -n "$((before + 1))p")
                [ -n "$line" ] && break
                sleep 0.1
        done
        if [[ $line =~ ^GSNMP-TRAP\|ver=0\|sec=TRAP,\ SNMP\ v1,\ community\ public\|src=.*\|agent=127\.0\.0\.1\|ent=\.1\.3\.6\.1\.4\.1\.20408\.4\.1\.1\.2\|generic=1\|specific=0\|uptime=[0-9]+\|vbs=\.1\.3\.6\.1\.2\.1\.1\.1\.0\ =\ STRING:\ \"my\ system\"$ ]]; then
                ok "$lang default-v1-trap: snmptrapd logged it"
        else
                not_ok "$lang default-v1-trap: snmptrapd logged it: ${line:-nothing}"
        fi
done

# The notification senders of each language against the receiver of the
# next one: default-v1-trap, then notifications (v2c trap, v3 trap, inform).
cat >"$d/expected-receiver" <<'EOF'
listening on port P
v1 TRAP from 127.0.0.1:PORT (community public): 1.3.6.1.6.3.1.1.5.2
  enterprise 1.3.6.1.4.1.20408.4.1.1.2 generic 1 specific 0
  .1.3.6.1.2.1.1.3.0 = Timeticks: T
  .1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.2
  .1.3.6.1.2.1.1.1.0 = STRING: "my system"
  .1.3.6.1.6.3.18.1.3.0 = IpAddress: 127.0.0.1
  .1.3.6.1.6.3.18.1.4.0 = STRING: "public"
  .1.3.6.1.6.3.1.1.4.3.0 = OID: .1.3.6.1.4.1.20408.4.1.1.2
v2c TRAP from 127.0.0.1:PORT (community public): 1.3.6.1.6.3.1.1.5.2
  .1.3.6.1.2.1.1.3.0 = Timeticks: T
  .1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.2
  .1.3.6.1.6.3.1.1.4.3.0 = OID: .1.3.6.1.4.1.20408.4.1.1.2
  .1.3.6.1.2.1.1.1.0 = STRING: "my system"
v3 TRAP from 127.0.0.1:PORT (user shaaes): 1.3.6.1.6.3.1.1.5.2
  .1.3.6.1.2.1.1.3.0 = Timeticks: T
  .1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.2
  .1.3.6.1.6.3.1.1.4.3.0 = OID: .1.3.6.1.4.1.20408.4.1.1.2
  .1.3.6.1.2.1.1.1.0 = STRING: "my system"
v2c INFORM from 127.0.0.1:PORT (community public): 1.3.6.1.6.3.1.1.5.2
  .1.3.6.1.2.1.1.3.0 = Timeticks: T
  .1.3.6.1.6.3.1.1.4.1.0 = OID: .1.3.6.1.6.3.1.1.5.2
  .1.3.6.1.6.3.1.1.4.3.0 = OID: .1.3.6.1.4.1.20408.4.1.1.2
  .1.3.6.1.2.1.1.1.0 = STRING: "my system"
EOF
for pair in c:py py:js js:c; do
        sender=${pair%%:*}
        receiver=${pair#*:}
        rbase=$d/$receiver-notification-receiver
        run $receiver notification-receiver udp:127.0.0.1:0 4 60 public "${user[@]}" &
        rpid=$!
        if ! port=$(wait_port "$rbase.out"); then
                kill "$rpid" 2>/dev/null
                wait "$rpid" 2>/dev/null
                not_ok "$receiver notification-receiver: listening" "$rbase.out" "$rbase.err"
                continue
        fi
        run $sender default-v1-trap "udp:127.0.0.1:$port"
        echo 'SNMPv1 trap sent' >"$d/expected"
        check $sender default-v1-trap "SNMPv1 trap to the $receiver receiver" 0
        run $sender notifications "udp:127.0.0.1:$port" public "${user[@]}"
        printf '%s\n' 'SNMPv2c TRAP sent' 'SNMPv3 TRAP sent' \
                'SNMPv2c INFORM acknowledged (4 variables in the response)' >"$d/expected"
        check $sender notifications "v2c trap, v3 trap and inform to the $receiver receiver" 0
        wait "$rpid"
        cp "$d/expected-receiver" "$d/expected"
        check $receiver notification-receiver "the four notifications from $sender" 0
done

# A receiver with nothing to receive ends at its timeout
run c notification-receiver udp:127.0.0.1:0 1 1
echo 'listening on port P' >"$d/expected"
check c notification-receiver "timeout" 1

# tutorial-get.py: PySNMP's quick-start GET in at most 13 lines, synchronous
run py tutorial-get "$agent"
echo '.1.3.6.1.2.1.1.1.0 = STRING: DESCR' >"$d/expected"
check py tutorial-get "synchronous GET" 0
lines=$(grep -cvE '^[[:space:]]*(#|$)' "$src/examples/tutorial-get.py")
if [ "$lines" -le 13 ] && ! grep -q 'MainLoop\|_async' "$src/examples/tutorial-get.py"; then
        ok "py tutorial-get: $lines lines of code, no main loop"
else
        not_ok "py tutorial-get: $lines lines of code (at most 13), no main loop"
fi
run py tutorial-get udp:127.0.0.1:9
if [ "$(cat "$d/py-tutorial-get.rc")" = 1 ] && grep -q '^No response from' "$d/py-tutorial-get.err"; then
        ok "py tutorial-get: a timeout is reported"
else
        not_ok "py tutorial-get: a timeout is reported" "$d/py-tutorial-get.err"
fi

# asyncio-poller.py: 20 agents at once (19 answering spellings of the
# fixture's address and one silent port), two rounds, under asyncio.run()
agents=()
for i in $(seq 1 19); do
        case $((i % 3)) in
        0) agents+=("udp:127.0.0.1:$FIXTURE_PORT") ;;
        1) agents+=("snmp://public@127.0.0.1:$FIXTURE_PORT") ;;
        2) agents+=("$agent2") ;;
        esac
done
agents+=(udp:127.0.0.1:9)
run py asyncio-poller 2 "${agents[@]}"
out=$d/py-asyncio-poller.out
if [ "$(cat "$d/py-asyncio-poller.rc")" = 1 ] &&
   [ "$(grep -cE '^[01] [0-9]+ [^ ]+ gsnmp-fixture [0-9]+$' "$out")" = 38 ] &&
   [ "$(grep -cE '^[01] 19 udp:127\.0\.0\.1:9 error: No response from 127\.0\.0\.1:9$' "$out")" = 2 ] &&
   grep -q 'async def\|await engine.get_async' "$src/examples/asyncio-poller.py"; then
        ok "py asyncio-poller: 20 agents polled with await, 2 rounds, the silent one reported"
else
        not_ok "py asyncio-poller: 20 agents polled with await" "$out" "$d/py-asyncio-poller.err"
fi

echo "1..$n"
[ $failed = 0 ]
