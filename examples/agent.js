#!/usr/bin/env -S gjs -m
// An SNMP agent in JavaScript (GJS): a scalar computed on demand, a table
// kept in a Gsnmp.StoreProvider, and a provider that answers asynchronously
// (here after a timer, as it would after a D-Bus call or a file read).
//
//   gjs -m examples/agent.js [ADDRESS]        (default udp:127.0.0.1:1161)
//   snmpwalk -v2c -c public 127.0.0.1:1161 1.3.6.1.4.1.8072.9999.9999.7
//
// Stops on SIGINT or SIGTERM.
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

const BASE = '1.3.6.1.4.1.8072.9999.9999.7';
const START = GLib.get_monotonic_time();
const oid = s => Gsnmp.Oid.new_from_string(s);
const Op = Gsnmp.ProviderOperation;

// BASE.1.0: seconds since the start, an INTEGER computed per request
const Scalar = GObject.registerClass(class Scalar extends Gsnmp.Provider {
    _init() {
        super._init({root: oid(`${BASE}.1`)});
        this.instance = oid(`${BASE}.1.0`);
    }

    value() {
        const seconds = Math.floor((GLib.get_monotonic_time() - START) / 1000000);
        return Gsnmp.Varbind.new_integer(this.instance, seconds);
    }

    vfunc_handle(request) {
        const op = request.get_operation();
        for (let i = 0; i < request.get_n_oids(); i++) {
            const name = request.get_oid(i);
            if (op === Op.GET) {
                request.set_value(i, name.equal(this.instance) ? this.value()
                    : Gsnmp.Varbind.new_exception(name, Gsnmp.ValueType.NO_SUCH_INSTANCE));
            } else if (op === Op.GET_NEXT) {
                request.set_value(i, name.compare(this.instance) < 0 ? this.value()
                    : Gsnmp.Varbind.new_exception(name, Gsnmp.ValueType.END_OF_MIB_VIEW));
            } else if (op === Op.SET_TEST) {
                request.set_error(i, Gsnmp.PduError.NOT_WRITABLE);
            }
        }
        request.complete();
    }
});

// BASE.3.0: a STRING answered 20 ms later, from the main loop
const Slow = GObject.registerClass(class Slow extends Gsnmp.Provider {
    _init() {
        super._init({root: oid(`${BASE}.3`)});
        this.instance = oid(`${BASE}.3.0`);
    }

    vfunc_handle(request) {
        GLib.timeout_add(GLib.PRIORITY_DEFAULT, 20, () => {
            if (request.get_cancellable().is_cancelled())
                return GLib.SOURCE_REMOVE;    // the agent gave up
            const op = request.get_operation();
            for (let i = 0; i < request.get_n_oids(); i++) {
                const name = request.get_oid(i);
                if ((op === Op.GET && name.equal(this.instance)) ||
                    (op === Op.GET_NEXT && name.compare(this.instance) < 0))
                    request.set_value(i, Gsnmp.Varbind.new_string(this.instance, 'late answer'));
                else if (op === Op.SET_TEST)
                    request.set_error(i, Gsnmp.PduError.NOT_WRITABLE);
            }
            request.complete();
            return GLib.SOURCE_REMOVE;
        });
    }
});

// BASE.2.1.{1,2}.N: a table of 5 rows (index, name); names writable
function makeTable() {
    const table = Gsnmp.StoreProvider.new(oid(`${BASE}.2`));
    for (let n = 1; n <= 5; n++) {
        table.set(Gsnmp.Varbind.new_integer(oid(`${BASE}.2.1.1.${n}`), n));
        table.set(Gsnmp.Varbind.new_string(oid(`${BASE}.2.1.2.${n}`), `row ${n}`));
    }
    table.set_writable(oid(`${BASE}.2.1.2`), Gsnmp.ValueType.OCTET_STRING, false);
    table.connect('validate', (store, value) =>
        value.get_bytes().get_size() > 32 ? Gsnmp.PduError.WRONG_LENGTH : 0);
    table.connect('changed', (store, value) => print(`set: ${value.to_string()}`));
    return table;
}

export function makeAgent(engine) {
    const agent = Gsnmp.Agent.new(engine);
    agent.sys_descr = 'gsnmp agent example in JavaScript';
    agent.add_community('public', null, null, null);
    agent.add_community('private', null, null, Gsnmp.View.new_all());
    for (const provider of [new Scalar(), makeTable(), new Slow()])
        agent.register_provider(null, provider);
    return agent;
}

// Run as a program, not imported (tests/gi/agent.js imports makeAgent)
if (System.programPath && Gio.File.new_for_commandline_arg(System.programPath).get_uri() === import.meta.url) {
    const address = ARGV[0] ?? 'udp:127.0.0.1:1161';
    const engine = Gsnmp.Engine.new();
    const agent = makeAgent(engine);
    const [, port] = agent.add_address(address);
    printerr(`listening on ${address} (port ${port})`);
    const loop = new GLib.MainLoop(null, false);
    for (const sig of [2, 15])
        GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, sig, () => { loop.quit(); return GLib.SOURCE_REMOVE; });
    loop.run();
    agent.close();
}
