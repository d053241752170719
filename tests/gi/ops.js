// GI binding test from GJS (Gio._promisify, async/await): a GET with native
// values, a SET, a walk with the enumerator, a v3 authPriv GET, a trap sent
// and received, a timeout, a cancellation and a PDU error, against the snmpd
// fixture (ARGV[0] = port). Each case asserts values and error codes.
import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

Gio._promisify(Gsnmp.Engine.prototype, 'get_async', 'get_finish');
Gio._promisify(Gsnmp.Engine.prototype, 'set_async', 'set_finish');
Gio._promisify(Gsnmp.Engine.prototype, 'send_trap_async', 'send_trap_finish');
Gio._promisify(Gsnmp.Walk.prototype, 'next_async', 'next_finish');

const AGENT = `udp:127.0.0.1:${ARGV[0]}`;
const FIX = '1.3.6.1.4.1.99999';
const engine = Gsnmp.Engine.new();

const oid = s => Gsnmp.Oid.new_from_string(s);
const community = (name, version = Gsnmp.ProtocolVersion.V2C) =>
    Gsnmp.Community.new(version, name);

function target(credentials, address = AGENT) {
    const t = Gsnmp.Target.new(address, credentials);
    t.set_timeout(2000);
    t.set_retries(2);
    return t;
}

function check(cond, what) {
    if (!cond)
        throw new Error(`check failed: ${what}`);
}

function equal(got, want, what) {
    if (got !== want)
        throw new Error(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

function bytesEqual(got, want, what) {
    const a = Array.from(got), b = Array.from(want);
    equal(JSON.stringify(a), JSON.stringify(b), what);
}

const utf8 = s => new TextEncoder().encode(s);

// Awaits a promise that must reject with a GLib.Error; returns the error
async function rejects(promise, what) {
    try {
        await promise;
    } catch (e) {
        check(e instanceof GLib.Error, `${what}: not a GLib.Error: ${e}`);
        return e;
    }
    throw new Error(`${what}: no error`);
}

const delay = ms => new Promise(resolve => {
    GLib.timeout_add(GLib.PRIORITY_DEFAULT, ms, () => {
        resolve();
        return GLib.SOURCE_REMOVE;
    });
});

async function caseGetValues() {
    const oids = ['1.3.6.1.2.1.1.5.0', `${FIX}.1.2.0`, `${FIX}.1.6.0`, `${FIX}.1.16.0`,
        `${FIX}.1.25.0`, `${FIX}.3.1.0`, `${FIX}.3.2.0`, `${FIX}.1.27.0`].map(oid);
    const pdu = await engine.get_async(target(community('public')), oids, null);
    equal(pdu.get_pdu_type(), Gsnmp.PduType.RESPONSE, 'pdu type');
    check(pdu.check_error(), 'check_error');
    const vbs = pdu.get_varbinds();
    equal(vbs.length, 8, 'varbinds');
    vbs.forEach((vb, i) => check(vb.get_oid().equal(oids[i]), `oid ${i}`));
    const [name, neg, c32, binary, oidv, ip, c64, nsi] = vbs;

    equal(name.get_value_type(), Gsnmp.ValueType.OCTET_STRING, 'string type');
    equal(name.get_string(), 'gsnmp-fixture', 'get_string');
    bytesEqual(name.get_value().deepUnpack(), utf8('gsnmp-fixture'), 'ay');
    bytesEqual(name.get_octets(), utf8('gsnmp-fixture'), 'get_octets');
    bytesEqual(name.get_bytes().toArray(), utf8('gsnmp-fixture'), 'get_bytes');

    equal(neg.get_integer(), -17, 'get_integer');
    equal(neg.get_value().get_type_string(), 'i', 'i type');
    equal(neg.get_value().deepUnpack(), -17, 'i value');

    equal(c32.get_value_type(), Gsnmp.ValueType.COUNTER32, 'counter32 type');
    equal(c32.get_unsigned(), 4294967295, 'get_unsigned');
    equal(c32.get_value().deepUnpack(), 4294967295, 'u value');

    bytesEqual(binary.get_value().deepUnpack(), [0, 1, 2, 3, 0xff, 0xfe], 'binary ay');
    bytesEqual(binary.get_octets(), [0, 1, 2, 3, 0xff, 0xfe], 'binary octets');

    equal(oidv.get_value_type(), Gsnmp.ValueType.OBJECT_ID, 'oid type');
    bytesEqual(oidv.get_oid_value().get_ids(), [1, 3, 6, 1, 4, 1, 99999, 1], 'oid ids');
    equal(oidv.get_value().deepUnpack(), '1.3.6.1.4.1.99999.1', 'oid value');

    equal(ip.get_value_type(), Gsnmp.ValueType.IP_ADDRESS, 'ip type');
    equal(ip.get_ip_address().to_string(), '192.0.2.33', 'get_ip_address');
    equal(ip.get_value().deepUnpack(), '192.0.2.33', 'ip value');

    equal(c64.get_value_type(), Gsnmp.ValueType.COUNTER64, 'counter64 type');
    equal(c64.get_counter64_string(), '18446744073709551615', 'counter64 string');
    equal(c64.get_value().get_type_string(), 't', 't type');

    check(nsi.is_exception(), 'noSuchInstance is an exception');
    equal(nsi.get_value_type(), Gsnmp.ValueType.NO_SUCH_INSTANCE, 'exception type');
    equal(nsi.get_value().get_type_string(), '()', 'unit');
    equal(nsi.get_string(), null, 'get_string of an exception');
}

async function caseSet() {
    const contact = `gsnmp gjs ${GLib.get_monotonic_time()}`;
    const vbs = [
        Gsnmp.Varbind.new_string(oid('1.3.6.1.2.1.1.4.0'), contact),
        Gsnmp.Varbind.new_integer(oid(`${FIX}.4.1.0`), -4343),
        Gsnmp.Varbind.new_octet_string(oid(`${FIX}.4.4.0`), new Uint8Array([0, 0x6a, 0x73, 0xff])),
        Gsnmp.Varbind.new_gauge32(oid(`${FIX}.4.2.0`), 4000000000),
    ];
    const rw = target(community('private'));
    rw.set_retries(0);
    const response = await engine.set_async(rw, vbs, null);
    equal(response.get_error_status(), 0, 'error-status');
    equal(response.get_varbinds()[0].get_string(), contact, 'echoed contact');

    const got = (await engine.get_async(target(community('public')),
        vbs.map(v => v.get_oid()), null)).get_varbinds();
    equal(got[0].get_string(), contact, 'sysContact');
    equal(got[1].get_integer(), -4343, 'integer');
    bytesEqual(got[2].get_value().deepUnpack(), [0, 0x6a, 0x73, 0xff], 'octets');
    equal(got[3].get_value_type(), Gsnmp.ValueType.GAUGE32, 'gauge type');
    equal(got[3].get_unsigned(), 4000000000, 'gauge');
}

async function caseSetNotWritable() {
    const pdu = await engine.set_async(target(community('private')),
        [Gsnmp.Varbind.new_integer(oid(`${FIX}.1.1.0`), 7)], null);
    equal(pdu.get_error_status(), Gsnmp.PduError.NOT_WRITABLE, 'error-status');
    equal(pdu.get_error_index(), 1, 'error-index');
    let e = null;
    try {
        pdu.check_error();
    } catch (err) {
        e = err;
    }
    check(e !== null, 'check_error did not throw');
    check(e.matches(Gsnmp.PduError, Gsnmp.PduError.NOT_WRITABLE), `matches enum: ${e}`);
    check(e.matches(Gsnmp.pdu_error_quark(), Gsnmp.PduError.NOT_WRITABLE), `matches quark: ${e}`);
    check(!e.matches(Gsnmp.Error, Gsnmp.PduError.NOT_WRITABLE), 'wrong domain matched');
    equal(e.code, 17, 'code');
}

async function casePduErrorV1() {
    const pdu = await engine.get_async(target(community('public', Gsnmp.ProtocolVersion.V1)),
        [oid('1.3.6.1.2.1.1.99.0')], null);
    equal(pdu.get_error_status(), Gsnmp.PduError.NO_SUCH_NAME, 'error-status');
    let e = null;
    try {
        pdu.check_error();
    } catch (err) {
        e = err;
    }
    check(e !== null && e.matches(Gsnmp.PduError, Gsnmp.PduError.NO_SUCH_NAME), `noSuchName: ${e}`);
    equal(Gsnmp.pdu_error_to_string(Gsnmp.PduError.NO_SUCH_NAME), 'noSuchName', 'to_string');
}

async function caseWalk() {
    const root = oid(`${FIX}.1`);
    const walk = Gsnmp.Walk.new(engine, target(community('public')), root);
    walk.set_max_repetitions(7);
    const seen = [];
    let batches = 0;
    for (;;) {
        // eslint-disable-next-line no-await-in-loop
        const batch = await walk.next_async(null);
        if (batch.length === 0)
            break;
        check(batch.length <= 7, `batch of ${batch.length}`);
        batches++;
        seen.push(...batch);
    }
    equal(walk.get_status(), Gsnmp.WalkStatus.END_OF_SUBTREE, 'status');
    check(batches >= 5, `batches ${batches}`);
    // .1.27.0 is noSuchInstance: GetNext/GetBulk skip it
    const want = [];
    for (let i = 1; i <= 30; i++) {
        if (i !== 27)
            want.push([1, 3, 6, 1, 4, 1, 99999, 1, i, 0]);
    }
    equal(JSON.stringify(seen.map(v => Array.from(v.get_oid().get_ids()))),
        JSON.stringify(want), 'walk OIDs');
    equal(walk.get_n_varbinds(), 29, 'n_varbinds');
    for (let i = 1; i < seen.length; i++)
        check(seen[i - 1].get_oid().compare(seen[i].get_oid()) < 0, 'order');
    check(seen.every(v => v.get_oid().has_prefix(root)), 'subtree');
    equal(seen[0].get_integer(), 42, 'first value');
    equal(seen[13].get_string(), 'hello world', '.1.14.0');
    const end = walk.get_end_varbind();
    check(end !== null && !end.get_oid().has_prefix(root), 'end varbind');
}

async function caseV3AuthPriv() {
    const user = Gsnmp.UsmUser.new('shaaes', Gsnmp.AuthProtocol.SHA, 'shaaespass',
        Gsnmp.PrivProtocol.AES, 'shaaespriv');
    const t = target(user);
    equal(t.get_version(), Gsnmp.ProtocolVersion.V3, 'version');
    const vbs = (await engine.get_async(t, [oid('1.3.6.1.2.1.1.6.0'), oid(`${FIX}.3.2.0`)],
        null)).get_varbinds();
    equal(vbs[0].get_string(), 'gsnmp-test-lab', 'sysLocation');
    // exact only as a string: GJS rounds 64-bit numbers above 2^53
    equal(vbs[1].get_counter64_string(), '18446744073709551615', 'counter64');
}

// A wrong authentication pass phrase: snmpd reports usmStatsWrongDigests
async function caseV3WrongKey() {
    const user = Gsnmp.UsmUser.new('shaaes', Gsnmp.AuthProtocol.SHA, 'wrongpassword',
        Gsnmp.PrivProtocol.AES, 'shaaespriv');
    const e = await rejects(engine.get_async(target(user), [oid('1.3.6.1.2.1.1.5.0')], null),
        'wrong key');
    check(e.matches(Gsnmp.Error, Gsnmp.Error.WRONG_DIGEST), `wrong digest: ${e}`);
    check(e.matches(Gsnmp.error_quark(), Gsnmp.Error.WRONG_DIGEST), `wrong digest quark: ${e}`);
}

async function caseTrap() {
    const rxEngine = Gsnmp.Engine.new();
    const listener = Gsnmp.Listener.new(rxEngine);
    listener.add_community('gsnmp-trap');
    const [ok, port] = listener.add_address('udp:127.0.0.1:0');
    check(ok && port > 0, `bound port ${port}`);
    const trapOid = oid(`${FIX}.0.2`);
    const received = new Promise(resolve => {
        const id = listener.connect('notification', (_l, n) => {
            listener.disconnect(id);
            resolve(n);
        });
    });
    const sent = await engine.send_trap_async(target(community('gsnmp-trap'), `udp:127.0.0.1:${port}`),
        trapOid, 777, [
            Gsnmp.Varbind.new_string(oid(`${FIX}.5.1.0`), 'trap from gjs'),
            Gsnmp.Varbind.new_counter64(oid(`${FIX}.5.2.0`), 12345),
            Gsnmp.Varbind.new_ip_address(oid(`${FIX}.5.3.0`), [10, 9, 8, 7]),
        ], null);
    equal(sent, true, 'send_trap_finish');
    const n = await Promise.race([received, delay(10000).then(() => null)]);
    check(n !== null, 'no notification within 10 s');
    equal(n.get_version(), Gsnmp.ProtocolVersion.V2C, 'version');
    equal(n.is_inform(), false, 'is_inform');
    equal(n.get_community(), 'gsnmp-trap', 'community');
    check(n.get_notification_oid().equal(trapOid), 'notification oid');
    equal(n.get_uptime(), 777, 'uptime');
    equal(n.get_sender().get_address().to_string(), '127.0.0.1', 'sender');
    equal(n.get_pdu().get_pdu_type(), Gsnmp.PduType.TRAP, 'pdu type');
    const vbs = n.get_varbinds();
    equal(vbs.length, 5, 'varbinds');
    equal(vbs[0].get_unsigned(), 777, 'sysUpTime.0');
    check(vbs[1].get_oid_value().equal(trapOid), 'snmpTrapOID.0');
    equal(vbs[2].get_string(), 'trap from gjs', 'string');
    equal(vbs[3].get_counter64_string(), '12345', 'counter64');
    equal(vbs[3].get_value().deepUnpack(), 12345, 'counter64 variant');
    equal(vbs[4].get_value().deepUnpack(), '10.9.8.7', 'ip');
    equal(listener.get_counter(Gsnmp.ListenerCounter.NOTIFICATIONS), 1, 'counter');
    listener.close();
    rxEngine.close();
}

async function caseTimeout() {
    const dead = Gsnmp.Target.new('udp:127.0.0.1:9', community('public'));
    dead.set_timeout(100);
    dead.set_retries(1);
    const e = await rejects(engine.get_async(dead, [oid('1.3.6.1.2.1.1.5.0')], null), 'timeout');
    check(e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.TIMED_OUT), `timed out: ${e}`);
    check(!e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED), 'not cancelled');
}

async function caseCancel() {
    const dead = Gsnmp.Target.new('udp:127.0.0.1:9', community('public'));
    dead.set_timeout(10000);
    dead.set_retries(0);
    const cancellable = new Gio.Cancellable();
    const pending = engine.get_async(dead, [oid('1.3.6.1.2.1.1.5.0')], cancellable);
    await delay(50);
    cancellable.cancel();
    const e = await rejects(pending, 'cancel');
    check(e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED), `cancelled: ${e}`);
    equal(engine.get_n_pending(), 0, 'n_pending');

    // a walk step cancelled up front; the walk then resumes where it was
    const walk = Gsnmp.Walk.new(engine, target(community('public')), oid(`${FIX}.1`));
    const pre = new Gio.Cancellable();
    pre.cancel();
    const we = await rejects(walk.next_async(pre), 'walk cancel');
    check(we.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED), `walk cancelled: ${we}`);
    equal(walk.get_status(), Gsnmp.WalkStatus.RUNNING, 'walk status');
    const batch = await walk.next_async(null);
    check(batch.length > 0, 'resumed batch');
    bytesEqual(batch[0].get_oid().get_ids(), [1, 3, 6, 1, 4, 1, 99999, 1, 1, 0], 'resumed at start');
}

function caseSyncErrors() {
    let e = null;
    try {
        Gsnmp.Oid.new_from_string('1.3.x');
    } catch (err) {
        e = err;
    }
    check(e !== null && e.matches(Gsnmp.Error, Gsnmp.Error.INVALID_OID), `invalid OID: ${e}`);
    e = null;
    try {
        Gsnmp.Target.new('udp:[::1', community('public'));
    } catch (err) {
        e = err;
    }
    check(e !== null && e.matches(Gsnmp.Error, Gsnmp.Error.INVALID_ADDRESS), `invalid address: ${e}`);
}

const cases = [
    ['gjs get values', caseGetValues],
    ['gjs set', caseSet],
    ['gjs set not writable', caseSetNotWritable],
    ['gjs pdu error v1', casePduErrorV1],
    ['gjs walk enumerator', caseWalk],
    ['gjs v3 authPriv get', caseV3AuthPriv],
    ['gjs v3 wrong key', caseV3WrongKey],
    ['gjs trap send and receive', caseTrap],
    ['gjs timeout', caseTimeout],
    ['gjs cancel', caseCancel],
    ['gjs sync errors', caseSyncErrors],
];

const loop = new GLib.MainLoop(null, false);
const failed = [];
async function main() {
    for (const [name, fn] of cases) {
        let watchdog = 0;
        try {
            // eslint-disable-next-line no-await-in-loop
            await Promise.race([fn(), new Promise((_resolve, reject) => {
                watchdog = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, 30, () => {
                    watchdog = 0;
                    reject(new Error('no result in 30 s'));
                    return GLib.SOURCE_REMOVE;
                });
            })]);
            print(`ok - ${name}`);
        } catch (e) {
            failed.push(name);
            print(`not ok - ${name}: ${e}\n${e.stack ?? ''}`);
        }
        if (watchdog)
            GLib.source_remove(watchdog);
    }
}
main().finally(() => loop.quit());
loop.run();
engine.close();
if (failed.length > 0) {
    print(`gjs: ${cases.length - failed.length} of ${cases.length} passed; failed: ${failed.join(', ')}`);
    System.exit(1);
}
print(`gjs: ${cases.length} passed`);
