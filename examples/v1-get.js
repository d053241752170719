// v1-get.js - SNMPv1 GET of sysDescr.0
//
// Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/v1-get.py: one
// GetRequest with SNMPv1, community "public", for SNMPv2-MIB::sysDescr.0.
// PySNMP's errorIndication is the GLib.Error that get_async() rejects with;
// errorStatus and errorIndex are in the response PDU (check_error() throws
// them as a Gsnmp.PduError).
//
// Like `snmpget -v1 -c public -On AGENT 1.3.6.1.2.1.1.1.0`.
//
// Usage: gjs -m v1-get.js AGENT [COMMUNITY]      (e.g. udp:127.0.0.1:161 public)
//
// SPDX-License-Identifier: LGPL-2.1-or-later
import Gio from 'gi://Gio';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

Gio._promisify(Gsnmp.Engine.prototype, 'get_async', 'get_finish');

if (ARGV.length < 1) {
    printerr('Usage: gjs -m v1-get.js AGENT [COMMUNITY]');
    System.exit(2);
}

const engine = Gsnmp.Engine.new();
const community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V1, ARGV[1] ?? 'public');
const target = Gsnmp.Target.new(ARGV[0], community);
let status = 0;

try {
    // errorIndication (timeout, transport or security failure) throws here
    // PySNMP's ObjectIdentity('SNMPv2-MIB', 'sysDescr', 0)
    const pdu = await engine.get_async(target, [Gsnmp.Oid.new_from_name('SNMPv2-MIB', 'sysDescr', [0])], null);
    if (pdu.get_error_status() !== 0) {
        // errorStatus, errorIndex
        const index = pdu.get_error_index();
        const where = index > 0 ? pdu.get_varbind(index - 1).get_oid().to_string() : '?';
        try {
            pdu.check_error();
        } catch (e) {
            printerr(`${e.message} at ${where}`);
        }
        status = 1;
    } else {
        for (const vb of pdu.get_varbinds())
            print(vb.to_string());
    }
} catch (e) {
    printerr(`failure: ${e.message}`);
    status = 1;
}
System.exit(status);
