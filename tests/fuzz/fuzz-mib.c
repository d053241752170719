/* fuzz-mib.c - libFuzzer target for the MIB module parser and store
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Parses arbitrary bytes as an SMI module, links it into a store that has
 * the bundled modules on its search path (GSNMP_MIBS_DIR, or the source
 * tree's mibs/ next to this file), then names, describes and prints values
 * for every OID the module defined.
 */
#include "config.h"

#include "gsnmp-mib.h"
#include "gsnmp-mib-private.h"
#include "gsnmp-varbind.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
        g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
        if (g_getenv ("GSNMP_MIBS_DIR") == NULL)
                g_setenv ("GSNMP_MIBS_DIR", GSNMP_FUZZ_MIBS_DIR, TRUE);
        return 0;
}

static void
exercise (GsnmpMib   *mib,
          const char *name)
{
        g_autoptr(GsnmpOid) oid = gsnmp_mib_parse_oid (mib, name, NULL);
        static const guint8 bytes[] = { 0x07, 0xea, 12, 2, 9, 30, 15, 0, '+', 1, 0, 0xff };
        guint32 ids[GSNMP_OID_MAX_LENGTH];
        g_autoptr(GsnmpOid) instance = NULL;
        g_autoptr(GsnmpVarbind) vb1 = NULL;
        g_autoptr(GsnmpVarbind) vb2 = NULL;
        g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;
        const guint32 *src;
        gsize n, i;

        if (oid == NULL)
                return;
        src = gsnmp_oid_get_ids (oid, &n);
        if (n + 4 > GSNMP_OID_MAX_LENGTH)
                return;
        for (i = 0; i < n; i++)
                ids[i] = src[i];
        ids[n] = 3; ids[n + 1] = 1; ids[n + 2] = 65; ids[n + 3] = 66;
        instance = gsnmp_oid_new (ids, n + 4);
        vb1 = gsnmp_varbind_new_octet_string (instance, bytes, sizeof bytes);
        vb2 = gsnmp_varbind_new_integer (instance, 2);
        a = gsnmp_mib_format_oid (mib, instance, 0);
        b = gsnmp_mib_format_oid (mib, instance, GSNMP_FORMAT_EXTENDED_INDEX);
        c = gsnmp_mib_format_varbind (mib, vb1, 0);
        d = gsnmp_mib_format_varbind (mib, vb2, GSNMP_FORMAT_OID_FULL);
        e = gsnmp_mib_describe (mib, oid);
        f = gsnmp_mib_format_tree (mib, oid);
        if (a != NULL) {
                g_autoptr(GsnmpOid) back = gsnmp_mib_parse_oid (mib, a, NULL);
        }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
        g_autoptr(GsnmpMib) mib = gsnmp_mib_new ();
        g_autoptr(GError) error = NULL;
        g_autofree char *name = gsnmp_mib_read_module_name ((const char *) data, size);
        g_auto(GStrv) modules = NULL;

        gsnmp_mib_load_text (mib, (const char *) data, size, &error);
        modules = gsnmp_mib_get_modules (mib);
        if (name != NULL) {
                /* every label of the input module */
                const char *p = (const char *) data, *end = p + size;

                while (p < end) {
                        const char *s = p;

                        while (p < end && (g_ascii_isalnum (*p) || *p == '-'))
                                p++;
                        if (p > s && p - s < 64 && g_ascii_islower (*s)) {
                                g_autofree char *label = g_strndup (s, p - s);
                                g_autofree char *qualified = g_strdup_printf ("%s::%s.1", name, label);

                                exercise (mib, label);
                                exercise (mib, qualified);
                        }
                        if (p == s)
                                p++;
                }
        }
        return 0;
}
