#!/usr/bin/env bash
# mib-bench.sh - gsnmp with MIB names against Net-SNMP with the same modules
#
#     bash bench/mib-bench.sh        # needs a build in build/ (or GSNMP_TOOL)
#
# Rows run side by side in interleaved rounds (both tools back to back in
# each round, alternating which goes first), medians over rounds, ratios per
# round:
#   - start-up with every bundled module: `gsnmp translate -M mibs -m ALL -IR
#     sysDescr.0` against `snmptranslate -M mibs -m ALL -IR sysDescr.0`
#     (both need -IR for a bare name), wall and CPU of the whole
#     process, 20 runs per round.  gsnmp runs as a user's second and later
#     runs do: with its compiled MIB cache in $HOME/.cache/gsnmp (HOME is this
#     script's temporary folder, so the cache is made by the untimed first
#     run below, from the same files);
#   - the same start-up cold, 5 runs per round: every run with an empty
#     cache folder (XDG_CACHE_HOME, a new one each time, made and removed
#     outside the timing), so it parses every module and writes the cache;
#   - a bulkwalk -Cr50 of 20,000 varbinds printed with names (the default
#     form, every bundled module loaded): `gsnmp bulkwalk` against
#     `snmpbulkwalk`, output to /dev/null, client CPU of the whole process.
# CPU is getrusage user + system of the child (wait4).  The results replace
# the "## MIB names" section of bench/RESULTS.md (BENCH_OUT), with the
# commands.  Environment: ROUNDS (default 7), GSNMP_TOOL, BENCH_OUT.
set -u
export LC_ALL=C

SRC=$(cd "$(dirname "$0")/.." && pwd)
TOOL=${GSNMP_TOOL:-$SRC/build/tools/gsnmp}
OUT=${BENCH_OUT:-$SRC/bench/RESULTS.md}
ROUNDS=${ROUNDS:-7}
ROWS=20000
MIBDIR=$SRC/mibs
PY=/usr/bin/python3

[ -x "$TOOL" ] || { echo "no gsnmp at $TOOL: build first" >&2; exit 1; }
for p in snmptranslate snmpbulkwalk; do
        command -v "$p" >/dev/null || { echo "$p not found (Debian's snmp package)" >&2; exit 1; }
done

WORK=$(mktemp -d "${TMPDIR:-/tmp}/gsnmp-mib-bench.XXXXXX") || exit 1
trap 'bash "$SRC/tests/snmpd-fixture.sh" stop "$WORK/fixture" >/dev/null 2>&1; rm -rf "$WORK"' EXIT
eval "$(FIXTURE_ROWS=$ROWS FIXTURE_WATCH_PID=$$ bash "$SRC/tests/snmpd-fixture.sh" start "$WORK/fixture")" || exit 1
export SNMPCONFPATH="$FIXTURE_SNMPCONFPATH" SNMP_PERSISTENT_DIR="$FIXTURE_CLIENT_PERSIST" HOME="$WORK"
export GSNMP_MIBS_DIR="$MIBDIR"
unset MIBS MIBDIRS
AGENT=udp:127.0.0.1:$FIXTURE_PORT
WALK_OID=.1.3.6.1.4.1.99999.2.1.2

G_TRANSLATE=("$TOOL" translate -M "$MIBDIR" -m ALL -IR sysDescr.0)
N_TRANSLATE=(snmptranslate -M "$MIBDIR" -m ALL -IR sysDescr.0)
G_WALK=("$TOOL" bulkwalk -v2c -c public -Cr50 -M "$MIBDIR" -m ALL "$AGENT" "$WALK_OID")
N_WALK=(snmpbulkwalk -v2c -c public -Cr50 -M "$MIBDIR" -m ALL "$AGENT" "$WALK_OID")

# Same output first (untimed)
"${G_WALK[@]}" > "$WORK/g.txt" 2>&1
"${N_WALK[@]}" > "$WORK/n.txt" 2>&1
if ! cmp -s "$WORK/g.txt" "$WORK/n.txt"; then
        echo "gsnmp bulkwalk and snmpbulkwalk print different lines:" >&2
        diff "$WORK/g.txt" "$WORK/n.txt" | head >&2
        exit 1
fi
LINES=$(wc -l < "$WORK/g.txt")
[ "$("${G_TRANSLATE[@]}")" = "$("${N_TRANSLATE[@]}")" ] || { echo "translate outputs differ" >&2; exit 1; }

# run.py N CMD...: runs CMD N times, output to /dev/null; prints the mean
# wall and CPU seconds.  With COLD_CACHE=1, each run gets a new, empty
# XDG_CACHE_HOME (made and removed outside the timing).
cat > "$WORK/run.py" <<'EOF'
import os, shutil, subprocess, sys, tempfile, time
n = int(sys.argv[1])
cold = os.environ.get("COLD_CACHE") == "1"
wall = cpu = 0.0
for _ in range(n):
    env = None
    if cold:
        cache = tempfile.mkdtemp(prefix="gsnmp-cold-cache.")
        env = dict(os.environ, XDG_CACHE_HOME=cache)
    t0 = time.monotonic()
    p = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, ru = os.wait4(p.pid, 0)
    wall += time.monotonic() - t0
    cpu += ru.ru_utime + ru.ru_stime
    if cold:
        made = os.path.join(cache, "gsnmp")
        if not os.path.isdir(made) or not os.listdir(made):
            sys.exit("no MIB cache written in " + cache)
        shutil.rmtree(cache)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: " + " ".join(sys.argv[2:]))
print(wall / n, cpu / n)
EOF

: > "$WORK/raw.txt"
for r in $(seq 1 "$ROUNDS"); do
        for row in translate cold walk; do
                cold=0
                if [ "$row" = translate ]; then n=20; g=("${G_TRANSLATE[@]}"); m=("${N_TRANSLATE[@]}")
                elif [ "$row" = cold ]; then n=5; cold=1; g=("${G_TRANSLATE[@]}"); m=("${N_TRANSLATE[@]}")
                else n=1; g=("${G_WALK[@]}"); m=("${N_WALK[@]}"); fi
                if [ $((r % 2)) = 1 ]; then
                        gl=$(COLD_CACHE=$cold $PY "$WORK/run.py" $n "${g[@]}"); nl=$($PY "$WORK/run.py" $n "${m[@]}")
                else
                        nl=$($PY "$WORK/run.py" $n "${m[@]}"); gl=$(COLD_CACHE=$cold $PY "$WORK/run.py" $n "${g[@]}")
                fi
                echo "$row $r $gl $nl" | tee -a "$WORK/raw.txt"
        done
done

$PY - "$WORK/raw.txt" "$OUT" "$ROUNDS" "$LINES" "$(cd "$SRC" && git rev-parse --short HEAD 2>/dev/null)" \
        "$(uptime | sed 's/.*load average: //')" <<'EOF'
import statistics, sys, datetime, re
raw, out, rounds, lines, commit, load = sys.argv[1:7]
rows = {}
for line in open(raw):
    name, r, gw, gc, nw, nc = line.split()
    rows.setdefault(name, []).append(tuple(map(float, (gw, gc, nw, nc))))
def med(xs): return statistics.median(xs)
def summary(name):
    v = rows[name]
    return (med([x[0] for x in v]), med([x[2] for x in v]), med([x[0] / x[2] for x in v]),
            med([x[1] for x in v]), med([x[3] for x in v]), med([x[1] / x[3] for x in v]))
t, c, w = summary("translate"), summary("cold"), summary("walk")
yes = lambda ok: "yes" if ok else "**no**"
now = datetime.datetime.utcnow().strftime("%Y-%m-%d %H:%M UTC")
text = f"""## MIB names

Produced by `bash bench/mib-bench.sh` ({now}, gsnmp commit {commit}, {rounds} interleaved rounds,
medians; ratios per round; load average after: {load}). Wall and CPU (user + system, wait4) of the
whole process; the modules are the bundled ones (`mibs/`, `-m ALL`). gsnmp keeps what it parsed of
the modules in a compiled cache (`$XDG_CACHE_HOME/gsnmp`, by default `~/.cache/gsnmp`; see
doc/mib-cache.md): the start-up rows run with the cache the script's first, untimed run made in its
temporary HOME, as every run after a user's first does; the cold rows give every run a new, empty
cache folder (made and removed outside the timing), so each parses all modules and writes the cache.

| Row | gsnmp | Net-SNMP | ratio | Target | Met |
| --- | ---: | ---: | ---: | --- | --- |
| start-up (cache made): `gsnmp translate -M mibs -m ALL -IR sysDescr.0` vs `snmptranslate -M mibs -m ALL -IR sysDescr.0`, wall | {t[0]*1e3:.2f} ms | {t[1]*1e3:.2f} ms | {t[2]:.2f}x | ≤ 0.5x | {yes(t[2] <= 0.5)} |
| start-up, CPU | {t[3]*1e3:.2f} ms | {t[4]*1e3:.2f} ms | {t[5]:.2f}x | ≤ 0.5x | {yes(t[5] <= 0.5)} |
| cold start-up (empty cache: parse every module, write the cache), wall | {c[0]*1e3:.2f} ms | {c[1]*1e3:.2f} ms | {c[2]:.2f}x | – (first run only) | – |
| cold start-up, CPU | {c[3]*1e3:.2f} ms | {c[4]*1e3:.2f} ms | {c[5]:.2f}x | – (first run only) | – |
| `gsnmp bulkwalk -v2c -Cr50 -M mibs -m ALL` vs `snmpbulkwalk …` of {int(lines):,} varbinds printed with names, wall | {w[0]*1e3:.1f} ms | {w[1]*1e3:.1f} ms | {w[2]:.2f}x | – | – |
| the same walk, client CPU | {w[3]*1e3:.1f} ms | {w[4]*1e3:.1f} ms | {w[5]:.2f}x | ≤ 0.8x | {yes(w[5] <= 0.8)} |

Both walks print the same {int(lines):,} lines (checked before timing: `SNMPv2-SMI::enterprises.99999.2.1.2.N = STRING: "row-N"`).
"""
try:
    old = open(out).read()
except FileNotFoundError:
    old = ""
m = re.search(r"^## MIB names\n.*?(?=^## |\Z)", old, flags=re.S | re.M)
new = (old[:m.start()] + text + "\n" + old[m.end():]) if m else (old.rstrip("\n") + "\n\n" + text)
open(out, "w").write(new)
print(text)
EOF
