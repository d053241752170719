// pull-whole-mib.js - SNMPv2c GETNEXT walk over the whole MIB
//
// Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/pull-whole-mib.py:
// a series of GetNextRequests, each for the OID the last response
// returned, going on in lexicographic order (PySNMP's nextCmd with
// lexicographicMode) until the agent reports endOfMibView. Here with
// SNMPv2c, community "public", from 1.3.6 (iso.org.dod) rather than from
// SNMPv2-MIB::system. A Gsnmp.Walk with use-getnext and lexicographic set
// does the bookkeeping (PySNMP's isEndOfMib() and re-issuing nextCmd); each
// variable is printed as it arrives. The last line gives how the walk ended.
//
// Like `snmpwalk -v2c -c public -On AGENT .1.3.6`.
//
// Usage: gjs -m pull-whole-mib.js AGENT [COMMUNITY] [ROOT]   (e.g. udp:127.0.0.1:161 public)
//
// SPDX-License-Identifier: LGPL-2.1-or-later
import Gio from 'gi://Gio';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

Gio._promisify(Gsnmp.Walk.prototype, 'next_async', 'next_finish');

if (ARGV.length < 1) {
    printerr('Usage: gjs -m pull-whole-mib.js AGENT [COMMUNITY] [ROOT]');
    System.exit(2);
}

const engine = Gsnmp.Engine.new();
const community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, ARGV[1] ?? 'public');
const target = Gsnmp.Target.new(ARGV[0], community);
const root = Gsnmp.Oid.new_from_string(ARGV[2] ?? '1.3.6');

const walk = Gsnmp.Walk.new(engine, target, root);
walk.set_use_getnext(true);         // GetNextRequests, like snmpwalk
walk.set_lexicographic(true);       // on past the root, to endOfMibView

let status = 0;
try {
    for (;;) {
        const batch = await walk.next_async(null);
        if (batch.length === 0)
            break;
        for (const vb of batch)
            print(vb.to_string());
    }
    const how = walk.get_status() === Gsnmp.WalkStatus.END_OF_MIB_VIEW ? 'endOfMibView' : 'end of walk';
    print(`# ${how} after ${walk.get_n_varbinds()} variables in ${walk.get_n_requests()} requests`);
} catch (e) {
    printerr(`failure: ${e.message}`);
    status = 1;
}
System.exit(status);
