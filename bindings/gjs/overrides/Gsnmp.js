// Gsnmp.js - GJS overrides for gsnmp
//
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// Installed as $datadir/gjs-1.0/overrides/Gsnmp.js, where GJS looks for the
// overrides of a GI namespace (any directory of GJS_PATH works too);
// `import Gsnmp from 'gi://Gsnmp'` loads it. What it adds:
//
// - Promises: every `_async` method of Gsnmp.Engine and Gsnmp.Walk called
//   without a callback returns a Promise (Gio._promisify's pattern, but the
//   cancellable may be left out too): `const pdu = await
//   engine.get_async(target, oids)`. Called with a callback it works as the
//   C function does; an exception escaping that callback is logged and
//   ends the program (status 1) instead of leaving a main loop waiting.
// - native values: `varbind.value` is a Uint8Array (OCTET STRING, Opaque),
//   a Number (INTEGER, Counter32, Gauge32, TimeTicks), a BigInt (Counter64:
//   GJS 1.74 returns 64-bit integers as Numbers, which round above 2^53),
//   a string (IpAddress, OBJECT IDENTIFIER) or null (NULL and the
//   exceptions); `varbind.oid`, `varbind.type`; `toString()` on Oid,
//   Varbind; `oid.equals(other)` for Oids and strings;
// - `for (const vb of pdu)`, `for await (const vb of walk)`.


function _promisifyAll(proto, names) {
    for (const name of names) {
        const finish = `${name.slice(0, -'_async'.length)}_finish`;
        if (proto[finish] === undefined)
            continue;
        const original = proto[name];
        const length = original.length;   // the visible arguments, callback last
        proto[name] = function (...args) {
            if (args.length >= length && typeof args[length - 1] === 'function') {
                // an exception escaping the callback ends the program, as
                // it would in synchronous code, instead of a main loop
                // waiting forever
                const callback = args[length - 1];
                args[length - 1] = function (...cbArgs) {
                    try {
                        return callback.apply(this, cbArgs);
                    } catch (e) {
                        logError(e, 'gsnmp: an exception escaped a callback; exiting');
                        imports.system.exit(1);
                    }
                    return undefined;
                };
                return original.apply(this, args);
            }
            // no callback: pad the optional cancellable, return a Promise
            while (args.length < length - 1)
                args.push(null);
            return new Promise((resolve, reject) => {
                original.call(this, ...args.slice(0, length - 1), (source, result) => {
                    try {
                        resolve(source[finish](result));
                    } catch (e) {
                        reject(e);
                    }
                });
            });
        };
    }
}

function _init() {
    const Gsnmp = this;
    const VT = Gsnmp.ValueType;

    Gsnmp._overridesFile = 'Gsnmp.js';

    for (const klass of [Gsnmp.Engine, Gsnmp.Walk]) {
        const names = Object.getOwnPropertyNames(klass.prototype)
            .filter(n => n.endsWith('_async'));
        _promisifyAll(klass.prototype, names);
    }

    const toOid = v => typeof v === 'string' ? Gsnmp.Oid.new_from_string(v) : v;

    Gsnmp.Oid.prototype.toString = function () {
        return this.to_string();
    };
    Gsnmp.Oid.prototype.equals = function (other) {
        try {
            return this.equal(toOid(other));
        } catch (e) {
            return false;
        }
    };

    function native(vb) {
        switch (vb.get_value_type()) {
        case VT.INTEGER:
            return vb.get_integer();
        case VT.OCTET_STRING:
        case VT.OPAQUE:
            return vb.get_bytes().toArray();
        case VT.COUNTER32:
        case VT.GAUGE32:
        case VT.TIMETICKS:
            return vb.get_unsigned();
        case VT.COUNTER64:
            return BigInt(vb.get_counter64_string());
        case VT.OBJECT_ID:
            return vb.get_oid_value().to_string();
        case VT.IP_ADDRESS:
            return vb.get_ip_address().to_string();
        default:
            return null;
        }
    }

    Object.defineProperties(Gsnmp.Varbind.prototype, {
        value: {get() {
            return native(this);
        }, configurable: true},
        oid: {get() {
            return this.get_oid();
        }, configurable: true},
        type: {get() {
            return this.get_value_type();
        }, configurable: true},
    });
    Gsnmp.Varbind.prototype.toString = function () {
        return this.to_string();
    };
    Gsnmp.Varbind.prototype.equals = function (other) {
        if (!(other instanceof Gsnmp.Varbind))
            return false;
        const a = native(this), b = native(other);
        const same = a instanceof Uint8Array && b instanceof Uint8Array
            ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;
        return this.get_oid().equal(other.get_oid()) &&
            this.get_value_type() === other.get_value_type() && same;
    };

    Gsnmp.Pdu.prototype[Symbol.iterator] = function () {
        return this.get_varbinds()[Symbol.iterator]();
    };

    Gsnmp.Walk.prototype[Symbol.asyncIterator] = async function* () {
        for (;;) {
            // eslint-disable-next-line no-await-in-loop
            const batch = await this.next_async(null);
            if (batch.length === 0)
                return;
            yield* batch;
        }
    };

}
