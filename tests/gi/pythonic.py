#!/usr/bin/python3
# The Python overrides (bindings/python/gi/overrides/Gsnmp.py) against the
# snmpd fixture (argv[1] = port): Gsnmp.Engine() works, native values,
# Oid/Varbind equality, hashing and printing, iteration over PDUs and walks,
# the synchronous calls, the awaitable _async forms under asyncio.run(), an
# exception escaping a callback ends the program, snmp://community@host.
# TAP output; exit status 1 when a case failed.
import asyncio
import os
import subprocess
import sys
import traceback

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gio, Gsnmp

PORT = sys.argv[1]
AGENT = 'udp:127.0.0.1:' + PORT
FIX = '1.3.6.1.4.1.99999'
SYS_NAME = '1.3.6.1.2.1.1.5.0'

results = []


def case(fn):
    results.append(fn)
    return fn


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def equal(got, want, what=''):
    if got != want:
        raise AssertionError('%s: got %r, want %r' % (what, got, want))


def target(address=AGENT, credentials=None, timeout=2000, retries=2):
    t = Gsnmp.Target.new(address, credentials)
    t.set_timeout(timeout)
    t.set_retries(retries)
    return t


@case
def overrides_loaded():
    import gi.overrides.Gsnmp as ov
    src = os.environ.get('GSNMP_EXPECT_OVERRIDES')
    if src:
        check(os.path.realpath(ov.__file__).startswith(os.path.realpath(src)),
              'overrides from %s, not %s' % (ov.__file__, src))
    check(Gsnmp.Oid is ov.Oid, 'Gsnmp.Oid is the override')


@case
def engine_constructor():
    # Gsnmp.Engine() (g_object_new) used to give an engine whose requests
    # all failed with "The SNMP engine was closed"
    engine = Gsnmp.Engine()
    pdu = engine.get(target(), [SYS_NAME])
    equal(pdu[0].value, b'gsnmp-fixture', 'sysName')


@case
def native_values():
    engine = Gsnmp.Engine()
    oids = [SYS_NAME, FIX + '.1.2.0', FIX + '.1.6.0', FIX + '.1.16.0', FIX + '.1.25.0',
            FIX + '.3.1.0', FIX + '.3.2.0', FIX + '.1.27.0']
    pdu = engine.get(target(), oids)
    equal(len(pdu), 8, 'len(pdu)')
    name, neg, c32, binary, oidv, ip, c64, nsi = pdu
    equal(name.value, b'gsnmp-fixture', 'OCTET STRING')
    check(isinstance(name.value, bytes), 'OCTET STRING is bytes')
    equal(neg.value, -17, 'INTEGER')
    equal(c32.value, 4294967295, 'Counter32')
    equal(binary.value, b'\x00\x01\x02\x03\xff\xfe', 'binary OCTET STRING')
    equal(oidv.value, '1.3.6.1.4.1.99999.1', 'OBJECT IDENTIFIER')
    equal(ip.value, '192.0.2.33', 'IpAddress')
    equal(c64.value, 18446744073709551615, 'Counter64')
    check(isinstance(c64.value, int), 'Counter64 is int')
    equal(nsi.value, None, 'noSuchInstance')
    check(nsi.is_exception(), 'exception')
    equal(nsi.type, Gsnmp.ValueType.NO_SUCH_INSTANCE, 'type')
    oid, value = name
    equal(oid, SYS_NAME, 'unpacked oid')
    equal(value, b'gsnmp-fixture', 'unpacked value')
    equal(name.oid, Gsnmp.Oid(SYS_NAME), 'vb.oid')


@case
def oid_equality_and_hashing():
    a = Gsnmp.Oid('1.3.6.1.2.1.1.5.0')
    b = Gsnmp.Oid.new_from_string('.1.3.6.1.2.1.1.5.0')
    c = Gsnmp.Oid([1, 3, 6, 1, 2, 1, 1, 5, 0])
    check(a is not b, 'distinct objects')
    check(a == b and b == c, 'Oid == Oid compares values')
    check(not (a != b), '!=')
    check(a == '1.3.6.1.2.1.1.5.0', 'Oid == str')
    check(a != Gsnmp.Oid('1.3.6.1.2.1.1.6.0'), 'different OIDs')
    check(a != 'not an oid', 'a bad string is not equal')
    d = {a: 'sysName'}
    equal(d.get(b), 'sysName', 'Oid as dict key')
    equal(len({a, b, c}), 1, 'set of equal Oids')
    equal(str(a), '1.3.6.1.2.1.1.5.0', 'str(oid)')
    equal(repr(a), "Gsnmp.Oid('1.3.6.1.2.1.1.5.0')", 'repr(oid)')
    check(Gsnmp.Oid('1.3.6.1.2.1.1.5.0') < Gsnmp.Oid('1.3.6.1.2.1.1.6.0'), 'ordering')
    equal(sorted([Gsnmp.Oid('1.3.6.1.10'), Gsnmp.Oid('1.3.6.1.9')]),
          [Gsnmp.Oid('1.3.6.1.9'), Gsnmp.Oid('1.3.6.1.10')], 'sorted numerically')
    equal(list(a), [1, 3, 6, 1, 2, 1, 1, 5, 0], 'list(oid)')
    equal(len(a), 9, 'len(oid)')
    check(a in Gsnmp.Oid('1.3.6.1.2.1.1'), 'subtree membership')


@case
def varbind_equality_and_printing():
    engine = Gsnmp.Engine()
    one = engine.get(target(), [SYS_NAME])[0]
    two = engine.get(target(), [SYS_NAME])[0]
    check(one is not two and one == two, 'Varbind == Varbind compares values')
    equal(len({one, two}), 1, 'Varbinds hash by value')
    made = Gsnmp.Varbind.new_octet_string(Gsnmp.Oid(SYS_NAME), b'gsnmp-fixture')
    check(made == one, 'a varbind made locally equals the received one')
    check(Gsnmp.Varbind.new_integer(Gsnmp.Oid(SYS_NAME), 1) != one, 'another type')
    equal(str(one), '.1.3.6.1.2.1.1.5.0 = STRING: "gsnmp-fixture"', 'str(vb)')
    equal(repr(one), "<Gsnmp.Varbind 1.3.6.1.2.1.1.5.0 octet-string b'gsnmp-fixture'>", 'repr(vb)')


@case
def sync_calls_and_walk_iteration():
    engine = Gsnmp.Engine()
    t = target()
    nxt = engine.get_next(t, ['1.3.6.1.2.1.1.5'])
    equal(nxt[0].oid, SYS_NAME, 'get_next')
    bulk = engine.get_bulk(t, 0, 3, ['1.3.6.1.2.1.1'])
    equal(len(bulk), 3, 'get_bulk')
    walked = list(Gsnmp.Walk.new(engine, t, Gsnmp.Oid('1.3.6.1.2.1.1')))
    check(len(walked) > 5, 'walk iteration: %d' % len(walked))
    check(all(vb.oid in Gsnmp.Oid('1.3.6.1.2.1.1') for vb in walked), 'walk stays in the subtree')
    check(any(vb.oid == SYS_NAME for vb in walked), 'sysName in the walk')
    # the same OIDs (sysUpTime's value moves between the two walks)
    equal([vb.oid for vb in engine.walk(t, '1.3.6.1.2.1.1')], [vb.oid for vb in walked],
          'engine.walk(), root as a string')
    table = engine.get_table(t, '1.3.6.1.2.1.2.2')
    check(table.get_n_rows() >= 1 and len(list(table)) == table.get_n_rows(), 'get_table')
    try:
        engine.get(target('udp:127.0.0.1:9', timeout=100, retries=0), [SYS_NAME])
    except GLib.Error as e:
        check(e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.TIMED_OUT), e)
    else:
        raise AssertionError('no timeout')


@case
def discover():
    engine = Gsnmp.Engine()
    user = Gsnmp.UsmUser.new('shaaes', Gsnmp.AuthProtocol.SHA, 'shaaespass',
                             Gsnmp.PrivProtocol.AES, 'shaaespriv')
    engine_id = engine.discover(target(credentials=user))
    data = engine_id.get_data()
    check(5 <= len(data) <= 32 and data[0] & 0x80, 'engine ID %r' % data)
    pdu = engine.get(target(credentials=user), [SYS_NAME])
    equal(pdu[0].value, b'gsnmp-fixture', 'authPriv GET after discover()')


@case
def sync_from_a_thread():
    # a worker thread calls engine.get() while the main thread runs the
    # engine's GLib main loop with Python callbacks of its own
    import threading
    engine = Gsnmp.Engine()
    loop = GLib.MainLoop()
    got, ticks = [], []
    GLib.timeout_add(5, lambda: ticks.append(1) or True)

    def worker():
        try:
            for _ in range(20):
                got.append(engine.get(target(), [SYS_NAME])[0].value)
        finally:
            GLib.idle_add(loop.quit)
    thread = threading.Thread(target=worker)
    thread.start()
    guard = GLib.timeout_add_seconds(60, loop.quit)
    loop.run()
    thread.join()
    GLib.source_remove(guard)
    equal(got, [b'gsnmp-fixture'] * 20, 'GETs from the worker thread')


@case
def uri_community():
    engine = Gsnmp.Engine()
    pdu = engine.get(target('snmp://public@127.0.0.1:' + PORT), [SYS_NAME])
    equal(pdu[0].value, b'gsnmp-fixture', 'snmp://public@')
    # the community in the URI wins over credentials of another community
    wrong = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, 'wrong-community')
    pdu = engine.get(target('snmp://public@127.0.0.1:' + PORT, wrong), [SYS_NAME])
    equal(pdu[0].value, b'gsnmp-fixture', 'URI community over the credentials')
    try:
        engine.get(target('snmp://nobody@127.0.0.1:' + PORT, timeout=200, retries=0), [SYS_NAME])
    except GLib.Error as e:
        check(e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.TIMED_OUT), e)
    else:
        raise AssertionError('a wrong community in the URI was not used')


@case
def awaitables():
    engine = Gsnmp.Engine()
    t = target()

    async def main():
        pdu = await engine.get_async(t, [SYS_NAME])
        equal(pdu[0].value, b'gsnmp-fixture', 'await get_async')
        many = await asyncio.gather(*(engine.get_async(t, [SYS_NAME]) for _ in range(20)))
        equal([p[0].value for p in many], [b'gsnmp-fixture'] * 20, 'gather of 20')
        n = 0
        async for vb in Gsnmp.Walk.new(engine, t, Gsnmp.Oid('1.3.6.1.2.1.1')):
            n += 1
        check(n > 5, 'async for over a walk: %d' % n)
        batch = await Gsnmp.Walk.new(engine, t, Gsnmp.Oid('1.3.6.1.2.1.1')).all_async()
        equal(len(batch), n, 'all_async')
        table = await engine.get_table_async(t, '1.3.6.1.2.1.2.2')
        check(table.get_n_rows() >= 1, 'get_table_async')
        dead = target('udp:127.0.0.1:9', timeout=100, retries=1)
        try:
            await engine.get_async(dead, [SYS_NAME])
        except GLib.Error as e:
            check(e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.TIMED_OUT), e)
        else:
            raise AssertionError('no timeout')
        # cancelling the future cancels the request
        slow = target('udp:127.0.0.1:9', timeout=10000, retries=0)
        try:
            await asyncio.wait_for(engine.get_async(slow, [SYS_NAME]), 0.2)
        except asyncio.TimeoutError:
            pass
        else:
            raise AssertionError('wait_for did not time out')
        for _ in range(100):
            if engine.get_n_pending() == 0:
                break
            await asyncio.sleep(0.01)
        equal(engine.get_n_pending(), 0, 'pending after cancellation')
        # asyncio keeps running its own tasks while requests are in flight
        ticks = []

        async def ticker():
            for i in range(3):
                ticks.append(i)
                await asyncio.sleep(0)
        await asyncio.gather(ticker(), engine.get_async(t, [SYS_NAME]))
        equal(ticks, [0, 1, 2], 'asyncio tasks run meanwhile')
        return 'done'

    equal(asyncio.run(main()), 'done', 'asyncio.run')
    # and again, with a new event loop
    equal(asyncio.run(main()), 'done', 'second asyncio.run')


@case
def async_without_loop_is_an_error():
    engine = Gsnmp.Engine()
    try:
        engine.get_async(target(), [SYS_NAME])
    except RuntimeError as e:
        check('asyncio' in str(e) and 'get()' in str(e), e)
    else:
        raise AssertionError('no error without callback and event loop')


@case
def callbacks_still_work():
    engine = Gsnmp.Engine()
    loop = GLib.MainLoop()
    got = []

    def done(eng, res, data):
        got.append((eng.get_finish(res)[0].value, data))
        loop.quit()
    engine.get_async(target(), [Gsnmp.Oid(SYS_NAME)], None, done, 'data')
    loop.run()
    equal(got, [(b'gsnmp-fixture', 'data')], 'callback form')


CALLBACK_RAISES = r'''
import sys, gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp
engine = Gsnmp.Engine()
loop = GLib.MainLoop()
def done(engine, result):
    engine.get_finish(result)
    raise ValueError('raised in a callback')
engine.get_async(Gsnmp.Target.new(sys.argv[1], None), ['1.3.6.1.2.1.1.5.0'], None, done)
loop.run()
print('the loop returned')
'''


@case
def exception_in_callback_ends_the_program():
    # Without the overrides PyGObject prints the traceback and the main loop
    # waits forever: the timeout below would kill it and this case fail.
    try:
        p = subprocess.run([sys.executable, '-c', CALLBACK_RAISES, AGENT],
                           capture_output=True, text=True, timeout=30)
    except subprocess.TimeoutExpired:
        raise AssertionError('the program hung after an exception in a callback')
    equal(p.returncode, 1, 'exit status')
    check('ValueError: raised in a callback' in p.stderr, p.stderr)
    check('the loop returned' not in p.stdout, p.stdout)


failed = 0
for i, fn in enumerate(results, 1):
    try:
        fn()
    except Exception:
        failed += 1
        print('not ok %d - %s' % (i, fn.__name__))
        traceback.print_exc()
    else:
        print('ok %d - %s' % (i, fn.__name__))
print('1..%d' % len(results))
sys.exit(1 if failed else 0)
