// pull-subtree-multiple-agents.js - walk one subtree of several agents at once
//
// Port of PySNMP's hlapi/v3arch/twisted/manager/cmdgen/pull-mibs-from-multiple-agents-at-once.py:
// the system subtree (SNMPv2-MIB::system, 1.3.6.1.2.1.1) is walked on every agent given, all
// at the same time on one engine (GETBULK with SNMPv2c, community
// "public"). Each line is prefixed with the agent it came from; lines of
// different agents may interleave.
//
// Like running `snmpbulkwalk -v2c -c public -On AGENT 1.3.6.1.2.1.1` for
// each AGENT in parallel.
//
// Usage: gjs -m pull-subtree-multiple-agents.js AGENT [AGENT...]
//
// SPDX-License-Identifier: LGPL-2.1-or-later
import Gio from 'gi://Gio';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

Gio._promisify(Gsnmp.Engine.prototype, 'walk_async', 'walk_finish');

if (ARGV.length < 1) {
    printerr('Usage: gjs -m pull-subtree-multiple-agents.js AGENT [AGENT...]');
    System.exit(2);
}

const engine = Gsnmp.Engine.new();
const community = Gsnmp.Community.new(Gsnmp.ProtocolVersion.V2C, 'public');
const system = Gsnmp.Oid.new_from_name('SNMPv2-MIB', 'system', []);
let status = 0;

async function pull(agent) {
    try {
        const target = Gsnmp.Target.new(agent, community);
        for (const vb of await engine.walk_async(target, system, null))
            print(`${agent}: ${vb.to_string()}`);
    } catch (e) {
        printerr(`${agent}: failure: ${e.message}`);
        status = 1;
    }
}

await Promise.allSettled(ARGV.map(pull));
System.exit(status);
