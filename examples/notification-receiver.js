// notification-receiver.js - receive traps and informs with Gsnmp.Listener
//
// Port of PySNMP's v3arch/twisted/manager/ntfrcv examples: listens on
// ADDRESS for SNMPv1 and SNMPv2c notifications with COMMUNITY and, if a
// USER is given, SNMPv3 ones from USER (SHA, AES) whatever engine sends
// them; informs are acknowledged by the listener. Each notification is
// printed as a header line followed by its variable bindings. So that it
// can be tested, it stops after COUNT notifications or TIMEOUT seconds
// (exit status 1 on timeout); 0 means no limit.
//
// The first line says which port it listens on (useful with port 0).
//
// Like `snmptrapd -f -Lo -On -c` with `authCommunity log COMMUNITY` and
// `createUser USER SHA AUTHPASS AES PRIVPASS` in snmptrapd.conf.
//
// Usage: gjs -m notification-receiver.js ADDRESS COUNT TIMEOUT [COMMUNITY [USER AUTHPASS PRIVPASS]]
//        (e.g. udp:127.0.0.1:0 3 10 public)
//
// SPDX-License-Identifier: LGPL-2.1-or-later
import GLib from 'gi://GLib';
import Gsnmp from 'gi://Gsnmp?version=1.0';
import System from 'system';

if (ARGV.length < 3 || (ARGV.length > 4 && ARGV.length !== 7)) {
    printerr('Usage: gjs -m notification-receiver.js ADDRESS COUNT TIMEOUT [COMMUNITY [USER AUTHPASS PRIVPASS]]');
    System.exit(2);
}

const count = parseInt(ARGV[1]);
const timeout = parseInt(ARGV[2]);
const VERSIONS = {
    [Gsnmp.ProtocolVersion.V1]: 'v1',
    [Gsnmp.ProtocolVersion.V2C]: 'v2c',
    [Gsnmp.ProtocolVersion.V3]: 'v3',
};

const engine = Gsnmp.Engine.new();
const listener = Gsnmp.Listener.new(engine);
listener.add_community(ARGV[3] ?? 'public');
if (ARGV.length === 7) {
    const user = Gsnmp.UsmUser.new(ARGV[4], Gsnmp.AuthProtocol.SHA, ARGV[5],
        Gsnmp.PrivProtocol.AES, ARGV[6]);
    listener.add_user(user, null);  // from any sending engine (traps); informs use ours
}
const [, port] = listener.add_address(ARGV[0]);    // [true, bound port]; throws on error
print(`listening on port ${port}`);

const status = await new Promise(resolve => {
    let received = 0;
    let timeoutId = 0;

    listener.connect('notification', (_listener, notification) => {
        const version = notification.get_version();
        const v3 = version === Gsnmp.ProtocolVersion.V3;
        print(`${VERSIONS[version]} ${notification.is_inform() ? 'INFORM' : 'TRAP'} ` +
              `from ${notification.get_sender_string()} ` +
              `(${v3 ? 'user' : 'community'} ` +
              `${v3 ? notification.get_user_name() : notification.get_community()}): ` +
              `${notification.get_notification_oid().to_string()}`);
        if (version === Gsnmp.ProtocolVersion.V1) {
            print(`  enterprise ${notification.get_enterprise().to_string()} ` +
                  `generic ${notification.get_generic_trap()} ` +
                  `specific ${notification.get_specific_trap()}`);
        }
        for (const vb of notification.get_varbinds())
            print(`  ${vb.to_string()}`);
        received++;
        if (count > 0 && received >= count) {
            if (timeoutId !== 0)
                GLib.source_remove(timeoutId);
            resolve(0);
        }
    });
    if (timeout > 0) {
        timeoutId = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, timeout, () => {
            printerr(`timed out after ${received} notifications`);
            timeoutId = 0;
            resolve(1);
            return GLib.SOURCE_REMOVE;
        });
    }
});
listener.close();
System.exit(status);
