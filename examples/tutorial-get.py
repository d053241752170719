#!/usr/bin/python3
# tutorial-get.py - PySNMP's quick-start GET, synchronous, in 12 lines
#
# PySNMP's tutorial (getCmd(SnmpEngine(), CommunityData('public',
# mpModel=0), UdpTransportTarget(('demo.pysnmp.com', 161)), ContextData(),
# ObjectType(ObjectIdentity('SNMPv2-MIB', 'sysDescr', 0)))): an SNMPv1 GET of
# sysDescr.0. errorIndication is the GLib.Error of engine.get(), errorStatus
# and errorIndex are raised by pdu.check_error() as a Gsnmp.PduError; printing
# a varbind gives Net-SNMP's `OID = TYPE: value`.
#
# Usage: python3 tutorial-get.py AGENT      (e.g. udp:127.0.0.1:161)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
import sys
import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

target = Gsnmp.Target.new(sys.argv[1], Gsnmp.Community.new(Gsnmp.ProtocolVersion.V1, 'public'))
try:
    pdu = Gsnmp.Engine().get(target, ['1.3.6.1.2.1.1.1.0'])  # errorIndication raises
    pdu.check_error()                                        # so do errorStatus, errorIndex
except GLib.Error as e:
    sys.exit(e.message)
for varbind in pdu:
    print(varbind)
