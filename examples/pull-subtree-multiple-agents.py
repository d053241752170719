#!/usr/bin/python3
# pull-subtree-multiple-agents.py - walk one subtree of several agents at once
#
# Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/pull-mibs-from-multiple-agents-at-once.py:
# the system subtree (SNMPv2-MIB::system, 1.3.6.1.2.1.1) is walked on every agent given, all
# at the same time on one engine (GETBULK with SNMPv2c, community
# "public"). Each line is prefixed with the agent it came from; lines of
# different agents may interleave.
#
# Like running `snmpbulkwalk -v2c -c public -On AGENT 1.3.6.1.2.1.1` for
# each AGENT in parallel.
#
# Usage: python3 pull-subtree-multiple-agents.py AGENT [AGENT...]
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

if len(sys.argv) < 2:
    sys.exit(f'Usage: {sys.argv[0]} AGENT [AGENT...]')

loop = GLib.MainLoop()
pending = 0
status = 0

engine = Gsnmp.Engine.new()
community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, 'public')
system = Gsnmp.Oid.new_from_name('SNMPv2-MIB', 'system', [])


def on_walk_done(engine, result, agent):
    global pending, status
    try:
        for vb in engine.walk_finish(result):
            print(f'{agent}: {vb.to_string()}')
    except GLib.Error as e:
        print(f'{agent}: failure: {e.message}', file=sys.stderr)
        status = 1
    pending -= 1
    if pending == 0:
        loop.quit()


for agent in sys.argv[1:]:
    target = Gsnmp.Target.new(agent, community)
    pending += 1
    engine.walk_async(target, system, None, on_walk_done, agent)
loop.run()
sys.exit(status)
