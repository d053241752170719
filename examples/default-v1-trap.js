// default-v1-trap.js - send an SNMPv1 Trap-PDU with the defaults
//
// Port of PySNMP's hlapi/v3arch/twisted/agent/ntforg/default-v1-trap.py:
// an SNMPv1 trap with community "public", enterprise
// 1.3.6.1.4.1.20408.4.1.1.2, generic trap 1 (warmStart), specific trap 0,
// the engine's uptime, the default agent address (the sending address,
// as snmptrap picks for an empty agent argument) and one
// variable binding sysDescr.0 = "my system". A trap is not acknowledged:
// success means it was sent.
//
// Like `snmptrap -v1 -c public MANAGER 1.3.6.1.4.1.20408.4.1.1.2 ''
// 1 0 '' 1.3.6.1.2.1.1.1.0 s "my system"`.
//
// Usage: gjs -m default-v1-trap.js MANAGER [COMMUNITY]   (e.g. udp:127.0.0.1:162)
//
// SPDX-License-Identifier: LGPL-2.1-or-later
import Gio from 'gi://Gio';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

Gio._promisify(Gsnmp.Engine.prototype, 'send_v1_trap_async', 'send_v1_trap_finish');

if (ARGV.length < 1) {
    printerr('Usage: gjs -m default-v1-trap.js MANAGER [COMMUNITY]');
    System.exit(2);
}

const engine = Gsnmp.Engine.new();
const community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V1, ARGV[1] ?? 'public');
const target = Gsnmp.Target.new(ARGV[0], community);
const enterprise = Gsnmp.Oid.new_from_string('1.3.6.1.4.1.20408.4.1.1.2');
const varbinds = [Gsnmp.Varbind.new_string(Gsnmp.Oid.new_from_string('1.3.6.1.2.1.1.1.0'), 'my system')];
let status = 0;

try {
    await engine.send_v1_trap_async(target, enterprise,
        null,                   // agent-addr: the sending address
        1, 0,                   // warmStart, specific 0
        Gsnmp.UPTIME_ENGINE,    // time-stamp
        varbinds, null);
    print('SNMPv1 trap sent');
} catch (e) {
    printerr(`failure: ${e.message}`);
    status = 1;
}
System.exit(status);
