#!/usr/bin/python3
# multiple-concurrent-queries.py - several SNMPv2c GETs in flight at once
#
# Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/multiple-concurrent-queries.py:
# one GET for sysDescr.0 and one for sysLocation.0 are started together on
# one engine (PySNMP's DeferredList); the program ends when both are done.
# Replies may come in either order.
#
# Like `snmpget -v2c -c public -On AGENT 1.3.6.1.2.1.1.1.0` and
# `snmpget -v2c -c public -On AGENT 1.3.6.1.2.1.1.6.0` run in parallel.
#
# Usage: python3 multiple-concurrent-queries.py AGENT [COMMUNITY]
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

if len(sys.argv) < 2:
    sys.exit(f'Usage: {sys.argv[0]} AGENT [COMMUNITY]')

OBJECTS = ['SNMPv2-MIB::sysDescr.0',      # 1.3.6.1.2.1.1.1.0
           'SNMPv2-MIB::sysLocation.0']   # 1.3.6.1.2.1.1.6.0

loop = GLib.MainLoop()
pending = 0
status = 0

engine = Gsnmp.Engine.new()
community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C,
                                sys.argv[2] if len(sys.argv) > 2 else 'public')
target = Gsnmp.Target.new(sys.argv[1], community)


def on_get_done(engine, result, data):
    global pending, status
    try:
        pdu = engine.get_finish(result)
        pdu.check_error()
        print(pdu.get_varbind(0).to_string())
    except GLib.Error as e:
        print('failure:', e.message, file=sys.stderr)
        status = 1
    pending -= 1
    if pending == 0:
        loop.quit()


for oid in OBJECTS:
    pending += 1
    engine.get_async(target, [Gsnmp.Oid.new_from_string(oid)], None, on_get_done, None)
loop.run()
sys.exit(status)
