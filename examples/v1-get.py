#!/usr/bin/python3
# v1-get.py - SNMPv1 GET of sysDescr.0
#
# Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/v1-get.py: one
# GetRequest with SNMPv1, community "public", for SNMPv2-MIB::sysDescr.0.
# PySNMP's errorIndication is the GLib.Error of get_finish(); errorStatus and
# errorIndex are in the response PDU (check_error() raises them as a
# Gsnmp.PduError).
#
# Like `snmpget -v1 -c public -On AGENT 1.3.6.1.2.1.1.1.0`.
#
# Usage: python3 v1-get.py AGENT [COMMUNITY]      (e.g. udp:127.0.0.1:161 public)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

if len(sys.argv) < 2:
    sys.exit(f'Usage: {sys.argv[0]} AGENT [COMMUNITY]')

loop = GLib.MainLoop()
status = 0

engine = Gsnmp.Engine.new()
community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V1,
                                sys.argv[2] if len(sys.argv) > 2 else 'public')
target = Gsnmp.Target.new(sys.argv[1], community)


def on_get_done(engine, result, data):
    global status
    try:
        pdu = engine.get_finish(result)         # errorIndication raises here
    except GLib.Error as e:
        print('failure:', e.message, file=sys.stderr)
        status = 1
    else:
        if pdu.get_error_status() != 0:         # errorStatus, errorIndex
            index = pdu.get_error_index()
            where = pdu.get_varbind(index - 1).get_oid().to_string() if index > 0 else '?'
            try:
                pdu.check_error()
            except GLib.Error as e:
                print(f'{e.message} at {where}', file=sys.stderr)
            status = 1
        else:
            for vb in pdu.get_varbinds():
                print(vb.to_string())
    loop.quit()


# PySNMP's ObjectIdentity('SNMPv2-MIB', 'sysDescr', 0): names come from the
# MIB modules gsnmp bundles
engine.get_async(target, [Gsnmp.Oid.new_from_name('SNMPv2-MIB', 'sysDescr', [0])], None,
                 on_get_done, None)
loop.run()
sys.exit(status)
