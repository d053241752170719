#!/usr/bin/python3
# GI binding test from Python (PyGObject callbacks): a GET with native
# values, a SET, a walk with the enumerator, a v3 authPriv GET, a trap sent
# and received, a timeout, a cancellation and a PDU error, against the snmpd
# fixture (argv[1] = port). Each case asserts values and error codes.
import sys
import traceback

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gio, Gsnmp

PORT = sys.argv[1]
AGENT = 'udp:127.0.0.1:' + PORT
FIX = '1.3.6.1.4.1.99999'

loop = GLib.MainLoop()
engine = Gsnmp.Engine.new()
failures = []
passed = []


def oid(s):
    return Gsnmp.Oid.new_from_string(s)


def community(name, version=Gsnmp.ProtocolVersion.V2C):
    return Gsnmp.Community.new(version, name)


def target(credentials, address=AGENT):
    t = Gsnmp.Target.new(address, credentials)
    t.set_timeout(2000)
    t.set_retries(2)
    return t


def check(cond, what):
    if not cond:
        raise AssertionError(what)


class Case:
    """Runs the cases one after another, each a chain of callbacks."""

    def __init__(self, cases):
        self.cases = list(cases)
        self.name = None

    def start(self):
        if not self.cases:
            loop.quit()
            return
        self.name, fn = self.cases.pop(0)
        try:
            fn(self)
        except Exception as e:
            self.fail(e)

    def wrap(self, fn):
        """An async callback that records an assertion failure."""
        def cb(*args):
            try:
                fn(*args)
            except Exception as e:
                self.fail(e)
        return cb

    def ok(self):
        passed.append(self.name)
        print('ok - %s' % self.name)
        GLib.idle_add(self._next)

    def fail(self, e):
        failures.append(self.name)
        print('not ok - %s: %r' % (self.name, e))
        traceback.print_exc()
        GLib.idle_add(self._next)

    def _next(self):
        self.start()
        return GLib.SOURCE_REMOVE


# GET: native values of several types, GVariant view, Counter64 string
def case_get_values(c):
    oids = [oid(s) for s in ('1.3.6.1.2.1.1.5.0', FIX + '.1.2.0', FIX + '.1.6.0',
                             FIX + '.1.16.0', FIX + '.1.25.0', FIX + '.3.1.0',
                             FIX + '.3.2.0', FIX + '.1.27.0')]

    def done(eng, res):
        pdu = eng.get_finish(res)
        check(pdu.get_pdu_type() == Gsnmp.PduType.RESPONSE, pdu.get_pdu_type())
        check(pdu.check_error(), 'check_error')
        vbs = pdu.get_varbinds()
        check(len(vbs) == 8 and pdu.get_n_varbinds() == 8, len(vbs))
        for vb, o in zip(vbs, oids):
            check(vb.get_oid().equal(o), vb.get_oid().to_string())
        name, neg, c32, binary, oidv, ip, c64, nsi = vbs
        check(name.get_string() == 'gsnmp-fixture', name.get_string())
        check(name.get_value().get_data_as_bytes().get_data() == b'gsnmp-fixture', name.get_value().unpack())
        check(name.get_bytes().get_data() == b'gsnmp-fixture', 'get_bytes')
        check(bytes(name.get_octets()) == b'gsnmp-fixture', 'get_octets')
        check(neg.get_value_type() == Gsnmp.ValueType.INTEGER, neg.get_value_type())
        check(neg.get_integer() == -17, neg.get_integer())
        check(neg.get_value().get_type_string() == 'i', neg.get_value().get_type_string())
        check(neg.get_value().unpack() == -17, neg.get_value().unpack())
        check(c32.get_value_type() == Gsnmp.ValueType.COUNTER32, c32.get_value_type())
        check(c32.get_unsigned() == 4294967295, c32.get_unsigned())
        check(c32.get_value().unpack() == 4294967295, c32.get_value().unpack())
        check(binary.get_value().get_data_as_bytes().get_data() == b'\x00\x01\x02\x03\xff\xfe', 'binary')
        check(bytes(binary.get_octets()) == b'\x00\x01\x02\x03\xff\xfe', 'binary octets')
        check(oidv.get_value_type() == Gsnmp.ValueType.OBJECT_ID, oidv.get_value_type())
        check(oidv.get_oid_value().to_string() == '.1.3.6.1.4.1.99999.1' or
              oidv.get_oid_value().to_string() == '1.3.6.1.4.1.99999.1',
              oidv.get_oid_value().to_string())
        check(list(oidv.get_oid_value().get_ids()) == [1, 3, 6, 1, 4, 1, 99999, 1], 'ids')
        check(oidv.get_value().unpack() == '1.3.6.1.4.1.99999.1', oidv.get_value().unpack())
        check(ip.get_value_type() == Gsnmp.ValueType.IP_ADDRESS, ip.get_value_type())
        check(ip.get_ip_address().to_string() == '192.0.2.33', ip.get_ip_address().to_string())
        check(ip.get_value().unpack() == '192.0.2.33', ip.get_value().unpack())
        check(c64.get_value_type() == Gsnmp.ValueType.COUNTER64, c64.get_value_type())
        check(c64.get_counter64() == 18446744073709551615, c64.get_counter64())
        check(c64.get_counter64_string() == '18446744073709551615', c64.get_counter64_string())
        check(c64.get_value().unpack() == 18446744073709551615, c64.get_value().unpack())
        check(nsi.is_exception(), 'noSuchInstance is an exception')
        check(nsi.get_value_type() == Gsnmp.ValueType.NO_SUCH_INSTANCE, nsi.get_value_type())
        check(nsi.get_value().get_type_string() == '()', nsi.get_value().get_type_string())
        check(nsi.get_string() is None, 'get_string of an exception')
        c.ok()
    engine.get_async(target(community('public')), oids, None, c.wrap(done))


# SET: write sysContact and a fixture integer with "private", read them back
def case_set(c):
    contact = 'gsnmp python %d' % GLib.get_monotonic_time()
    vbs = [Gsnmp.Varbind.new_string(oid('1.3.6.1.2.1.1.4.0'), contact),
           Gsnmp.Varbind.new_integer(oid(FIX + '.4.1.0'), -4242),
           Gsnmp.Varbind.new_octet_string(oid(FIX + '.4.4.0'), b'\x00py\xff')]
    rw = target(community('private'))
    rw.set_retries(0)

    def set_done(eng, res):
        pdu = eng.set_finish(res)
        check(pdu.get_error_status() == 0, pdu.get_error_status())
        echoed = pdu.get_varbinds()
        check(echoed[0].get_string() == contact, echoed[0].get_string())
        check(echoed[1].get_integer() == -4242, echoed[1].get_integer())
        eng.get_async(target(community('public')),
                      [v.get_oid() for v in vbs], None, c.wrap(get_done))

    def get_done(eng, res):
        got = eng.get_finish(res).get_varbinds()
        check(got[0].get_string() == contact, got[0].get_string())
        check(got[1].get_integer() == -4242, got[1].get_integer())
        check(got[2].get_value().get_data_as_bytes().get_data() == b'\x00py\xff', got[2].get_value().unpack())
        c.ok()
    engine.set_async(rw, vbs, None, c.wrap(set_done))


# SET to a read-only object: a PDU error
def case_set_not_writable(c):
    vb = Gsnmp.Varbind.new_integer(oid(FIX + '.1.1.0'), 7)

    def done(eng, res):
        pdu = eng.set_finish(res)
        check(pdu.get_error_status() == Gsnmp.PduError.NOT_WRITABLE, pdu.get_error_status())
        check(pdu.get_error_index() == 1, pdu.get_error_index())
        try:
            pdu.check_error()
        except GLib.Error as e:
            check(e.matches(Gsnmp.pdu_error_quark(), Gsnmp.PduError.NOT_WRITABLE), e)
            check(e.domain == 'gsnmp-pdu-error-quark' or e.domain == GLib.quark_to_string(Gsnmp.pdu_error_quark()), e.domain)
            check(not e.matches(Gsnmp.error_quark(), Gsnmp.PduError.NOT_WRITABLE), 'wrong domain matched')
            c.ok()
            return
        raise AssertionError('check_error did not raise')
    engine.set_async(target(community('private')), [vb], None, c.wrap(done))


# GET from a v1 agent of a missing object: noSuchName
def case_pdu_error_v1(c):
    def done(eng, res):
        pdu = eng.get_finish(res)
        check(pdu.get_error_status() == Gsnmp.PduError.NO_SUCH_NAME, pdu.get_error_status())
        try:
            pdu.check_error()
        except GLib.Error as e:
            check(e.matches(Gsnmp.pdu_error_quark(), Gsnmp.PduError.NO_SUCH_NAME), e)
            check(e.code == 2, e.code)
            check(Gsnmp.pdu_error_to_string(Gsnmp.PduError.NO_SUCH_NAME) == 'noSuchName',
                  Gsnmp.pdu_error_to_string(Gsnmp.PduError.NO_SUCH_NAME))
            c.ok()
            return
        raise AssertionError('check_error did not raise')
    engine.get_async(target(community('public', Gsnmp.ProtocolVersion.V1)),
                     [oid('1.3.6.1.2.1.1.99.0')], None, c.wrap(done))


# Walk with the enumerator: batches until an empty one, order and subtree
def case_walk(c):
    root = oid(FIX + '.1')
    walk = Gsnmp.Walk.new(engine, target(community('public')), root)
    walk.set_max_repetitions(7)
    seen = []
    batches = [0]

    def step(w, res):
        batch = w.next_finish(res)
        if len(batch) == 0:
            check(w.get_status() == Gsnmp.WalkStatus.END_OF_SUBTREE, w.get_status())
            # .1.27.0 is noSuchInstance: GetNext/GetBulk skip it
            check(len(seen) == 29, len(seen))
            check(w.get_n_varbinds() == 29, w.get_n_varbinds())
            check(batches[0] >= 5, batches[0])
            ids = [list(v.get_oid().get_ids()) for v in seen]
            check(ids == [[1, 3, 6, 1, 4, 1, 99999, 1, i, 0] for i in range(1, 31) if i != 27], ids)
            for a, b in zip(seen, seen[1:]):
                check(a.get_oid().compare(b.get_oid()) < 0, 'order')
            for v in seen:
                check(v.get_oid().has_prefix(root), 'subtree')
            check(seen[0].get_integer() == 42, seen[0].get_integer())
            check(seen[13].get_string() == 'hello world', seen[13].get_string())
            end = w.get_end_varbind()
            check(end is not None and not end.get_oid().has_prefix(root), 'end varbind')
            c.ok()
            return
        batches[0] += 1
        check(len(batch) <= 7, len(batch))
        seen.extend(batch)
        w.next_async(None, c.wrap(step))
    walk.next_async(None, c.wrap(step))


# SNMPv3 authPriv GET
def case_v3_authpriv(c):
    user = Gsnmp.UsmUser.new('shaaes', Gsnmp.AuthProtocol.SHA, 'shaaespass',
                             Gsnmp.PrivProtocol.AES, 'shaaespriv')
    t = target(user)
    check(t.get_version() == Gsnmp.ProtocolVersion.V3, t.get_version())

    def done(eng, res):
        pdu = eng.get_finish(res)
        vbs = pdu.get_varbinds()
        check(vbs[0].get_string() == 'gsnmp-test-lab', vbs[0].get_string())
        check(vbs[1].get_counter64_string() == '4294967296', vbs[1].get_counter64_string())
        c.ok()
    engine.get_async(t, [oid('1.3.6.1.2.1.1.6.0'), oid(FIX + '.3.3.0')], None, c.wrap(done))


# SNMPv3 with a wrong authentication pass phrase: snmpd reports
# usmStatsWrongDigests, which is GSNMP_ERROR_WRONG_DIGEST
def case_v3_wrong_key(c):
    user = Gsnmp.UsmUser.new('shaaes', Gsnmp.AuthProtocol.SHA, 'wrongpassword',
                             Gsnmp.PrivProtocol.AES, 'shaaespriv')

    def done(eng, res):
        try:
            eng.get_finish(res)
        except GLib.Error as e:
            check(e.matches(Gsnmp.error_quark(), Gsnmp.Error.WRONG_DIGEST), e)
            check(e.domain == 'gsnmp-error-quark', e.domain)
            c.ok()
            return
        raise AssertionError('no error')
    engine.get_async(target(user), [oid('1.3.6.1.2.1.1.5.0')], None, c.wrap(done))


# SNMPv3 discovery on its own: snmpd's engine ID, from a fresh engine; and
# a dead address fails with GSNMP_ERROR_DISCOVERY_FAILED
def case_v3_discover(c):
    eng2 = Gsnmp.Engine.new()

    def done(eng, res):
        engine_id = eng.discover_finish(res)
        data = engine_id.get_data()
        check(len(data) >= 5, data)
        dead = Gsnmp.Target.new('udp:127.0.0.1:9', community('public'))
        dead.set_timeout(100)
        dead.set_retries(0)
        eng.discover_async(dead, None, c.wrap(dead_done))

    def dead_done(eng, res):
        try:
            eng.discover_finish(res)
        except GLib.Error as e:
            check(e.matches(Gsnmp.error_quark(), Gsnmp.Error.DISCOVERY_FAILED), e)
            eng.close()
            c.ok()
            return
        raise AssertionError('no error')
    eng2.discover_async(target(community('public')), None, c.wrap(done))


# A trap sent from the engine and received by a listener on another engine
def case_trap(c):
    rx_engine = Gsnmp.Engine.new()
    listener = Gsnmp.Listener.new(rx_engine)
    listener.add_community('gsnmp-trap')
    ok, port = listener.add_address('udp:127.0.0.1:0')
    check(ok and port > 0, port)
    trap_oid = oid(FIX + '.0.1')
    vbs = [Gsnmp.Varbind.new_string(oid(FIX + '.5.1.0'), 'trap text'),
           Gsnmp.Varbind.new_counter64(oid(FIX + '.5.2.0'), 18446744073709551615),
           Gsnmp.Varbind.new_ip_address(oid(FIX + '.5.3.0'), [10, 1, 2, 3])]
    state = {'sent': False, 'got': None}

    def maybe_done():
        if state['sent'] and state['got'] is not None:
            listener.disconnect(handler)
            check(listener.get_counter(Gsnmp.ListenerCounter.NOTIFICATIONS) == 1,
                  listener.get_counter(Gsnmp.ListenerCounter.NOTIFICATIONS))
            listener.close()
            rx_engine.close()
            c.ok()

    def on_notification(lst, n):
        try:
            check(n.get_version() == Gsnmp.ProtocolVersion.V2C, n.get_version())
            check(not n.is_inform(), 'inform')
            check(n.get_community() == 'gsnmp-trap', n.get_community())
            check(n.get_community_bytes().get_data() == b'gsnmp-trap', 'community bytes')
            check(n.get_notification_oid().equal(trap_oid), n.get_notification_oid().to_string())
            check(n.get_uptime() == 4242, n.get_uptime())
            sender = n.get_sender()
            check(sender.get_address().to_string() == '127.0.0.1', sender.get_address().to_string())
            check(n.get_sender_string().startswith('127.0.0.1'), n.get_sender_string())
            # sysUpTime.0, snmpTrapOID.0, then ours
            got = n.get_varbinds()
            check(len(got) == 5, len(got))
            check(got[0].get_value_type() == Gsnmp.ValueType.TIMETICKS, got[0].get_value_type())
            check(got[0].get_unsigned() == 4242, got[0].get_unsigned())
            check(got[1].get_oid_value().equal(trap_oid), got[1].get_oid_value().to_string())
            got = got[2:]
            check(got[0].get_string() == 'trap text', got[0].get_string())
            check(got[1].get_counter64_string() == '18446744073709551615',
                  got[1].get_counter64_string())
            check(got[2].get_value().unpack() == '10.1.2.3', got[2].get_value().unpack())
            # the PDU has sysUpTime.0 and snmpTrapOID.0 first
            pvbs = n.get_pdu().get_varbinds()
            check(n.get_pdu().get_pdu_type() == Gsnmp.PduType.TRAP, n.get_pdu().get_pdu_type())
            check(pvbs[0].get_oid().to_string().lstrip('.') == '1.3.6.1.2.1.1.3.0',
                  pvbs[0].get_oid().to_string())
            check(pvbs[1].get_oid_value().equal(trap_oid), 'snmpTrapOID.0')
            state['got'] = n
            maybe_done()
        except Exception as e:
            c.fail(e)

    def sent(eng, res):
        check(eng.send_trap_finish(res) is True, 'send_trap_finish')
        state['sent'] = True
        maybe_done()

    handler = listener.connect('notification', on_notification)
    t = target(community('gsnmp-trap'), 'udp:127.0.0.1:%d' % port)
    engine.send_trap_async(t, trap_oid, 4242, vbs, None, c.wrap(sent))


# Timeout against a port nobody answers on
def case_timeout(c):
    dead = Gsnmp.Target.new('udp:127.0.0.1:9', community('public'))
    dead.set_timeout(100)
    dead.set_retries(1)

    def done(eng, res):
        try:
            eng.get_finish(res)
        except GLib.Error as e:
            check(e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.TIMED_OUT), e)
            check(not e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED), e)
            c.ok()
            return
        raise AssertionError('no timeout')
    engine.get_async(dead, [oid('1.3.6.1.2.1.1.5.0')], None, c.wrap(done))


# Cancellation of a pending request and of a walk step
def case_cancel(c):
    dead = Gsnmp.Target.new('udp:127.0.0.1:9', community('public'))
    dead.set_timeout(10000)
    dead.set_retries(0)
    cancellable = Gio.Cancellable()
    state = {'n': 0}

    def done(eng, res):
        try:
            eng.get_finish(res)
        except GLib.Error as e:
            check(e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED), e)
            check(eng.get_n_pending() == 0, eng.get_n_pending())
            walk_cancelled()
            return
        raise AssertionError('not cancelled')

    def walk_cancelled():
        walk = Gsnmp.Walk.new(engine, target(community('public')), oid(FIX + '.1'))
        pre = Gio.Cancellable()
        pre.cancel()

        def step(w, res):
            try:
                w.next_finish(res)
            except GLib.Error as e:
                check(e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED), e)
                check(w.get_status() == Gsnmp.WalkStatus.RUNNING, w.get_status())
                # the walk resumes where it was
                w.next_async(None, c.wrap(resumed))
                return
            raise AssertionError('walk not cancelled')

        def resumed(w, res):
            batch = w.next_finish(res)
            check(len(batch) > 0, len(batch))
            check(list(batch[0].get_oid().get_ids()) == [1, 3, 6, 1, 4, 1, 99999, 1, 1, 0],
                  batch[0].get_oid().to_string())
            c.ok()
        walk.next_async(pre, c.wrap(step))

    engine.get_async(dead, [oid('1.3.6.1.2.1.1.5.0')], cancellable, c.wrap(done))
    GLib.timeout_add(50, lambda: (cancellable.cancel(), GLib.SOURCE_REMOVE)[1])


# Errors raised synchronously: a bad OID and a bad address
def case_sync_errors(c):
    try:
        Gsnmp.Oid.new_from_string('1.3.x')
        raise AssertionError('bad OID accepted')
    except GLib.Error as e:
        check(e.matches(Gsnmp.error_quark(), Gsnmp.Error.INVALID_OID), e)
    try:
        Gsnmp.Target.new('udp:[::1', community('public'))
        raise AssertionError('bad address accepted')
    except GLib.Error as e:
        check(e.matches(Gsnmp.error_quark(), Gsnmp.Error.INVALID_ADDRESS), e)
    c.ok()


runner = Case([
    ('python get values', case_get_values),
    ('python set', case_set),
    ('python set not writable', case_set_not_writable),
    ('python pdu error v1', case_pdu_error_v1),
    ('python walk enumerator', case_walk),
    ('python v3 authPriv get', case_v3_authpriv),
    ('python v3 wrong key', case_v3_wrong_key),
    ('python v3 discover', case_v3_discover),
    ('python trap send and receive', case_trap),
    ('python timeout', case_timeout),
    ('python cancel', case_cancel),
    ('python sync errors', case_sync_errors),
])
total = len(runner.cases)
GLib.idle_add(lambda: (runner.start(), GLib.SOURCE_REMOVE)[1])


def watchdog():
    failures.append('watchdog: %s did not finish' % runner.name)
    print('not ok - %s: no result in 60 s' % runner.name)
    loop.quit()
    return GLib.SOURCE_REMOVE


GLib.timeout_add_seconds(60, watchdog)
loop.run()
engine.close()
if failures or len(passed) != total:
    print('python: %d of %d passed; failed: %s' % (len(passed), total, ', '.join(failures)))
    sys.exit(1)
print('python: %d passed' % total)
