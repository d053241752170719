// custom-timeout-retries.js - SNMPv2c GET with a custom timeout and retry count
//
// Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/custom-timeout-and-retries.py:
// a GET of sysDescr.0 where each attempt waits TIMEOUT_MS milliseconds and
// the request is resent RETRIES times before it fails with
// Gio.IOErrorEnum.TIMED_OUT (PySNMP's UdpTransportTarget(..., timeout=, retries=)).
//
// Like `snmpget -v2c -c public -On -t 1.5 -r 0 AGENT 1.3.6.1.2.1.1.1.0`.
//
// Usage: gjs -m custom-timeout-retries.js AGENT [TIMEOUT_MS [RETRIES [COMMUNITY]]]
//        (defaults 1500 ms, 0 retries, public)
//
// SPDX-License-Identifier: LGPL-2.1-or-later
import Gio from 'gi://Gio';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

Gio._promisify(Gsnmp.Engine.prototype, 'get_async', 'get_finish');

if (ARGV.length < 1) {
    printerr('Usage: gjs -m custom-timeout-retries.js AGENT [TIMEOUT_MS [RETRIES [COMMUNITY]]]');
    System.exit(2);
}

const engine = Gsnmp.Engine.new();
const community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, ARGV[3] ?? 'public');
const target = Gsnmp.Target.new(ARGV[0], community);
target.set_timeout(ARGV.length > 1 ? parseInt(ARGV[1]) : 1500);    // ms per attempt
target.set_retries(ARGV.length > 2 ? parseInt(ARGV[2]) : 0);
let status = 0;

try {
    const pdu = await engine.get_async(target, [Gsnmp.Oid.new_from_name('SNMPv2-MIB', 'sysDescr', [0])], null);
    pdu.check_error();
    print(pdu.get_varbind(0).to_string());
} catch (e) {
    if (e.matches?.(Gio.IOErrorEnum, Gio.IOErrorEnum.TIMED_OUT))
        printerr(`timed out: ${e.message}`);
    else
        printerr(`failure: ${e.message}`);
    status = 1;
}
System.exit(status);
