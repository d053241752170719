#!/usr/bin/python3
# default-v1-trap.py - send an SNMPv1 Trap-PDU with the defaults
#
# Port of PySNMP's hlapi/v3arch/twisted/agent/ntforg/default-v1-trap.py:
# an SNMPv1 trap with community "public", enterprise
# 1.3.6.1.4.1.20408.4.1.1.2, generic trap 1 (warmStart), specific trap 0,
# the engine's uptime, the default agent address (the sending address,
# as snmptrap picks for an empty agent argument) and one
# variable binding sysDescr.0 = "my system". A trap is not acknowledged:
# success means it was sent.
#
# Like `snmptrap -v1 -c public MANAGER 1.3.6.1.4.1.20408.4.1.1.2 ''
# 1 0 '' 1.3.6.1.2.1.1.1.0 s "my system"`.
#
# Usage: python3 default-v1-trap.py MANAGER [COMMUNITY]   (e.g. udp:127.0.0.1:162)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

if len(sys.argv) < 2:
    sys.exit(f'Usage: {sys.argv[0]} MANAGER [COMMUNITY]')

loop = GLib.MainLoop()
status = 0

engine = Gsnmp.Engine.new()
community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V1,
                                sys.argv[2] if len(sys.argv) > 2 else 'public')
target = Gsnmp.Target.new(sys.argv[1], community)
enterprise = Gsnmp.Oid.new_from_string('1.3.6.1.4.1.20408.4.1.1.2')
varbinds = [Gsnmp.Varbind.new_string(Gsnmp.Oid.new_from_string('1.3.6.1.2.1.1.1.0'), 'my system')]


def on_sent(engine, result, data):
    global status
    try:
        engine.send_v1_trap_finish(result)
        print('SNMPv1 trap sent')
    except GLib.Error as e:
        print('failure:', e.message, file=sys.stderr)
        status = 1
    loop.quit()


engine.send_v1_trap_async(target, enterprise,
                          None,                     # agent-addr: the sending address
                          1, 0,                     # warmStart, specific 0
                          Gsnmp.UPTIME_ENGINE,      # time-stamp
                          varbinds, None, on_sent, None)
loop.run()
sys.exit(status)
