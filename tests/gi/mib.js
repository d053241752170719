// MIB names from JavaScript through the typelib, against the snmpd fixture
// (ARGV[0] = port): names in, names out, enum labels, DateAndTime.
import GLib from 'gi://GLib';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

const port = ARGV[0];
const mib = Gsnmp.Mib.get_default();

function check(cond, what) {
    if (!cond) {
        printerr(`mib.js: FAIL ${what}`);
        System.exit(1);
    }
}

check(Gsnmp.Oid.new_from_string('sysDescr.0').to_string() === '1.3.6.1.2.1.1.1.0', 'sysDescr.0');
check(Gsnmp.Oid.new_from_name('SNMPv2-MIB', 'sysDescr', [0]).to_string() === '1.3.6.1.2.1.1.1.0', 'new_from_name');
check(Gsnmp.Oid.new_from_string('IF-MIB::ifDescr.3').to_string() === '1.3.6.1.2.1.2.2.1.2.3', 'IF-MIB::ifDescr.3');
const obj = mib.lookup_name('IF-MIB::ifAdminStatus');
check(obj.get_enum_label(2) === 'down', 'enum label');

const date = new Uint8Array([0x07, 0xea, 12, 2, 9, 30, 15, 0, 43, 1, 0]);
const vb = Gsnmp.Varbind.new_octet_string(Gsnmp.Oid.new_from_string('hrSystemDate.0'), date);
check(mib.format_varbind(vb, Gsnmp.FormatFlags.NONE) ===
      'HOST-RESOURCES-MIB::hrSystemDate.0 = STRING: 2026-12-2,9:30:15.0,+1:0', 'DateAndTime');

const loop = new GLib.MainLoop(null, false);
const engine = Gsnmp.Engine.new();
const target = Gsnmp.Target.new(`127.0.0.1:${port}`,
    Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, 'public'));
const out = [];
engine.get_async(target, ['sysName.0', 'IF-MIB::ifType.1'].map(n => Gsnmp.Oid.new_from_string(n)),
    null, (e, result) => {
        const pdu = e.get_finish(result);
        for (const v of pdu.get_varbinds())
            out.push(mib.format_varbind(v, Gsnmp.FormatFlags.NONE));
        loop.quit();
    });
loop.run();
check(out[0] === 'SNMPv2-MIB::sysName.0 = STRING: gsnmp-fixture', out[0]);
check(out[1] === 'IF-MIB::ifType.1 = INTEGER: softwareLoopback(24)', out[1]);
print('mib.js: ok');
