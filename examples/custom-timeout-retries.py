#!/usr/bin/python3
# custom-timeout-retries.py - SNMPv2c GET with a custom timeout and retry count
#
# Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/custom-timeout-and-retries.py:
# a GET of sysDescr.0 where each attempt waits TIMEOUT_MS milliseconds and
# the request is resent RETRIES times before it fails with
# Gio.IOErrorEnum.TIMED_OUT (PySNMP's UdpTransportTarget(..., timeout=, retries=)).
#
# Like `snmpget -v2c -c public -On -t 1.5 -r 0 AGENT 1.3.6.1.2.1.1.1.0`.
#
# Usage: python3 custom-timeout-retries.py AGENT [TIMEOUT_MS [RETRIES [COMMUNITY]]]
#        (defaults 1500 ms, 0 retries, public)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import Gio, GLib, Gsnmp

if len(sys.argv) < 2:
    sys.exit(f'Usage: {sys.argv[0]} AGENT [TIMEOUT_MS [RETRIES [COMMUNITY]]]')

loop = GLib.MainLoop()
status = 0

engine = Gsnmp.Engine.new()
community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C,
                                sys.argv[4] if len(sys.argv) > 4 else 'public')
target = Gsnmp.Target.new(sys.argv[1], community)
target.set_timeout(int(sys.argv[2]) if len(sys.argv) > 2 else 1500)   # ms per attempt
target.set_retries(int(sys.argv[3]) if len(sys.argv) > 3 else 0)


def on_get_done(engine, result, data):
    global status
    try:
        pdu = engine.get_finish(result)
        pdu.check_error()
        print(pdu.get_varbind(0).to_string())
    except GLib.Error as e:
        if e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.TIMED_OUT):
            print('timed out:', e.message, file=sys.stderr)
        else:
            print('failure:', e.message, file=sys.stderr)
        status = 1
    loop.quit()


engine.get_async(target, [Gsnmp.Oid.new_from_name('SNMPv2-MIB', 'sysDescr', [0])], None,
                 on_get_done, None)
loop.run()
sys.exit(status)
