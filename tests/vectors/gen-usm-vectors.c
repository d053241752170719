/* gen-usm-vectors.c - print USM key, HMAC and cipher vectors with Net-SNMP
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Not part of the build: gsnmp never links Net-SNMP.  This program produced
 * the vectors in tests/test-usm.c with Debian 12's libsnmp-dev (5.9.3, built
 * with OpenSSL and --enable-blumenthal-aes):
 *
 *   cc -o /tmp/gen-usm-vectors tests/vectors/gen-usm-vectors.c \
 *      $(net-snmp-config --cflags) $(net-snmp-config --libs)
 *   /tmp/gen-usm-vectors > /tmp/netsnmp.txt
 *   python3 tests/vectors/usm-vectors.py > /tmp/python.txt
 *   diff /tmp/netsnmp.txt /tmp/python.txt    # only the 3des lines differ
 *
 * Net-SNMP here has no 3DES, so its 3DES ciphertext comes only from
 * usm-vectors.py (Python's hashlib and the cryptography package), which
 * recomputes every other line independently as well.
 *
 * Inputs: the RFC 3414 §A.3 passphrase "maplesyrup" for authentication,
 * "privsyrup99" for privacy, engine ID 000000000000000000000002, a 100-byte
 * message 00 01 .. 63 for the HMACs; ciphers use the privacy key derived
 * with SHA, engineBoots 7, engineTime 123456, the salt below and a 43-byte
 * plaintext.
 */
#include <net-snmp/net-snmp-config.h>
#include <net-snmp/net-snmp-includes.h>
#include <net-snmp/library/keytools.h>
#include <net-snmp/library/scapi.h>
#include <net-snmp/library/transform_oids.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const u_char engine_id[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 };

static const struct {
        const char *name;
        oid        *oid;
        int         mac_len;
} auths[] = {
        { "md5", usmHMACMD5AuthProtocol, 12 },
        { "sha", usmHMACSHA1AuthProtocol, 12 },
        { "sha224", usmHMAC128SHA224AuthProtocol, 16 },
        { "sha256", usmHMAC192SHA256AuthProtocol, 24 },
        { "sha384", usmHMAC256SHA384AuthProtocol, 32 },
        { "sha512", usmHMAC384SHA512AuthProtocol, 48 },
};

static const struct {
        const char *name;
        int         type;
        int         key_len;
} privs[] = {
        { "des", USM_CREATE_USER_PRIV_DES, 16 },
        { "aes", USM_CREATE_USER_PRIV_AES, 16 },
        { "aes192", USM_CREATE_USER_PRIV_AES192, 24 },
        { "aes256", USM_CREATE_USER_PRIV_AES256, 32 },
        { "aes192c", USM_CREATE_USER_PRIV_AES192_CISCO, 24 },
        { "aes256c", USM_CREATE_USER_PRIV_AES256_CISCO, 32 },
};

static void
print_hex (const char *label, const u_char *p, size_t n)
{
        size_t i;

        printf ("%s ", label);
        for (i = 0; i < n; i++)
                printf ("%02x", p[i]);
        printf ("\n");
}

/* Ku, then Kul, of @pass with auth protocol @a; returns Kul's length. */
static size_t
make_kul (int a, const char *pass, u_char *ku, size_t *ku_len, u_char *kul)
{
        size_t kul_len = 64;

        *ku_len = 64;
        if (generate_Ku (auths[a].oid, 10, (const u_char *) pass, strlen (pass),
                         ku, ku_len) != SNMPERR_SUCCESS ||
            generate_kul (auths[a].oid, 10, engine_id, sizeof engine_id,
                          ku, *ku_len, kul, &kul_len) != SNMPERR_SUCCESS) {
                fprintf (stderr, "key generation failed\n");
                exit (1);
        }
        return kul_len;
}

/* The privacy key: Kul extended as Net-SNMP's usm_extend_user_kul does. */
static size_t
make_priv_key (int a, int p, u_char **key)
{
        u_char ku[64];
        size_t ku_len, len;

        *key = malloc (128);
        len = make_kul (a, "privsyrup99", ku, &ku_len, *key);
        if (netsnmp_extend_kul (privs[p].key_len, auths[a].oid, 10, privs[p].type,
                                (u_char *) engine_id, sizeof engine_id,
                                key, &len, 128) != SNMPERR_SUCCESS) {
                fprintf (stderr, "key extension failed\n");
                exit (1);
        }
        return len;
}

int
main (void)
{
        u_char ku[64], kul[64], msg[100], mac[64];
        static const u_char plaintext[] = "The quick brown fox jumps over the lazy dog";
        static const u_char aes_salt[8] = { 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08 };
        static const u_char des_salt[8] = { 0x00, 0x00, 0x00, 0x07, 0x0a, 0x0b, 0x0c, 0x0d };
        size_t ku_len, kul_len, mac_len, i;
        char label[64];
        int a, p;

        init_snmp ("gen-usm-vectors");
        for (i = 0; i < sizeof msg; i++)
                msg[i] = i;

        for (a = 0; a < 6; a++) {
                kul_len = make_kul (a, "maplesyrup", ku, &ku_len, kul);
                snprintf (label, sizeof label, "ku %s", auths[a].name);
                print_hex (label, ku, ku_len);
                snprintf (label, sizeof label, "kul %s", auths[a].name);
                print_hex (label, kul, kul_len);

                mac_len = auths[a].mac_len;
                if (sc_generate_keyed_hash (auths[a].oid, 10, kul, kul_len,
                                            msg, sizeof msg, mac, &mac_len) != SNMPERR_SUCCESS ||
                    mac_len != (size_t) auths[a].mac_len) {
                        fprintf (stderr, "HMAC failed\n");
                        return 1;
                }
                snprintf (label, sizeof label, "hmac %s", auths[a].name);
                print_hex (label, mac, mac_len);
        }

        for (a = 0; a < 6; a++) {
                for (p = 0; p < 6; p++) {
                        u_char *key;
                        size_t len = make_priv_key (a, p, &key);

                        if (len < (size_t) privs[p].key_len) {
                                fprintf (stderr, "short key\n");
                                return 1;
                        }
                        snprintf (label, sizeof label, "priv %s %s", auths[a].name, privs[p].name);
                        print_hex (label, key, privs[p].key_len);
                        free (key);
                }
        }

        /* Ciphers, with the privacy keys derived with SHA. */
        for (p = 0; p < 6; p++) {
                u_char *key, iv[16], ct[64];
                size_t len = make_priv_key (1, p, &key), ct_len = sizeof ct, iv_len;
                oid *priv_oid;
                int oid_len;

                switch (privs[p].type) {
                case USM_CREATE_USER_PRIV_DES: priv_oid = usmDESPrivProtocol; oid_len = 10; break;
                case USM_CREATE_USER_PRIV_AES: priv_oid = usmAESPrivProtocol; oid_len = 10; break;
                case USM_CREATE_USER_PRIV_AES192: priv_oid = usmAES192PrivProtocol; oid_len = 9; break;
                case USM_CREATE_USER_PRIV_AES256: priv_oid = usmAES256PrivProtocol; oid_len = 9; break;
                case USM_CREATE_USER_PRIV_AES192_CISCO: priv_oid = usmAES192CiscoPrivProtocol; oid_len = 11; break;
                default: priv_oid = usmAES256CiscoPrivProtocol; oid_len = 11; break;
                }

                if (privs[p].type == USM_CREATE_USER_PRIV_DES) {
                        /* RFC 3414 §8.1.1.1: IV = salt XOR pre-IV. */
                        for (i = 0; i < 8; i++)
                                iv[i] = des_salt[i] ^ key[8 + i];
                        iv_len = 8;
                } else {
                        /* RFC 3826 §3.1.2.1: IV = boots || time || salt. */
                        static const u_char boots_time[8] = { 0, 0, 0, 7, 0, 0x01, 0xe2, 0x40 };
                        memcpy (iv, boots_time, 8);
                        memcpy (iv + 8, aes_salt, 8);
                        iv_len = 16;
                }
                if (sc_encrypt (priv_oid, oid_len, key, len, iv, iv_len,
                                plaintext, sizeof plaintext - 1, ct, &ct_len) != SNMPERR_SUCCESS) {
                        fprintf (stderr, "encryption failed\n");
                        return 1;
                }
                snprintf (label, sizeof label, "enc %s", privs[p].name);
                print_hex (label, ct, ct_len);
                free (key);
        }

        return 0;
}
