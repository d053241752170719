// notifications.js - the common notifications: a v2c trap, a v3 trap, an inform
//
// Port of PySNMP's hlapi/v3arch/twisted/agent/ntforg examples
// (v2c-trap-inline-callbacks.py, multiple-notifications-at-once.py): one
// after the other,
//   1. an SNMPv2c TRAP warmStart (1.3.6.1.6.3.1.1.5.2) with two variable
//      bindings, snmpTrapEnterprise.0 = 1.3.6.1.4.1.20408.4.1.1.2 and
//      sysDescr.0 = "my system" (sysUpTime.0 and snmpTrapOID.0 come first,
//      added by the library);
//   2. the same as an SNMPv3 TRAP, authPriv with USER (SHA, AES); this
//      program's engine is the authoritative one, so the receiver must
//      know USER for whatever engine ID sends it;
//   3. the same as an SNMPv2c INFORM, which the manager acknowledges: the
//      program waits for the response (or the timeout).
//
// Like
//   snmptrap   -v2c -c public MANAGER '' 1.3.6.1.6.3.1.1.5.2 1.3.6.1.6.3.1.1.4.3.0 o 1.3.6.1.4.1.20408.4.1.1.2 1.3.6.1.2.1.1.1.0 s "my system"
//   snmptrap   -v3 -l authPriv -u USER -a SHA -A AUTHPASS -x AES -X PRIVPASS MANAGER '' 1.3.6.1.6.3.1.1.5.2 ...
//   snmpinform -v2c -c public MANAGER '' 1.3.6.1.6.3.1.1.5.2 ...
//
// Usage: gjs -m notifications.js MANAGER COMMUNITY USER AUTHPASS PRIVPASS
//
// SPDX-License-Identifier: LGPL-2.1-or-later
import Gio from 'gi://Gio';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

Gio._promisify(Gsnmp.Engine.prototype, 'send_trap_async', 'send_trap_finish');
Gio._promisify(Gsnmp.Engine.prototype, 'send_inform_async', 'send_inform_finish');

if (ARGV.length < 5) {
    printerr('Usage: gjs -m notifications.js MANAGER COMMUNITY USER AUTHPASS PRIVPASS');
    System.exit(2);
}

const [manager, communityName, userName, authPass, privPass] = ARGV;
const engine = Gsnmp.Engine.new();
const v2c = Gsnmp.Target.new(manager, Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, communityName));
const user = Gsnmp.UsmUser.new(userName, Gsnmp.AuthProtocol.SHA, authPass,
    Gsnmp.PrivProtocol.AES, privPass);
const v3 = Gsnmp.Target.new(manager, user);

const oid = s => Gsnmp.Oid.new_from_string(s);
const warmStart = oid('1.3.6.1.6.3.1.1.5.2');
const varbinds = [
    Gsnmp.Varbind.new_oid(oid('1.3.6.1.6.3.1.1.4.3.0'), oid('1.3.6.1.4.1.20408.4.1.1.2')),
    Gsnmp.Varbind.new_string(oid('1.3.6.1.2.1.1.1.0'), 'my system'),
];
let status = 0;

try {
    await engine.send_trap_async(v2c, warmStart, Gsnmp.UPTIME_ENGINE, varbinds, null);
    print('SNMPv2c TRAP sent');
} catch (e) {
    printerr(`SNMPv2c TRAP failed: ${e.message}`);
    status = 1;
}

try {
    await engine.send_trap_async(v3, warmStart, Gsnmp.UPTIME_ENGINE, varbinds, null);
    print('SNMPv3 TRAP sent');
} catch (e) {
    printerr(`SNMPv3 TRAP failed: ${e.message}`);
    status = 1;
}

try {
    const response = await engine.send_inform_async(v2c, warmStart, Gsnmp.UPTIME_ENGINE, varbinds, null);
    response.check_error();
    print(`SNMPv2c INFORM acknowledged (${response.get_n_varbinds()} variables in the response)`);
} catch (e) {
    printerr(`INFORM failed: ${e.message}`);
    status = 1;
}
System.exit(status);
