// GI smoke test from GJS: a GET with async/await and a timeout against the
// snmpd fixture (ARGV[0] = port).
import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import Gsnmp from 'gi://Gsnmp?version=1.0';

Gio._promisify(Gsnmp.Engine.prototype, 'get_async', 'get_finish');

const port = ARGV[0];
const engine = Gsnmp.Engine.new();
const community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, 'public');
const oid = Gsnmp.Oid.new_from_string('1.3.6.1.2.1.1.5.0');

const pdu = await engine.get_async(Gsnmp.Target.new(`udp:127.0.0.1:${port}`, community), [oid], null);
const line = pdu.get_varbinds()[0].to_string();
if (line !== '.1.3.6.1.2.1.1.5.0 = STRING: "gsnmp-fixture"')
    throw new Error(`unexpected ${line}`);

const dead = Gsnmp.Target.new('udp:127.0.0.1:9', community);
dead.set_timeout(100);
dead.set_retries(0);
let timedOut = false;
try {
    await engine.get_async(dead, [oid], null);
} catch (e) {
    timedOut = e.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.TIMED_OUT);
}
if (!timedOut)
    throw new Error('no timeout');
print('gjs: 2 passed');
