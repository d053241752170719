// multiple-concurrent-queries.js - several SNMPv2c GETs in flight at once
//
// Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/multiple-concurrent-queries.py:
// one GET for sysDescr.0 and one for sysLocation.0 are started together on
// one engine and awaited with Promise.allSettled() (PySNMP's DeferredList).
// Replies may come in either order; they are printed as they come.
//
// Like `snmpget -v2c -c public -On AGENT 1.3.6.1.2.1.1.1.0` and
// `snmpget -v2c -c public -On AGENT 1.3.6.1.2.1.1.6.0` run in parallel.
//
// Usage: gjs -m multiple-concurrent-queries.js AGENT [COMMUNITY]
//
// SPDX-License-Identifier: LGPL-2.1-or-later
import Gio from 'gi://Gio';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

Gio._promisify(Gsnmp.Engine.prototype, 'get_async', 'get_finish');

if (ARGV.length < 1) {
    printerr('Usage: gjs -m multiple-concurrent-queries.js AGENT [COMMUNITY]');
    System.exit(2);
}

const OBJECTS = [
    'SNMPv2-MIB::sysDescr.0',       // 1.3.6.1.2.1.1.1.0
    'SNMPv2-MIB::sysLocation.0',    // 1.3.6.1.2.1.1.6.0
];

const engine = Gsnmp.Engine.new();
const community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, ARGV[1] ?? 'public');
const target = Gsnmp.Target.new(ARGV[0], community);
let status = 0;

async function getScalar(oid) {
    try {
        const pdu = await engine.get_async(target, [Gsnmp.Oid.new_from_string(oid)], null);
        pdu.check_error();
        print(pdu.get_varbind(0).to_string());
    } catch (e) {
        printerr(`failure: ${e.message}`);
        status = 1;
    }
}

await Promise.allSettled(OBJECTS.map(getScalar));
System.exit(status);
