#!/usr/bin/python3
# quirky-agent.py - an SNMPv1/v2c agent on 127.0.0.1 that behaves like the
# foreign agents real devices run, for the interop tests
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: quirky-agent.py MODE [PARENT_PID]
# Binds 127.0.0.1:0, prints the port on stdout and answers GET, GETNEXT and
# GETBULK (any community) from a small MIB under 1.3.6.1.4.1.99999 until
# PARENT_PID (if given) is gone, for at most 10 minutes.  MODE:
#   pad       GETBULK responses always hold non-repeaters + max-repetitions
#             varbinds: past the end of the MIB, endOfMibView varbinds
#             (RFC 3416 §4.2.3), as PySNMP-based agents do
#   nonincr   after .1.5.0 comes .1.4.5, then .1.6.0 (a Q-BRIDGE fdb table
#             on many switches does the like)
#   types     the MIB also holds NsapAddress (0x45) and UInteger32 (0x47)
#             values
#   errstat   every answer has error-status 999 and error-index -1
#   trailing  two zero bytes after every answer's message
#   silent    never answers
#   endless   a table whose rows never end (1.3.6.1.4.1.99999.2.1.C.ROW)
# The BER here is written by hand: it must not depend on any SNMP stack.

import os
import select
import socket
import sys
import time

ROOT = (1, 3, 6, 1, 4, 1, 99999)


def enc_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, 'big')
    return bytes([0x80 | len(b)]) + b


def tlv(tag, content):
    return bytes([tag]) + enc_len(len(content)) + content


def enc_int(tag, v):
    n = 1
    while not (-(1 << (8 * n - 1)) <= v < (1 << (8 * n - 1))):
        n += 1
    return tlv(tag, v.to_bytes(n, 'big', signed=True))


def enc_uint(tag, v):
    n = max(1, (v.bit_length() + 8) // 8)
    return tlv(tag, v.to_bytes(n, 'big'))


def enc_oid(ids):
    out = bytearray()
    subs = [ids[0] * 40 + ids[1]] + list(ids[2:])
    for s in subs:
        chunk = [s & 0x7f]
        s >>= 7
        while s:
            chunk.insert(0, 0x80 | (s & 0x7f))
            s >>= 7
        out += bytes(chunk)
    return tlv(0x06, bytes(out))


def dec_tlv(data, pos):
    tag = data[pos]
    n = data[pos + 1]
    pos += 2
    if n & 0x80:
        k = n & 0x7f
        n = int.from_bytes(data[pos:pos + k], 'big')
        pos += k
    return tag, data[pos:pos + n], pos + n


def dec_int(content):
    return int.from_bytes(content, 'big', signed=True)


def dec_oid(content):
    ids = []
    v = 0
    for b in content:
        v = (v << 7) | (b & 0x7f)
        if not b & 0x80:
            ids.append(v)
            v = 0
    first = ids[0]
    return tuple([min(first // 40, 2), first - 40 * min(first // 40, 2)] + ids[1:])


def make_mib(mode):
    mib = {}
    for i in range(1, 8):
        mib[ROOT + (1, i, 0)] = tlv(0x04, ('value %d' % i).encode())
    if mode == 'types':
        mib[ROOT + (1, 8, 0)] = tlv(0x45, bytes([0x47, 0x00, 0x05, 0x80, 0xff]))
        mib[ROOT + (1, 9, 0)] = enc_uint(0x47, 4000000000)
        mib[ROOT + (1, 10, 0)] = tlv(0x45, b'')
        mib[ROOT + (1, 11, 0)] = enc_uint(0x47, 0)
    return mib


class Agent:
    def __init__(self, mode):
        self.mode = mode
        self.mib = make_mib(mode)
        self.keys = sorted(self.mib)

    def value(self, oid):
        if self.mode == 'endless' and oid[:len(ROOT) + 2] == ROOT + (2, 1):
            return enc_uint(0x41, oid[-1])
        return self.mib.get(oid)

    def next(self, oid):
        """(oid, encoded value) after @oid, or None at the end."""
        if self.mode == 'nonincr' and oid == ROOT + (1, 5, 0):
            return ROOT + (1, 4, 5), tlv(0x04, b'behind')
        if self.mode == 'nonincr' and oid == ROOT + (1, 4, 5):
            return ROOT + (1, 6, 0), self.mib[ROOT + (1, 6, 0)]
        if self.mode == 'endless':
            base = ROOT + (2, 1)
            if oid < base + (1,):
                nxt = base + (1, 1)
            elif oid[:len(base) + 1] == base + (1,):
                row = oid[len(base) + 1] if len(oid) > len(base) + 1 else 0
                nxt = base + (1, row + 1)
            else:
                nxt = None
            if nxt is not None:
                return nxt, self.value(nxt)
        for k in self.keys:
            if k > oid:
                return k, self.mib[k]
        return None

    def answer(self, data):
        if self.mode == 'silent':
            return None
        tag, msg, _ = dec_tlv(data, 0)
        if tag != 0x30:
            return None
        t, c, p = dec_tlv(msg, 0)
        version = dec_int(c)
        t, community, p = dec_tlv(msg, p)
        pdu_type, pdu, _ = dec_tlv(msg, p)
        t, c, q = dec_tlv(pdu, 0)
        reqid = dec_int(c)
        t, c, q = dec_tlv(pdu, q)
        f1 = dec_int(c)
        t, c, q = dec_tlv(pdu, q)
        f2 = dec_int(c)
        t, vbl, q = dec_tlv(pdu, q)
        names = []
        p = 0
        while p < len(vbl):
            t, vb, p = dec_tlv(vbl, p)
            t, c, _ = dec_tlv(vb, 0)
            names.append(dec_oid(c))

        status, index = 0, 0
        out = []
        if pdu_type == 0xa0:
            for i, n in enumerate(names):
                v = self.value(n)
                if v is None:
                    if version == 0:
                        status, index = 2, i + 1
                        break
                    v = tlv(0x80, b'')
                out.append((n, v))
        elif pdu_type == 0xa1:
            for i, n in enumerate(names):
                nv = self.next(n)
                if nv is None:
                    if version == 0:
                        status, index = 2, i + 1
                        break
                    nv = (n, tlv(0x82, b''))
                out.append(nv)
        elif pdu_type == 0xa5:
            nonrep, reps = max(f1, 0), max(f2, 0)
            for n in names[:nonrep]:
                nv = self.next(n)
                out.append(nv if nv else (n, tlv(0x82, b'')))
            cur = list(names[nonrep:])
            for r in range(reps):
                done = True
                for j, n in enumerate(cur):
                    nv = self.next(n)
                    if nv is None:
                        nv = (n, tlv(0x82, b''))
                    else:
                        done = False
                    out.append(nv)
                    cur[j] = nv[0]
                if done and self.mode != 'pad':
                    break
        else:
            return None
        if status:
            out = [(n, tlv(0x05, b'')) for n in names]
        if self.mode == 'errstat':
            status, index = 999, -1
        vbs = b''.join(tlv(0x30, enc_oid(n) + v) for n, v in out)
        body = (enc_int(0x02, reqid) + enc_int(0x02, status) +
                enc_int(0x02, index) + tlv(0x30, vbs))
        return tlv(0x30, enc_int(0x02, version) + tlv(0x04, community) +
                   tlv(0xa2, body))


def main():
    mode = sys.argv[1]
    parent = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    agent = Agent(mode)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(('127.0.0.1', 0))
    print(s.getsockname()[1], flush=True)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if parent:
            try:
                os.kill(parent, 0)
            except OSError:
                break
        r, _, _ = select.select([s], [], [], 0.5)
        if not r:
            continue
        data, peer = s.recvfrom(65535)
        try:
            reply = agent.answer(data)
        except (IndexError, ValueError):
            reply = None
        if reply is not None:
            if mode == 'trailing':
                reply += b'\x00\x00'
            s.sendto(reply, peer)


if __name__ == '__main__':
    main()
