#!/usr/bin/python3
# pull-whole-mib.py - SNMPv2c GETNEXT walk over the whole MIB
#
# Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/pull-whole-mib.py:
# a series of GetNextRequests, each for the OID the last response
# returned, going on in lexicographic order (PySNMP's nextCmd with
# lexicographicMode) until the agent reports endOfMibView. Here with
# SNMPv2c, community "public", from 1.3.6 (iso.org.dod) rather than from
# SNMPv2-MIB::system. A Gsnmp.Walk with use-getnext and lexicographic set
# does the bookkeeping (PySNMP's isEndOfMib() and re-issuing nextCmd); each
# variable is printed as it arrives. The last line gives how the walk ended.
#
# Like `snmpwalk -v2c -c public -On AGENT .1.3.6`.
#
# Usage: python3 pull-whole-mib.py AGENT [COMMUNITY] [ROOT]   (e.g. udp:127.0.0.1:161 public)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

if len(sys.argv) < 2:
    sys.exit(f'Usage: {sys.argv[0]} AGENT [COMMUNITY] [ROOT]')

loop = GLib.MainLoop()
status = 0

engine = Gsnmp.Engine.new()
community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C,
                                sys.argv[2] if len(sys.argv) > 2 else 'public')
target = Gsnmp.Target.new(sys.argv[1], community)
root = Gsnmp.Oid.new_from_string(sys.argv[3] if len(sys.argv) > 3 else '1.3.6')

walk = Gsnmp.Walk.new(engine, target, root)
walk.set_use_getnext(True)          # GetNextRequests, like snmpwalk
walk.set_lexicographic(True)        # on past the root, to endOfMibView


def on_next(walk, result, data):
    global status
    try:
        batch = walk.next_finish(result)
    except GLib.Error as e:
        print('failure:', e.message, file=sys.stderr)
        status = 1
        loop.quit()
        return
    for vb in batch:
        print(vb.to_string())
    if batch:
        walk.next_async(None, on_next, None)    # not the end of the MIB yet
        return
    how = ('endOfMibView' if walk.get_status() == Gsnmp.WalkStatus.END_OF_MIB_VIEW
           else 'end of walk')
    print(f'# {how} after {walk.get_n_varbinds()} variables in {walk.get_n_requests()} requests')
    loop.quit()


walk.next_async(None, on_next, None)
loop.run()
sys.exit(status)
