#!/usr/bin/python3
# notification-receiver.py - receive traps and informs with Gsnmp.Listener
#
# Port of PySNMP's v3arch/twisted/manager/ntfrcv examples: listens on
# ADDRESS for SNMPv1 and SNMPv2c notifications with COMMUNITY and, if a
# USER is given, SNMPv3 ones from USER (SHA, AES) whatever engine sends
# them; informs are acknowledged by the listener. Each notification is
# printed as a header line followed by its variable bindings. So that it
# can be tested, it stops after COUNT notifications or TIMEOUT seconds
# (exit status 1 on timeout); 0 means no limit.
#
# The first line says which port it listens on (useful with port 0).
#
# Like `snmptrapd -f -Lo -On -c` with `authCommunity log COMMUNITY` and
# `createUser USER SHA AUTHPASS AES PRIVPASS` in snmptrapd.conf.
#
# Usage: python3 notification-receiver.py ADDRESS COUNT TIMEOUT [COMMUNITY [USER AUTHPASS PRIVPASS]]
#        (e.g. udp:127.0.0.1:0 3 10 public)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

if len(sys.argv) < 4 or (len(sys.argv) > 5 and len(sys.argv) != 8):
    sys.exit(f'Usage: {sys.argv[0]} ADDRESS COUNT TIMEOUT [COMMUNITY [USER AUTHPASS PRIVPASS]]')

count = int(sys.argv[2])
timeout = int(sys.argv[3])
loop = GLib.MainLoop()
received = 0
status = 0

VERSIONS = {Gsnmp.ProtocolVersion.V1: 'v1', Gsnmp.ProtocolVersion.V2C: 'v2c',
            Gsnmp.ProtocolVersion.V3: 'v3'}

engine = Gsnmp.Engine.new()
listener = Gsnmp.Listener.new(engine)
listener.add_community(sys.argv[4] if len(sys.argv) > 4 else 'public')
if len(sys.argv) == 8:
    user = Gsnmp.UsmUser.new(sys.argv[5], Gsnmp.AuthProtocol.SHA, sys.argv[6],
                             Gsnmp.PrivProtocol.AES, sys.argv[7])
    listener.add_user(user, None)   # from any sending engine (traps); informs use ours
_, port = listener.add_address(sys.argv[1])   # (True, bound port); raises on error
print(f'listening on port {port}', flush=True)


def on_notification(listener, notification):
    global received
    version = notification.get_version()
    v3 = version == Gsnmp.ProtocolVersion.V3
    print(f'{VERSIONS[version]} {"INFORM" if notification.is_inform() else "TRAP"} '
          f'from {notification.get_sender_string()} '
          f'({"user" if v3 else "community"} '
          f'{notification.get_user_name() if v3 else notification.get_community()}): '
          f'{notification.get_notification_oid().to_string()}')
    if version == Gsnmp.ProtocolVersion.V1:
        print(f'  enterprise {notification.get_enterprise().to_string()} '
              f'generic {notification.get_generic_trap()} '
              f'specific {notification.get_specific_trap()}')
    for vb in notification.get_varbinds():
        print(f'  {vb.to_string()}')
    sys.stdout.flush()
    received += 1
    if count > 0 and received >= count:
        loop.quit()


def on_timeout():
    global status
    print(f'timed out after {received} notifications', file=sys.stderr)
    status = 1
    loop.quit()
    return GLib.SOURCE_REMOVE


listener.connect('notification', on_notification)
if timeout > 0:
    GLib.timeout_add_seconds(timeout, on_timeout)
loop.run()
listener.close()
sys.exit(status)
