#!/usr/bin/python3
# MIB names from Python through the typelib, against the snmpd fixture
# (argv[1] = port): names in (Oid.new_from_string, Oid.new_from_name as
# PySNMP's ObjectIdentity), names out (Mib.format_varbind), enum labels,
# DateAndTime, object information.
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

port = sys.argv[1]
mib = Gsnmp.Mib.get_default()

# names in
assert Gsnmp.Oid.new_from_string('sysDescr.0').to_string() == '1.3.6.1.2.1.1.1.0'
assert Gsnmp.Oid.new_from_string('SNMPv2-MIB::sysName.0').to_string() == '1.3.6.1.2.1.1.5.0'
assert Gsnmp.Oid.new_from_string('IF-MIB::ifDescr.3').to_string() == '1.3.6.1.2.1.2.2.1.2.3'
assert Gsnmp.Oid.new_from_name('SNMPv2-MIB', 'sysDescr', [0]).to_string() == '1.3.6.1.2.1.1.1.0'
assert Gsnmp.Oid.new_from_name(None, 'ifType', [1]).to_string() == '1.3.6.1.2.1.2.2.1.3.1'
try:
    Gsnmp.Oid.new_from_name('SNMPv2-MIB', 'noSuchThing', [0])
    raise AssertionError('unknown name accepted')
except GLib.Error as e:
    assert e.matches(Gsnmp.mib_error_quark(), Gsnmp.MibError.UNKNOWN_NAME), e

# object information
obj = mib.lookup_name('IF-MIB::ifOperStatus')
assert obj.get_name() == 'ifOperStatus' and obj.get_module() == 'IF-MIB'
assert obj.get_enum_label(1) == 'up'
assert obj.get_enum_labels()[6] == 'lowerLayerDown'
assert obj.get_index_names() == ['ifIndex']
obj, index = mib.lookup(Gsnmp.Oid.new_from_string('1.3.6.1.2.1.25.1.2.0'))
assert obj.get_syntax() == 'DateAndTime' and index.to_string() == '0'

# names and DateAndTime out, without an agent
date = bytes([0x07, 0xea, 12, 2, 9, 30, 15, 0, ord('+'), 1, 0])
vb = Gsnmp.Varbind.new_octet_string(Gsnmp.Oid.new_from_string('hrSystemDate.0'), date)
assert mib.format_varbind(vb, Gsnmp.FormatFlags.NONE) == \
    'HOST-RESOURCES-MIB::hrSystemDate.0 = STRING: 2026-12-2,9:30:15.0,+1:0'

# names, enum labels and DateAndTime from the agent
loop = GLib.MainLoop()
engine = Gsnmp.Engine.new()
target = Gsnmp.Target.new('127.0.0.1:%s' % port, Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, 'public'))
oids = [Gsnmp.Oid.new_from_string(n) for n in ('sysName.0', 'IF-MIB::ifType.1', 'hrSystemDate.0')]
out = []


def on_done(engine, result, data):
    pdu = engine.get_finish(result)
    for vb in pdu.get_varbinds():
        out.append(mib.format_varbind(vb, Gsnmp.FormatFlags.OID_SUFFIX))
    loop.quit()


engine.get_async(target, oids, None, on_done, None)
loop.run()
assert out[0] == 'sysName.0 = STRING: gsnmp-fixture', out
assert out[1] == 'ifType.1 = INTEGER: softwareLoopback(24)', out
assert out[2].startswith('hrSystemDate.0 = STRING: 2') and ',' in out[2], out
print('mib.py: ok')
