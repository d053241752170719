#!/usr/bin/python3
# notifications.py - the common notifications: a v2c trap, a v3 trap, an inform
#
# Port of PySNMP's hlapi/v3arch/twisted/agent/ntforg examples
# (v2c-trap-inline-callbacks.py, multiple-notifications-at-once.py): one
# after the other,
#   1. an SNMPv2c TRAP warmStart (1.3.6.1.6.3.1.1.5.2) with two variable
#      bindings, snmpTrapEnterprise.0 = 1.3.6.1.4.1.20408.4.1.1.2 and
#      sysDescr.0 = "my system" (sysUpTime.0 and snmpTrapOID.0 come first,
#      added by the library);
#   2. the same as an SNMPv3 TRAP, authPriv with USER (SHA, AES); this
#      program's engine is the authoritative one, so the receiver must
#      know USER for whatever engine ID sends it;
#   3. the same as an SNMPv2c INFORM, which the manager acknowledges: the
#      program waits for the response (or the timeout).
#
# Like
#   snmptrap   -v2c -c public MANAGER '' 1.3.6.1.6.3.1.1.5.2 1.3.6.1.6.3.1.1.4.3.0 o 1.3.6.1.4.1.20408.4.1.1.2 1.3.6.1.2.1.1.1.0 s "my system"
#   snmptrap   -v3 -l authPriv -u USER -a SHA -A AUTHPASS -x AES -X PRIVPASS MANAGER '' 1.3.6.1.6.3.1.1.5.2 ...
#   snmpinform -v2c -c public MANAGER '' 1.3.6.1.6.3.1.1.5.2 ...
#
# Usage: python3 notifications.py MANAGER COMMUNITY USER AUTHPASS PRIVPASS
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

if len(sys.argv) < 6:
    sys.exit(f'Usage: {sys.argv[0]} MANAGER COMMUNITY USER AUTHPASS PRIVPASS')

manager, community_name, user_name, auth_pass, priv_pass = sys.argv[1:6]
loop = GLib.MainLoop()
status = 0

engine = Gsnmp.Engine.new()
v2c = Gsnmp.Target.new(manager, Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, community_name))
user = Gsnmp.UsmUser.new(user_name, Gsnmp.AuthProtocol.SHA, auth_pass,
                         Gsnmp.PrivProtocol.AES, priv_pass)
v3 = Gsnmp.Target.new(manager, user)

oid = Gsnmp.Oid.new_from_string
warm_start = oid('1.3.6.1.6.3.1.1.5.2')
varbinds = [
    Gsnmp.Varbind.new_oid(oid('1.3.6.1.6.3.1.1.4.3.0'), oid('1.3.6.1.4.1.20408.4.1.1.2')),
    Gsnmp.Varbind.new_string(oid('1.3.6.1.2.1.1.1.0'), 'my system'),
]


def on_inform_done(engine, result, data):
    global status
    try:
        response = engine.send_inform_finish(result)
        response.check_error()
        print(f'SNMPv2c INFORM acknowledged ({response.get_n_varbinds()} variables in the response)')
    except GLib.Error as e:
        print('INFORM failed:', e.message, file=sys.stderr)
        status = 1
    loop.quit()


def on_v3_trap_sent(engine, result, data):
    global status
    try:
        engine.send_trap_finish(result)
        print('SNMPv3 TRAP sent')
    except GLib.Error as e:
        print('SNMPv3 TRAP failed:', e.message, file=sys.stderr)
        status = 1
    engine.send_inform_async(v2c, warm_start, Gsnmp.UPTIME_ENGINE, varbinds, None,
                             on_inform_done, None)


def on_v2c_trap_sent(engine, result, data):
    global status
    try:
        engine.send_trap_finish(result)
        print('SNMPv2c TRAP sent')
    except GLib.Error as e:
        print('SNMPv2c TRAP failed:', e.message, file=sys.stderr)
        status = 1
    engine.send_trap_async(v3, warm_start, Gsnmp.UPTIME_ENGINE, varbinds, None,
                           on_v3_trap_sent, None)


engine.send_trap_async(v2c, warm_start, Gsnmp.UPTIME_ENGINE, varbinds, None,
                       on_v2c_trap_sent, None)
loop.run()
sys.exit(status)
