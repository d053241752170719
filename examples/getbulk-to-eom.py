#!/usr/bin/python3
# getbulk-to-eom.py - SNMPv3 GETBULK walk from a root to the end of the MIB
#
# Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/getbulk-to-eom.py:
# a series of GetBulkRequests (non-repeaters 0, max-repetitions 50) with an
# SNMPv3 USM user (HMAC-SHA-96 authentication, AES-128 privacy), starting
# at SNMPv2-MIB::system and going on past it until the agent reports
# endOfMibView. A Gsnmp.Walk in lexicographic mode does the bookkeeping
# (PySNMP's isEndOfMib() and re-issuing bulkCmd); each batch is printed as
# it arrives. The last line gives how the walk ended.
#
# Like `snmpbulkwalk -v3 -l authPriv -u USER -a SHA -A AUTHPASS -x AES
# -X PRIVPASS -Cn0 -Cr50 -Cc -On AGENT 1.3.6.1.2.1.1` walking on to the
# end of the MIB (`snmpbulkwalk` stops at the end of the subtree).
#
# Usage: python3 getbulk-to-eom.py AGENT USER AUTHPASS PRIVPASS [ROOT]
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

if len(sys.argv) < 5:
    sys.exit(f'Usage: {sys.argv[0]} AGENT USER AUTHPASS PRIVPASS [ROOT]')

loop = GLib.MainLoop()
status = 0

engine = Gsnmp.Engine.new()
user = Gsnmp.UsmUser.new(sys.argv[2], Gsnmp.AuthProtocol.SHA, sys.argv[3],
                         Gsnmp.PrivProtocol.AES, sys.argv[4])
target = Gsnmp.Target.new(sys.argv[1], user)
root = Gsnmp.Oid.new_from_string(sys.argv[5] if len(sys.argv) > 5 else 'SNMPv2-MIB::system')

walk = Gsnmp.Walk.new(engine, target, root)
walk.set_max_repetitions(50)        # -Cr50
walk.set_lexicographic(True)        # on past the root, to endOfMibView


def on_batch(walk, result, data):
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
        walk.next_async(None, on_batch, None)   # not the end yet
        return
    how = ('endOfMibView' if walk.get_status() == Gsnmp.WalkStatus.END_OF_MIB_VIEW
           else 'end of walk')
    print(f'# {how} after {walk.get_n_varbinds()} variables in {walk.get_n_requests()} requests')
    loop.quit()


walk.next_async(None, on_batch, None)
loop.run()
sys.exit(status)
