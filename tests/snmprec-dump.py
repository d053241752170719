#!/usr/bin/python3
# snmprec-dump.py - walks an agent with gsnmp (GI) and prints what it
# serves in snmpsim's .snmprec format (OID|TAG|VALUE, hex with an x suffix
# for strings), so that gsnmp agent --data-file can serve the same values.
#
# Usage: snmprec-dump.py ADDRESS COMMUNITY ROOT-OID
# The subtree under ROOT-OID and the first object after it, so that a walk
# of the subtree ends the same way (leaving the subtree, not at the end of
# the MIB view) from the agent and from the recording.
# Needs GI_TYPELIB_PATH and LD_LIBRARY_PATH pointing at the build.

import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

address, community, root = sys.argv[1:4]
engine = Gsnmp.Engine.new()
target = Gsnmp.Target.new(address, Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, community))
walk = Gsnmp.Walk.new(engine, target, Gsnmp.Oid.new_from_string(root))
walk.set_max_repetitions(50)
loop = GLib.MainLoop()
out = []
failure = []
T = Gsnmp.ValueType


def line(vb):
    oid = vb.get_oid().to_string().lstrip('.')
    t = vb.get_value_type()
    if t in (T.OCTET_STRING, T.OPAQUE):
        return '%s|%dx|%s' % (oid, int(t), vb.get_bytes().get_data().hex())
    if t == T.INTEGER:
        return '%s|2|%d' % (oid, vb.get_integer())
    if t in (T.COUNTER32, T.GAUGE32, T.TIMETICKS):
        return '%s|%d|%d' % (oid, int(t), vb.get_unsigned())
    if t == T.COUNTER64:
        return '%s|70|%s' % (oid, vb.get_counter64_string())
    if t == T.OBJECT_ID:
        return '%s|6|%s' % (oid, vb.get_oid_value().to_string().lstrip('.'))
    if t == T.IP_ADDRESS:
        return '%s|64|%s' % (oid, vb.get_ip_address().to_string())
    if t == T.NULL:
        return '%s|5|' % oid
    return None     # exceptions are not values


def on_batch(w, res, data):
    try:
        batch = w.next_finish(res)
    except GLib.Error as e:
        failure.append(e.message)
        loop.quit()
        return
    if len(batch) == 0:
        # the first object after the subtree
        last = Gsnmp.Oid.new_from_string(out[-1].split('|')[0] if out else root)
        engine.get_next_async(target, [last], None, on_next, None)
        return
    for vb in batch:
        s = line(vb)
        if s is not None:
            out.append(s)
    w.next_async(None, on_batch, None)


def on_next(e, res, data):
    try:
        pdu = e.get_next_finish(res)
        s = line(pdu.get_varbind(0))
        if s is not None:
            out.append(s)
    except GLib.Error as err:
        failure.append(err.message)
    loop.quit()


walk.next_async(None, on_batch, None)
loop.run()
if failure:
    sys.stderr.write('snmprec-dump: %s\n' % failure[0])
    sys.exit(1)
print('\n'.join(out))
