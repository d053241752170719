#!/usr/bin/python3
# GI smoke test: a GET, a v3 authPriv GET, a timeout and a PDU error from
# Python through the typelib, against the snmpd fixture (argv[1] = port).
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gio, Gsnmp

port = sys.argv[1]
loop = GLib.MainLoop()
engine = Gsnmp.Engine.new()
results = []


kept = []


def get(target, oid, check):
    def on_done(engine, result, data):
        # the engine's light GAsyncResult, kept past the callback
        assert isinstance(result, Gio.AsyncResult), result
        assert result.get_source_object() == engine
        kept.append(result)
        try:
            pdu = engine.get_finish(result)
            err = None
        except GLib.Error as e:
            pdu, err = None, e
        results.append(check(pdu, err))
        if len(results) == 4:
            loop.quit()
    engine.get_async(target, [Gsnmp.Oid.new_from_string(oid)], None, on_done, None)


def check_name(pdu, err):
    assert err is None, err
    vb = pdu.get_varbinds()[0]
    assert vb.get_value_type() == Gsnmp.ValueType.OCTET_STRING
    assert vb.get_string() == 'gsnmp-fixture', vb.get_string()
    assert vb.to_string() == '.1.3.6.1.2.1.1.5.0 = STRING: "gsnmp-fixture"'
    return 'ok'


def check_timeout(pdu, err):
    assert err is not None and err.matches(Gio.io_error_quark(), Gio.IOErrorEnum.TIMED_OUT), err
    return 'ok'


def check_pdu_error(pdu, err):
    assert err is None, err
    assert pdu.get_error_status() == 2  # noSuchName from a v1 agent
    try:
        pdu.check_error()
    except GLib.Error as e:
        assert e.matches(Gsnmp.pdu_error_quark(), Gsnmp.PduError.NO_SUCH_NAME), e
        return 'ok'
    raise AssertionError('check_error did not raise')


v2c = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, 'public')
v1 = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V1, 'public')
user = Gsnmp.UsmUser.new('shaaes', Gsnmp.AuthProtocol.SHA, 'shaaespass',
                         Gsnmp.PrivProtocol.AES, 'shaaespriv')
dead = Gsnmp.Target.new('udp:127.0.0.1:9', v2c)
dead.set_timeout(100)
dead.set_retries(0)

get(Gsnmp.Target.new('udp:127.0.0.1:' + port, v2c), '1.3.6.1.2.1.1.5.0', check_name)
get(Gsnmp.Target.new('udp:127.0.0.1:' + port, user), '1.3.6.1.2.1.1.5.0', check_name)
get(dead, '1.3.6.1.2.1.1.5.0', check_timeout)
get(Gsnmp.Target.new('udp:127.0.0.1:' + port, v1), '1.3.6.1.2.1.1.99.0', check_pdu_error)
GLib.timeout_add_seconds(60, loop.quit)
loop.run()
assert results == ['ok'] * 4, results
# each result object is its own (none was handed to a later request while
# Python held it), and still tells its source object
assert len(kept) == 4 and len(set(id(r) for r in kept)) == 4, kept
assert all(r.get_source_object() == engine for r in kept)
print('python: 4 passed')
