#!/usr/bin/python3
# Checks the 3DES known-answer vector of tests/test-usm.c ("3des") with
# PySNMP 4.4's own Reeder 3DES-EDE privacy module (Debian 12's
# python3-pysnmp4; Debian's Net-SNMP has no 3DES).  Not run by the test
# suite: a record of how the vector was confirmed.
#
#   apt-get install python3-pysnmp4 && /usr/bin/python3 tests/vectors/pysnmp-3des.py
#
# PySNMP pads the plaintext with zero octets where gsnmp, like Net-SNMP,
# pads with the pad length, so only the full blocks before the padding
# compare equal; PySNMP also decrypts gsnmp's whole ciphertext.
from pysnmp.proto.secmod.rfc3414 import service  # noqa: F401 (PySNMP's import order)
from pysnmp.proto.secmod.eso.priv import des3
from pyasn1.type import univ

KEY = univ.OctetString(hexValue='a08616d94d4ce1a6d934961d52967348521fbf636abe49627bf7a23a700554bf')
PLAINTEXT = b'The quick brown fox jumps over the lazy dog'
GSNMP = bytes.fromhex('3c366bbbe2aac9cd7a9238a76d7ce7016fab5013cda702938b48dea1e29b8b09'
                      '2e07b28b5a9047342a12adeea95ba2da')

p = des3.Des3()
p._localInt = 0x0a0b0c0d      # the vector's salt: boots 7, local integer 0x0a0b0c0d
ct, salt = p.encryptData(KEY, (7, 0, None), PLAINTEXT)
full = len(PLAINTEXT) // 8 * 8
assert bytes(salt).hex() == '000000070a0b0c0d', bytes(salt).hex()
assert bytes(ct)[:full] == GSNMP[:full], bytes(ct).hex()
back = p.decryptData(KEY, (7, 0, salt), univ.OctetString(GSNMP))
assert bytes(back)[:len(PLAINTEXT)] == PLAINTEXT, bytes(back)
print('3DES vector confirmed by PySNMP')
