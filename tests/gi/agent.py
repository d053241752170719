#!/usr/bin/python3
# The agent from Python: providers written in Python (a computed scalar,
# a StoreProvider table with a validate handler, an asynchronous provider;
# examples/agent.py) served by Gsnmp.Agent in this process and queried by
# a Gsnmp.Engine in the same main loop; then a provider that never answers
# (genErr at the deadline), one that raises, and closing the agent with a
# request pending. Prints TAP-like lines; exit status 1 on a failure.
import os
import sys

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gio, Gsnmp

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'examples'))
import agent as example  # noqa: E402

BASE = example.BASE
loop = GLib.MainLoop()
failures = []


def oid(s):
    return Gsnmp.Oid.new_from_string(s)


def run(start):
    """Runs start(done) until done(value) is called; returns value."""
    box = []

    def done(value):
        box.append(value)
        loop.quit()
    start(done)
    GLib.timeout_add_seconds(20, loop.quit)
    loop.run()
    if not box:
        raise AssertionError('no answer in 20 s')
    return box[0]


def request(engine, target, kind, oids, varbinds=None):
    def start(done):
        def cb(e, res, data):
            try:
                done(getattr(e, kind + '_finish')(res))
            except GLib.Error as err:
                done(err)
        if kind == 'set':
            engine.set_async(target, varbinds, None, cb, None)
        else:
            engine.__getattribute__(kind + '_async')(target, [oid(o) for o in oids], None, cb, None)
    return run(start)


def values(pdu):
    return [vb.to_string() for vb in pdu.get_varbinds()]


def check(name, cond, detail=''):
    if cond:
        print('ok - ' + name)
    else:
        failures.append(name)
        print('not ok - %s %s' % (name, detail))


class Never(Gsnmp.Provider):
    """Keeps its requests and never completes them."""

    def __init__(self, root):
        super().__init__(root=oid(root))
        self.held = []

    def do_handle(self, request):
        self.held.append(request)


class Raises(Gsnmp.Provider):
    def do_handle(self, request):
        raise RuntimeError('provider bug')


engine = Gsnmp.Engine.new()
agent_engine = Gsnmp.Engine.new()
agent = example.make_agent(agent_engine)
agent.set_provider_timeout(200)
never = Never(BASE + '.8')
agent.register_provider(None, never)
agent.register_provider(None, Raises(root=oid(BASE + '.9')))
ok, port = agent.add_address('udp:127.0.0.1:0')
check('add_address', ok and port > 0)


def target(community):
    t = Gsnmp.Target.new('udp:127.0.0.1:%d' % port,
                         Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, community))
    t.set_timeout(3000)
    t.set_retries(0)
    return t


pub = target('public')
priv = target('private')

pdu = request(engine, pub, 'get', [BASE + '.1.0', BASE + '.2.1.2.4', BASE + '.3.0', '1.3.6.1.2.1.1.1.0'])
v = values(pdu)
check('get scalar, table, async, sysDescr',
      v[0].startswith('.%s.1.0 = INTEGER: ' % BASE) and
      v[1] == '.%s.2.1.2.4 = STRING: "row 4"' % BASE and
      v[2] == '.%s.3.0 = STRING: "late answer"' % BASE and
      v[3] == '.1.3.6.1.2.1.1.1.0 = STRING: "gsnmp agent example in Python"', v)

pdu = request(engine, pub, 'get_next', [BASE + '.2.1.1.5', BASE + '.2.1.2.5', BASE + '.1'])
v = values(pdu)
check('getnext across providers',
      v[0] == '.%s.2.1.2.1 = STRING: "row 1"' % BASE and
      v[1] == '.%s.3.0 = STRING: "late answer"' % BASE and
      v[2].startswith('.%s.1.0 = INTEGER: ' % BASE), v)

vb = Gsnmp.Varbind.new_string(oid(BASE + '.2.1.2.2'), 'second')
pdu = request(engine, priv, 'set', None, [vb])
check('set through the store', pdu.get_error_status() == 0 and
      values(request(engine, pub, 'get', [BASE + '.2.1.2.2']))[0] == '.%s.2.1.2.2 = STRING: "second"' % BASE)

vb = Gsnmp.Varbind.new_string(oid(BASE + '.2.1.2.2'), 'x' * 40)
pdu = request(engine, priv, 'set', None, [Gsnmp.Varbind.new_string(oid(BASE + '.2.1.2.1'), 'ok'), vb])
check('validate refuses: wrongLength at index 2',
      pdu.get_error_status() == int(Gsnmp.PduError.WRONG_LENGTH) and pdu.get_error_index() == 2,
      (pdu.get_error_status(), pdu.get_error_index()))
pdu = request(engine, priv, 'set', None, [Gsnmp.Varbind.new_integer(oid(BASE + '.1.0'), 1)])
check('the Python scalar refuses SET: notWritable',
      pdu.get_error_status() == int(Gsnmp.PduError.NOT_WRITABLE) and pdu.get_error_index() == 1)

pdu = request(engine, pub, 'get', [BASE + '.2.1.2.1', BASE + '.8.0'])
check('a provider that never answers: genErr at its varbind',
      pdu.get_error_status() == int(Gsnmp.PduError.GEN_ERR) and pdu.get_error_index() == 2)
check('its request was cancelled', never.held and never.held[0].get_cancellable().is_cancelled())
never.held[0].complete()    # late: ignored

pdu = request(engine, pub, 'get', [BASE + '.9.0'])
check('a provider that raises: genErr', pdu.get_error_status() == int(Gsnmp.PduError.GEN_ERR))

# close with a request pending: no answer, the provider's request cancelled
never.held.clear()
agent.set_provider_timeout(10000)


def start_pending(done):
    def cb(e, res, data):
        try:
            done(e.get_finish(res))
        except GLib.Error as err:
            done(err)
    engine.get_async(pub, [oid(BASE + '.8.0')], None, cb, None)

    def close():
        if not never.held:
            return GLib.SOURCE_CONTINUE
        agent.close()
        return GLib.SOURCE_REMOVE
    GLib.timeout_add(10, close)


result = run(start_pending)
check('close with a request pending: the manager times out',
      isinstance(result, GLib.Error) and result.matches(Gio.io_error_quark(), Gio.IOErrorEnum.TIMED_OUT),
      result)
check('close cancels the pending provider request', never.held[0].get_cancellable().is_cancelled())

sys.exit(1 if failures else 0)
