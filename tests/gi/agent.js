// The agent from JavaScript (GJS): the providers of examples/agent.js (a
// computed scalar, a StoreProvider table with a validate handler, an
// asynchronous provider) served by Gsnmp.Agent in this process and queried
// by a Gsnmp.Engine in the same main loop; then a provider that never
// answers (genErr at the deadline), one that throws, and closing the agent
// with a request pending. Prints TAP-like lines; exit status 1 on failure.
import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import GObject from 'gi://GObject';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';
import {makeAgent} from '../../examples/agent.js';

const BASE = '1.3.6.1.4.1.8072.9999.9999.7';
const oid = s => Gsnmp.Oid.new_from_string(s);
const loop = new GLib.MainLoop(null, false);
const failures = [];

for (const [name, fn] of [['get', 'get'], ['get_next', 'get_next'], ['set', 'set']])
    Gio._promisify(Gsnmp.Engine.prototype, `${fn}_async`, `${fn}_finish`);

function check(name, cond, detail = '') {
    if (cond) {
        print(`ok - ${name}`);
    } else {
        failures.push(name);
        print(`not ok - ${name} ${detail}`);
    }
}

const Never = GObject.registerClass(class Never extends Gsnmp.Provider {
    _init(root) {
        super._init({root: oid(root)});
        this.held = [];
    }

    vfunc_handle(request) {
        this.held.push(request);
    }
});

const Throws = GObject.registerClass(class Throws extends Gsnmp.Provider {
    vfunc_handle(request) {
        throw new Error('provider bug');
    }
});

const values = pdu => pdu.get_varbinds().map(vb => vb.to_string());

async function main() {
    const engine = Gsnmp.Engine.new();
    const agentEngine = Gsnmp.Engine.new();
    const agent = makeAgent(agentEngine);
    agent.set_provider_timeout(200);
    const never = new Never(`${BASE}.8`);
    agent.register_provider(null, never);
    agent.register_provider(null, new Throws({root: oid(`${BASE}.9`)}));
    const [ok, port] = agent.add_address('udp:127.0.0.1:0');
    check('add_address', ok && port > 0);

    const target = community => {
        const t = Gsnmp.Target.new(`udp:127.0.0.1:${port}`,
            Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, community));
        t.set_timeout(3000);
        t.set_retries(0);
        return t;
    };
    const pub = target('public');
    const priv = target('private');

    let v = values(await engine.get_async(pub, [`${BASE}.1.0`, `${BASE}.2.1.2.4`, `${BASE}.3.0`,
        '1.3.6.1.2.1.1.1.0'].map(oid), null));
    check('get scalar, table, async, sysDescr',
        v[0].startsWith(`.${BASE}.1.0 = INTEGER: `) &&
        v[1] === `.${BASE}.2.1.2.4 = STRING: "row 4"` &&
        v[2] === `.${BASE}.3.0 = STRING: "late answer"` &&
        v[3] === '.1.3.6.1.2.1.1.1.0 = STRING: "gsnmp agent example in JavaScript"', v);

    v = values(await engine.get_next_async(pub, [`${BASE}.2.1.1.5`, `${BASE}.2.1.2.5`].map(oid), null));
    check('getnext across providers', v[0] === `.${BASE}.2.1.2.1 = STRING: "row 1"` &&
        v[1] === `.${BASE}.3.0 = STRING: "late answer"`, v);

    let pdu = await engine.set_async(priv, [Gsnmp.Varbind.new_string(oid(`${BASE}.2.1.2.2`), 'second')], null);
    v = values(await engine.get_async(pub, [oid(`${BASE}.2.1.2.2`)], null));
    check('set through the store', pdu.get_error_status() === 0 &&
        v[0] === `.${BASE}.2.1.2.2 = STRING: "second"`, v);

    pdu = await engine.set_async(priv, [Gsnmp.Varbind.new_string(oid(`${BASE}.2.1.2.1`), 'ok'),
        Gsnmp.Varbind.new_string(oid(`${BASE}.2.1.2.2`), 'x'.repeat(40))], null);
    check('validate refuses: wrongLength at index 2',
        pdu.get_error_status() === Gsnmp.PduError.WRONG_LENGTH && pdu.get_error_index() === 2);

    pdu = await engine.get_async(pub, [oid(`${BASE}.2.1.2.1`), oid(`${BASE}.8.0`)], null);
    check('a provider that never answers: genErr at its varbind',
        pdu.get_error_status() === Gsnmp.PduError.GEN_ERR && pdu.get_error_index() === 2);
    check('its request was cancelled', never.held[0].get_cancellable().is_cancelled());
    never.held[0].complete();

    pdu = await engine.get_async(pub, [oid(`${BASE}.9.0`)], null);
    check('a provider that throws: genErr', pdu.get_error_status() === Gsnmp.PduError.GEN_ERR);

    never.held.length = 0;
    agent.set_provider_timeout(10000);
    GLib.timeout_add(GLib.PRIORITY_DEFAULT, 10, () => {
        if (never.held.length === 0)
            return GLib.SOURCE_CONTINUE;
        agent.close();
        return GLib.SOURCE_REMOVE;
    });
    try {
        await engine.get_async(pub, [oid(`${BASE}.8.0`)], null);
        check('close with a request pending: the manager times out', false);
    } catch (e) {
        check('close with a request pending: the manager times out',
            e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.TIMED_OUT), e);
    }
    check('close cancels the pending provider request', never.held[0].get_cancellable().is_cancelled());
}

let status = 0;
main().catch(e => {
    print(`not ok - ${e}\n${e.stack}`);
    status = 1;
}).finally(() => loop.quit());
loop.run();
System.exit(status || (failures.length ? 1 : 0));
