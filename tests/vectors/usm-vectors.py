#!/usr/bin/env python3
# usm-vectors.py - USM key, HMAC and cipher vectors from Python's hashlib
# and the cryptography package, independently of gsnmp and of Net-SNMP
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Prints the same lines as gen-usm-vectors.c (see there for the inputs) plus
# the 3DES ones, which Debian's Net-SNMP cannot make.  Not run by the test
# suite: tests/test-usm.c holds its output.  Written from RFC 3414 §A.2 and
# §2.6, RFC 3826 §3.1.2.1, RFC 7860, draft-blumenthal-aes-usm-04 §3.1.2.1 and
# draft-reeder-snmpv3-usm-3desede-00 §2.1 and §5.1.1.

import hashlib
import hmac

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
try:
    from cryptography.hazmat.decrepit.ciphers.modes import CFB
except ImportError:
    CFB = modes.CFB

ENGINE_ID = bytes.fromhex('000000000000000000000002')
AUTHS = [('md5', 'md5', 12), ('sha', 'sha1', 12), ('sha224', 'sha224', 16),
         ('sha256', 'sha256', 24), ('sha384', 'sha384', 32), ('sha512', 'sha512', 48)]
PRIVS = [('des', 16, None), ('aes', 16, None), ('aes192', 24, 'blumenthal'),
         ('aes256', 32, 'blumenthal'), ('aes192c', 24, 'reeder'),
         ('aes256c', 32, 'reeder'), ('3des', 32, 'reeder')]


def password_to_key(h, passphrase):
    stream = (passphrase * (1048576 // len(passphrase) + 1))[:1048576]
    return hashlib.new(h, stream).digest()


def localize(h, ku):
    return hashlib.new(h, ku + ENGINE_ID + ku).digest()


def priv_key(h, passphrase, need, ext):
    key = localize(h, password_to_key(h, passphrase))
    while len(key) < need:
        if ext == 'blumenthal':
            key += hashlib.new(h, key).digest()
        else:
            key += localize(h, password_to_key(h, key))
    return key[:need]


def main():
    msg = bytes(range(100))
    for name, h, mac_len in AUTHS:
        ku = password_to_key(h, b'maplesyrup')
        kul = localize(h, ku)
        print('ku', name, ku.hex())
        print('kul', name, kul.hex())
        print('hmac', name, hmac.new(kul, msg, h).digest()[:mac_len].hex())

    for name, h, _ in AUTHS:
        for pname, need, ext in PRIVS:
            print('priv', name, pname, priv_key(h, b'privsyrup99', need, ext).hex())

    plaintext = b'The quick brown fox jumps over the lazy dog'
    boots_time = bytes.fromhex('00000007' '0001e240')
    aes_salt = bytes.fromhex('0102030405060708')
    des_salt = bytes.fromhex('000000070a0b0c0d')
    for pname, need, ext in PRIVS:
        key = priv_key('sha1', b'privsyrup99', need, ext)
        if pname in ('des', '3des'):
            klen = 8 if pname == 'des' else 24
            iv = bytes(a ^ b for a, b in zip(des_salt, key[klen:klen + 8]))
            pad = -len(plaintext) % 8
            data = plaintext + bytes([pad]) * pad
            # TripleDES with K1 = K2 = K3 is single DES.
            des_key = key[:8] * 3 if pname == 'des' else key[:24]
            enc = Cipher(TripleDES(des_key), modes.CBC(iv)).encryptor()
        else:
            enc = Cipher(algorithms.AES(key), CFB(boots_time + aes_salt)).encryptor()
            data = plaintext
        print('enc', pname, (enc.update(data) + enc.finalize()).hex())


main()
