#!/usr/bin/python3
# An SNMP agent in Python: a scalar computed on demand, a table kept in a
# Gsnmp.StoreProvider, and a provider that answers asynchronously (here
# after a timer, as it would after a D-Bus call or a file read).
#
#   python3 examples/agent.py [ADDRESS]      (default udp:127.0.0.1:1161)
#   snmpwalk -v2c -c public 127.0.0.1:1161 1.3.6.1.4.1.8072.9999.9999.7
#
# Stops on SIGINT or SIGTERM.
import signal
import sys
import time

import gi
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, Gsnmp

BASE = '1.3.6.1.4.1.8072.9999.9999.7'
START = time.monotonic()


def oid(s):
    return Gsnmp.Oid.new_from_string(s)


class Scalar(Gsnmp.Provider):
    """BASE.1.0: seconds since the start, an INTEGER computed per request."""

    def __init__(self):
        super().__init__(root=oid(BASE + '.1'))
        self.instance = oid(BASE + '.1.0')

    def value(self):
        return Gsnmp.Varbind.new_integer(self.instance, int(time.monotonic() - START))

    def do_handle(self, request):
        op = request.get_operation()
        for i in range(request.get_n_oids()):
            name = request.get_oid(i)
            if op == Gsnmp.ProviderOperation.GET:
                if name.equal(self.instance):
                    request.set_value(i, self.value())
                else:
                    request.set_value(i, Gsnmp.Varbind.new_exception(
                        name, Gsnmp.ValueType.NO_SUCH_INSTANCE))
            elif op == Gsnmp.ProviderOperation.GET_NEXT:
                if name.compare(self.instance) < 0:
                    request.set_value(i, self.value())
                else:
                    request.set_value(i, Gsnmp.Varbind.new_exception(
                        name, Gsnmp.ValueType.END_OF_MIB_VIEW))
            elif op == Gsnmp.ProviderOperation.SET_TEST:
                request.set_error(i, Gsnmp.PduError.NOT_WRITABLE)
        request.complete()


class Slow(Gsnmp.Provider):
    """BASE.3.0: a STRING answered 20 ms later, from the main loop."""

    def __init__(self):
        super().__init__(root=oid(BASE + '.3'))
        self.instance = oid(BASE + '.3.0')

    def do_handle(self, request):
        GLib.timeout_add(20, self.answer, request)

    def answer(self, request):
        if request.get_cancellable().is_cancelled():
            return GLib.SOURCE_REMOVE     # the agent gave up
        op = request.get_operation()
        for i in range(request.get_n_oids()):
            name = request.get_oid(i)
            if op == Gsnmp.ProviderOperation.GET and name.equal(self.instance):
                request.set_value(i, Gsnmp.Varbind.new_string(self.instance, 'late answer'))
            elif op == Gsnmp.ProviderOperation.GET_NEXT and name.compare(self.instance) < 0:
                request.set_value(i, Gsnmp.Varbind.new_string(self.instance, 'late answer'))
            elif op == Gsnmp.ProviderOperation.SET_TEST:
                request.set_error(i, Gsnmp.PduError.NOT_WRITABLE)
            # unanswered GET and GET_NEXT OIDs: noSuchObject, nothing after
        request.complete()
        return GLib.SOURCE_REMOVE


def make_table():
    """BASE.2.1.{1,2}.N: a table of 5 rows (index, name); names writable."""
    table = Gsnmp.StoreProvider.new(oid(BASE + '.2'))
    for n in range(1, 6):
        table.set(Gsnmp.Varbind.new_integer(oid('%s.2.1.1.%d' % (BASE, n)), n))
        table.set(Gsnmp.Varbind.new_string(oid('%s.2.1.2.%d' % (BASE, n)), 'row %d' % n))
    table.set_writable(oid(BASE + '.2.1.2'), Gsnmp.ValueType.OCTET_STRING, False)

    def validate(store, value):
        if len(value.get_bytes().get_data()) > 32:
            return int(Gsnmp.PduError.WRONG_LENGTH)
        return 0
    table.connect('validate', validate)
    table.connect('changed', lambda store, value: print('set:', value.to_string(), flush=True))
    return table


def make_agent(engine):
    agent = Gsnmp.Agent.new(engine)
    agent.props.sys_descr = 'gsnmp agent example in Python'
    agent.add_community('public', None, None, None)
    agent.add_community('private', None, None, Gsnmp.View.new_all())
    for provider in (Scalar(), make_table(), Slow()):
        agent.register_provider(None, provider)
    return agent


def main():
    address = sys.argv[1] if len(sys.argv) > 1 else 'udp:127.0.0.1:1161'
    engine = Gsnmp.Engine.new()
    agent = make_agent(engine)
    ok, port = agent.add_address(address)
    print('listening on %s (port %d)' % (address, port), file=sys.stderr, flush=True)
    loop = GLib.MainLoop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, loop.quit)
    loop.run()
    agent.close()


if __name__ == '__main__':
    main()
