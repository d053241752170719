#!/usr/bin/python3
# asyncio-poller.py - poll many agents at once from asyncio, with await
#
# Every round, one GET of sysName.0 and sysUpTime.0 to each agent, all in
# flight together (asyncio.gather); an agent that does not answer is reported
# and the others still are. Runs under a plain asyncio.run(): the overrides
# make each `_async` call without a callback return a future, and drive the
# engine's GLib main context from asyncio's event loop while one is pending.
#
# Usage: python3 asyncio-poller.py ROUNDS AGENT...   (e.g. 3 udp:10.0.0.1 …)
# Prints one line per agent and round: "ROUND AGENT sysName uptime" or
# "ROUND AGENT error: message"; exits 1 if any request failed.
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import asyncio
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

SYS_NAME, SYS_UPTIME = '1.3.6.1.2.1.1.5.0', '1.3.6.1.2.1.1.3.0'


async def poll(engine, index, target):
    try:
        pdu = await engine.get_async(target, [SYS_NAME, SYS_UPTIME])
        pdu.check_error()
    except GLib.Error as e:
        return f'{index} {target.get_address()} error: {e.message}', False
    name, uptime = (vb.value for vb in pdu)
    return f'{index} {target.get_address()} {name.decode()} {uptime}', True


async def main(rounds, addresses):
    engine = Gsnmp.Engine()
    targets = [Gsnmp.Target.new(a, None) for a in addresses]
    for t in targets:
        t.set_timeout(500)
        t.set_retries(1)
    ok = True
    for r in range(rounds):
        results = await asyncio.gather(*(poll(engine, i, t) for i, t in enumerate(targets)))
        for line, good in results:
            print(r, line)
            ok = ok and good
        if r + 1 < rounds:
            await asyncio.sleep(0.2)
    return ok


if len(sys.argv) < 3:
    sys.exit(f'Usage: {sys.argv[0]} ROUNDS AGENT...')
sys.exit(0 if asyncio.run(main(int(sys.argv[1]), sys.argv[2:])) else 1)
