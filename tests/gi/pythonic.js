// The GJS overrides (bindings/gjs/overrides/Gsnmp.js) against the snmpd
// fixture (ARGV[0] = port): new Gsnmp.Engine() works, Promises from the
// _async methods without a callback (cancellable optional), native values
// with BigInt for Counter64, iteration over PDUs and walks, the synchronous
// calls, snmp://community@host, an exception in a callback ends the program.
import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

const PORT = ARGV[0];
const AGENT = `udp:127.0.0.1:${PORT}`;
const FIX = '1.3.6.1.4.1.99999';
const SYS_NAME = '1.3.6.1.2.1.1.5.0';
const oid = s => Gsnmp.Oid.new_from_string(s);

function check(cond, what) {
    if (!cond)
        throw new Error(`check failed: ${what}`);
}

function equal(got, want, what) {
    if (got !== want)
        throw new Error(`${what}: got ${String(got)}, want ${String(want)}`);
}

function target(address = AGENT, credentials = null, timeout = 2000, retries = 2) {
    const t = Gsnmp.Target.new(address, credentials);
    t.set_timeout(timeout);
    t.set_retries(retries);
    return t;
}

const cases = {
    overridesLoaded() {
        equal(Gsnmp._overridesFile, 'Gsnmp.js', 'overrides loaded');
    },

    async engineConstructor() {
        // new Gsnmp.Engine() used to give a dead engine
        const engine = new Gsnmp.Engine();
        const pdu = await engine.get_async(target(), [oid(SYS_NAME)]);
        equal(new TextDecoder().decode(pdu.get_varbind(0).value), 'gsnmp-fixture', 'sysName');
    },

    async nativeValues() {
        const engine = new Gsnmp.Engine();
        const pdu = await engine.get_async(target(),
            [SYS_NAME, `${FIX}.1.2.0`, `${FIX}.1.6.0`, `${FIX}.1.25.0`, `${FIX}.3.1.0`,
                `${FIX}.3.2.0`, `${FIX}.1.27.0`].map(oid), null);
        const [name, neg, c32, oidv, ip, c64, nsi] = [...pdu];
        check(name.value instanceof Uint8Array, 'OCTET STRING is a Uint8Array');
        equal(new TextDecoder().decode(name.value), 'gsnmp-fixture', 'OCTET STRING');
        equal(neg.value, -17, 'INTEGER');
        equal(c32.value, 4294967295, 'Counter32');
        equal(oidv.value, '1.3.6.1.4.1.99999.1', 'OBJECT IDENTIFIER');
        equal(ip.value, '192.0.2.33', 'IpAddress');
        equal(typeof c64.value, 'bigint', 'Counter64 type');
        equal(c64.value, 18446744073709551615n, 'Counter64 exact');
        equal(nsi.value, null, 'noSuchInstance');
        equal(nsi.type, Gsnmp.ValueType.NO_SUCH_INSTANCE, 'type');
        check(name.oid.equals(SYS_NAME), 'oid.equals(string)');
        equal(String(name.oid), SYS_NAME, 'String(oid)');
        equal(String(name), '.1.3.6.1.2.1.1.5.0 = STRING: "gsnmp-fixture"', 'String(varbind)');
        check(name.equals(Gsnmp.Varbind.new_string(oid(SYS_NAME), 'gsnmp-fixture')), 'varbind equals');
    },

    async walks() {
        const engine = new Gsnmp.Engine();
        let n = 0;
        for await (const vb of Gsnmp.Walk.new(engine, target(), oid('1.3.6.1.2.1.1'))) {
            check(oid('1.3.6.1.2.1.1').equal(vb.oid) || vb.oid.has_prefix(oid('1.3.6.1.2.1.1')),
                'in the subtree');
            n++;
        }
        check(n > 5, `for await over a walk: ${n}`);
        const all = await Gsnmp.Walk.new(engine, target(), oid('1.3.6.1.2.1.1')).all_async();
        equal(all.length, n, 'all_async');
    },

    async errors() {
        const engine = new Gsnmp.Engine();
        try {
            await engine.get_async(target('udp:127.0.0.1:9', null, 100, 1), [oid(SYS_NAME)]);
        } catch (e) {
            check(e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.TIMED_OUT), e);
            return;
        }
        throw new Error('no timeout');
    },

    syncAndUri() {
        const engine = new Gsnmp.Engine();
        const pdu = engine.get(target(`snmp://public@127.0.0.1:${PORT}`), [oid(SYS_NAME)], null);
        equal(new TextDecoder().decode(pdu.get_varbind(0).value), 'gsnmp-fixture', 'sync GET, URI');
    },

    async callbacksStillWork() {
        const engine = new Gsnmp.Engine();
        const got = await new Promise((resolve, reject) => {
            engine.get_async(target(), [oid(SYS_NAME)], null, (src, res) => {
                try {
                    resolve(src.get_finish(res).get_varbind(0).value);
                } catch (e) {
                    reject(e);
                }
            });
        });
        equal(new TextDecoder().decode(got), 'gsnmp-fixture', 'callback form');
    },

    async exceptionInCallbackEndsTheProgram() {
        const script = `
            import Gsnmp from 'gi://Gsnmp?version=1.0';
            import GLib from 'gi://GLib';
            const engine = new Gsnmp.Engine();
            const loop = new GLib.MainLoop(null, false);
            engine.get_async(Gsnmp.Target.new('${AGENT}', null),
                [Gsnmp.Oid.new_from_string('${SYS_NAME}')], null, () => {
                    throw new Error('raised in a callback');
                });
            loop.run();
            print('the loop returned');`;
        const dir = GLib.dir_make_tmp('gsnmp-gjs-XXXXXX');
        const path = GLib.build_filenamev([dir, 'raise.js']);
        GLib.file_set_contents(path, script);
        const proc = Gio.Subprocess.new(['timeout', '30', 'gjs', '-m', path],
            Gio.SubprocessFlags.STDOUT_PIPE | Gio.SubprocessFlags.STDERR_PIPE);
        const [, stdout, stderr] = await new Promise((resolve, reject) => {
            proc.communicate_utf8_async(null, null, (p, res) => {
                try {
                    resolve(p.communicate_utf8_finish(res));
                } catch (e) {
                    reject(e);
                }
            });
        });
        GLib.unlink(path);
        GLib.rmdir(dir);
        check(proc.get_exit_status() !== 124, 'the program hung');
        equal(proc.get_exit_status(), 1, 'exit status');
        check(stderr.includes('raised in a callback'), stderr);
        check(!stdout.includes('the loop returned'), stdout);
    },
};

let failed = 0, i = 0;
for (const [name, fn] of Object.entries(cases)) {
    i++;
    try {
        // eslint-disable-next-line no-await-in-loop
        await fn();
        print(`ok ${i} - ${name}`);
    } catch (e) {
        failed++;
        print(`not ok ${i} - ${name}: ${e}`);
        logError(e);
    }
}
print(`1..${i}`);
System.exit(failed ? 1 : 0);
