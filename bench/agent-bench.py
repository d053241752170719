#!/usr/bin/python3
# bench/agent-bench.py - the command responder: gsnmp agent against snmpd
#
#     /usr/bin/python3 bench/agent-bench.py      # rewrites "## Agent" in bench/RESULTS.md
#
# Starts Net-SNMP's snmpd (tests/snmpd-fixture.sh, FIXTURE_ROWS=20000) and
# gsnmp agent serving the same data: the fixture's system group and
# .1.3.6.1.4.1.99999 subtree (with its 20,000-row column) are dumped to an
# .snmprec file (tests/snmprec-dump.py) and served with --data-file. Then,
# in interleaved rounds (which agent goes first alternates):
#   - GET v2c of sysDescr.0, 32 in flight (gsnmp-bench get);
#   - GETBULK v2c with max-repetitions 50 over the 20,000-row column
#     (gsnmp-bench walk -Cr50, repeated);
#   - snmpbulkwalk -Cr50 of the 20,000-row column, wall time of the walk;
# and, gsnmp agent alone, per-varbind cost of GETBULK/GETNEXT at 100 and at
# 100,000 rows (gsnmp agent --demo-rows, the same walk of one column).
# Agent CPU is the agent process's user + system time (/proc/PID/stat)
# across the load, divided by the requests (or varbinds) it served. Medians
# over rounds; ratios are taken per round, then their median.
#
# Environment: BENCH_ROUNDS (5), GSNMP_TOOL (build/tools/gsnmp),
# GSNMP_BENCH (build/bench/gsnmp-bench), BENCH_OUT (bench/RESULTS.md).
# Nothing here asserts on times; it only measures and reports.

import json
import os
import re
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import time

SRC = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(SRC, 'build')
TOOL = os.environ.get('GSNMP_TOOL', os.path.join(BUILD, 'tools', 'gsnmp'))
BENCH = os.environ.get('GSNMP_BENCH', os.path.join(BUILD, 'bench', 'gsnmp-bench'))
ROUNDS = int(os.environ.get('BENCH_ROUNDS', '5'))
OUT = os.environ.get('BENCH_OUT', os.path.join(SRC, 'bench', 'RESULTS.md'))
FIXTURE = os.path.join(SRC, 'tests', 'snmpd-fixture.sh')
TICK = os.sysconf('SC_CLK_TCK')
COLUMN = '1.3.6.1.4.1.99999.2.1.2'
DEMO_COLUMN = '1.3.6.1.4.1.8072.9999.9999.2.1.2'
ENV = dict(os.environ, LC_ALL='C', MIBS='',
           GI_TYPELIB_PATH=os.path.join(os.path.dirname(os.path.dirname(TOOL)), 'introspection'),
           LD_LIBRARY_PATH=os.path.join(os.path.dirname(os.path.dirname(TOOL)), 'gsnmp'))


def cpu_seconds(pid):
    with open('/proc/%d/stat' % pid) as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_agent(args):
    port = free_port()
    err = tempfile.TemporaryFile()
    p = subprocess.Popen([TOOL, 'agent'] + args + ['udp:127.0.0.1:%d' % port],
                         stderr=err, env=ENV)
    for _ in range(600):
        err.seek(0)
        if b'listening on' in err.read():
            return p, 'udp:127.0.0.1:%d' % port
        if p.poll() is not None:
            break
        time.sleep(0.1)
    err.seek(0)
    sys.exit('gsnmp agent did not start: %s' % err.read().decode())


def bench(args):
    out = subprocess.run([BENCH] + args, capture_output=True, text=True, env=ENV, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(pid, fn):
    """Agent CPU seconds spent while fn() runs (plus its settling)."""
    time.sleep(0.05)
    before = cpu_seconds(pid)
    result = fn()
    time.sleep(0.05)
    return cpu_seconds(pid) - before, result


def get_load(address):
    return bench(['get', '-v', '2c', '-c', 'public', '-n', '40000', '-w', '32', address,
                  '1.3.6.1.2.1.1.1.0'])


def bulk_load(address, column, walks):
    varbinds = 0
    requests = 0
    for _ in range(walks):
        r = bench(['walk', '-v', '2c', '-c', 'public', '-C', 'r50', '-n', '1', address, column])
        varbinds += r.get('varbinds', r.get('ops', 0))
        requests += r.get('requests', 0)
    return varbinds, requests


def bulkwalk_wall(address):
    t0 = time.monotonic()
    subprocess.run(['snmpbulkwalk', '-v2c', '-c', 'public', '-Cr50', '-On', address, '.' + COLUMN],
                   stdout=subprocess.DEVNULL, check=True, env=ENV)
    return time.monotonic() - t0


def med(xs):
    return statistics.median(xs)


def main():
    work = tempfile.mkdtemp(prefix='gsnmp-agent-bench.')
    env = dict(ENV, FIXTURE_ROWS='20000', FIXTURE_WATCH_PID=str(os.getpid()))
    fixture = subprocess.run(['bash', FIXTURE, 'start', os.path.join(work, 'fixture')],
                             capture_output=True, text=True, env=env, check=True).stdout
    fx = dict(re.findall(r'^(\w+)=(\S*)', fixture, re.M))
    snmpd_pid = int(fx['FIXTURE_PID'])
    snmpd = 'udp:127.0.0.1:' + fx['FIXTURE_PORT']
    agents = []
    try:
        rec = os.path.join(work, 'same.snmprec')
        with open(rec, 'w') as f:
            for root in ('1.3.6.1.2.1.1', '1.3.6.1.4.1.99999'):
                f.write(subprocess.run(['/usr/bin/python3', os.path.join(SRC, 'tests', 'snmprec-dump.py'),
                                        snmpd, 'public', root],
                                       capture_output=True, text=True, env=ENV, check=True).stdout)
                f.write('\n')
        gs, gsa = start_agent(['--data-file', rec])
        agents.append(gs)
        small, smalla = start_agent(['--demo-rows', '100'])
        agents.append(small)
        large, largea = start_agent(['--demo-rows', '100000'])
        agents.append(large)

        # warm-up: both agents answer, the caches are hot
        get_load(snmpd)
        get_load(gsa)

        rows = {k: [] for k in ('get_s', 'get_g', 'get_r', 'bulk_s', 'bulk_g', 'bulk_r',
                                'wall_s', 'wall_g', 'wall_r', 'cpuw_s', 'cpuw_g',
                                'flat_100', 'flat_100k', 'flat_r')}
        for rnd in range(ROUNDS):
            order = [(snmpd_pid, snmpd, 's'), (gs.pid, gsa, 'g')]
            if rnd % 2:
                order.reverse()
            for pid, address, k in order:
                cpu, r = measure(pid, lambda: get_load(address))
                rows['get_' + k].append(cpu / r['ops'] * 1e6)
                cpu, (vb, reqs) = measure(pid, lambda: bulk_load(address, COLUMN, 3))
                rows['bulk_' + k].append(cpu / reqs * 1e6)
                cpu, wall = measure(pid, lambda: bulkwalk_wall(address))
                rows['wall_' + k].append(wall)
                rows['cpuw_' + k].append(cpu * 1e3)
            rows['get_r'].append(rows['get_g'][-1] / rows['get_s'][-1])
            rows['bulk_r'].append(rows['bulk_g'][-1] / rows['bulk_s'][-1])
            rows['wall_r'].append(rows['wall_g'][-1] / rows['wall_s'][-1])

            # flat in table size: agent CPU per varbind served, 100 vs 100,000 rows
            # every GETBULK r50 of these walks returns 50 varbinds (the
            # demo table has columns after the one walked)
            cpu_small, (_, req_small) = measure(small.pid, lambda: bulk_load(smalla, DEMO_COLUMN, 700))
            cpu_large, (_, req_large) = measure(large.pid, lambda: bulk_load(largea, DEMO_COLUMN, 1))
            per_small = cpu_small / max(req_small * 50, 1) * 1e6
            per_large = cpu_large / max(req_large * 50, 1) * 1e6
            rows['flat_100'].append(per_small)
            rows['flat_100k'].append(per_large)
            rows['flat_r'].append(per_large / per_small)
            print('round %d: GET %.1f/%.1f us, GETBULK %.1f/%.1f us, bulkwalk %.3f/%.3f s, '
                  'per varbind %.2f (100) %.2f (100k) us' %
                  (rnd + 1, rows['get_g'][-1], rows['get_s'][-1], rows['bulk_g'][-1],
                   rows['bulk_s'][-1], rows['wall_g'][-1], rows['wall_s'][-1], per_small, per_large),
                  file=sys.stderr)
    finally:
        for a in agents:
            a.terminate()
            a.wait()
        subprocess.run(['bash', FIXTURE, 'stop', os.path.join(work, 'fixture')], env=ENV,
                       stdout=subprocess.DEVNULL)

    load = open('/proc/loadavg').read().split()[:3]
    commit = subprocess.run(['git', '-C', SRC, 'rev-parse', '--short', 'HEAD'],
                            capture_output=True, text=True).stdout.strip()

    def met(ratio, limit):
        return 'yes' if ratio <= limit else '**no**'

    m = {k: med(v) for k, v in rows.items()}
    lines = [
        '## Agent (command responder)',
        '',
        'Produced by `/usr/bin/python3 bench/agent-bench.py` (%s, gsnmp commit %s, %d interleaved rounds, '
        'medians; ratios per round; load average after: %s). snmpd is `tests/snmpd-fixture.sh` with '
        'FIXTURE_ROWS=20000; `gsnmp agent --data-file` serves the same values (its system group and '
        '.1.3.6.1.4.1.99999 subtree, dumped with tests/snmprec-dump.py). Agent CPU is the agent process\'s '
        'user + system time (/proc/PID/stat) across the load divided by what it served; the clients are '
        '`gsnmp-bench` (GET: 40,000 requests, 32 in flight; GETBULK: walks with max-repetitions 50) and '
        'Net-SNMP\'s `snmpbulkwalk -Cr50`. gsnmp built with meson buildtype=%s.'
        % (time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime()), commit, ROUNDS, ', '.join(load),
           os.environ.get('BENCH_BUILDTYPE', 'debugoptimized')),
        '',
        '| Row | gsnmp agent | snmpd | ratio | Target | Met |',
        '| --- | ---: | ---: | ---: | --- | --- |',
        '| agent CPU per GET v2c (sysDescr.0) | %.1f µs | %.1f µs | %.2fx | ≤ 0.5x | %s |'
        % (m['get_g'], m['get_s'], m['get_r'], met(m['get_r'], 0.5)),
        '| agent CPU per GETBULK v2c, max-repetitions 50 | %.1f µs | %.1f µs | %.2fx | ≤ 0.5x | %s |'
        % (m['bulk_g'], m['bulk_s'], m['bulk_r'], met(m['bulk_r'], 0.5)),
        '| `snmpbulkwalk -Cr50` of the 20,000-row column, wall | %.3f s | %.3f s | %.2fx | ≤ 0.5x | %s |'
        % (m['wall_g'], m['wall_s'], m['wall_r'], met(m['wall_r'], 0.5)),
        '| … agent CPU during that walk | %.1f ms | %.1f ms | %.2fx | | |'
        % (m['cpuw_g'], m['cpuw_s'], m['cpuw_g'] / m['cpuw_s']),
        '| agent CPU per varbind served by GETBULK r50 walks of a column: 100,000 rows vs 100 rows '
        '(gsnmp agent --demo-rows; 2,001 vs 700 × 3 requests of 50 varbinds) '
        '| %.2f µs (100k) | %.2f µs (100) | %.2fx | ≤ 1.2x | %s |'
        % (m['flat_100k'], m['flat_100'], m['flat_r'], met(m['flat_r'], 1.2)),
        '',
        'Per round (gsnmp / snmpd): GET µs %s; GETBULK µs %s; walk s %s; per varbind 100k/100 µs %s.'
        % ('; '.join('%.1f/%.1f' % x for x in zip(rows['get_g'], rows['get_s'])),
           '; '.join('%.1f/%.1f' % x for x in zip(rows['bulk_g'], rows['bulk_s'])),
           '; '.join('%.3f/%.3f' % x for x in zip(rows['wall_g'], rows['wall_s'])),
           '; '.join('%.2f/%.2f' % x for x in zip(rows['flat_100k'], rows['flat_100']))),
        '',
        'node net-snmp\'s Agent was not measured (the npm package is not installed here).',
        '',
    ]
    section = '\n'.join(lines)
    text = open(OUT).read() if os.path.exists(OUT) else ''
    pat = re.compile(r'^## Agent \(command responder\)\n.*?(?=^## |\Z)', re.S | re.M)
    if pat.search(text):
        text = pat.sub(lambda _: section + '\n', text)
    else:
        text = text.rstrip('\n') + '\n\n' + section
    open(OUT, 'w').write(text)
    print(section)


if __name__ == '__main__':
    main()
