// getbulk-to-eom.js - SNMPv3 GETBULK walk from a root to the end of the MIB
//
// Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/getbulk-to-eom.py:
// a series of GetBulkRequests (non-repeaters 0, max-repetitions 50) with an
// SNMPv3 USM user (HMAC-SHA-96 authentication, AES-128 privacy), starting
// at SNMPv2-MIB::system and going on past it until the agent reports
// endOfMibView. A Gsnmp.Walk in lexicographic mode does the bookkeeping
// (PySNMP's isEndOfMib() and re-issuing bulkCmd); each batch is printed as
// it arrives. The last line gives how the walk ended.
//
// Like `snmpbulkwalk -v3 -l authPriv -u USER -a SHA -A AUTHPASS -x AES
// -X PRIVPASS -Cn0 -Cr50 -Cc -On AGENT 1.3.6.1.2.1.1` walking on to the
// end of the MIB (`snmpbulkwalk` stops at the end of the subtree).
//
// Usage: gjs -m getbulk-to-eom.js AGENT USER AUTHPASS PRIVPASS [ROOT]
//
// SPDX-License-Identifier: LGPL-2.1-or-later
import Gio from 'gi://Gio';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

Gio._promisify(Gsnmp.Walk.prototype, 'next_async', 'next_finish');

if (ARGV.length < 4) {
    printerr('Usage: gjs -m getbulk-to-eom.js AGENT USER AUTHPASS PRIVPASS [ROOT]');
    System.exit(2);
}

const engine = Gsnmp.Engine.new();
const user = Gsnmp.UsmUser.new(ARGV[1], Gsnmp.AuthProtocol.SHA, ARGV[2],
    Gsnmp.PrivProtocol.AES, ARGV[3]);
const target = Gsnmp.Target.new(ARGV[0], user);
const root = Gsnmp.Oid.new_from_string(ARGV[4] ?? 'SNMPv2-MIB::system');

const walk = Gsnmp.Walk.new(engine, target, root);
walk.set_max_repetitions(50);       // -Cr50
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
