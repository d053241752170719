/* gsnmp-mib-format.c - GsnmpMib: names for OIDs and values printed as Net-SNMP does
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The printing follows Net-SNMP 5.9's snmplib/mib.c: _get_realloc_symbol()
 * for OIDs and table indexes, netsnmp_sprint_realloc_objid_tree() for the
 * -Os/-OS/-Of/-On/-Ou forms, the sprint_realloc_*() printers for values with
 * their enumerations, DISPLAY-HINTs and units; the parsing follows
 * read_objid(), get_node() and _add_strings_to_oid().
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "gsnmp-mib.h"
#include "gsnmp-mib-private.h"
#include "gsnmp-varbind-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"


static void
append_uint (GString *out,
             guint32  v)
{
        char buf[11];
        int len = 0;

        do {
                buf[sizeof buf - 1 - len++] = (char) ('0' + v % 10);
                v /= 10;
        } while (v != 0);
        g_string_append_len (out, buf + sizeof buf - len, len);
}

/* "%lx" / "%lu", without printf: the hot path of hinted strings */
static void
append_ulong (GString *out,
              gulong   v,
              guint    base)
{
        static const char digits[] = "0123456789abcdef";
        char buf[24];
        int len = 0;

        do {
                buf[sizeof buf - 1 - len++] = digits[v % base];
                v /= base;
        } while (v != 0);
        g_string_append_len (out, buf + sizeof buf - len, len);
}

static void
append_long (GString *out,
             gint64   v)
{
        if (v < 0) {
                g_string_append_c (out, '-');
                append_ulong (out, (gulong) (-(v + 1)) + 1, 10);
        } else {
                append_ulong (out, (gulong) v, 10);
        }
}

static void
append_dotted4 (GString       *out,
                const guint32 *ids)
{
        int i;

        for (i = 0; i < 4; i++) {
                if (i > 0)
                        g_string_append_c (out, '.');
                append_uint (out, ids[i]);
        }
}

static gboolean
is_print (guint32 c)
{
        return c >= 0x20 && c <= 0x7e;
}

/* mib.c:dump_realloc_oid_to_string() */
static void
append_oid_string (GString        *out,
                   const guint32  *ids,
                   gsize           n,
                   char            quote,
                   GsnmpFormatFlags flags)
{
        gsize i;

        if (n == 0)
                return;
        if (flags & GSNMP_FORMAT_ESCAPE_QUOTES)
                g_string_append_c (out, '\\');
        g_string_append_c (out, quote);
        for (i = 0; i < n; i++)
                g_string_append_c (out, ids[i] > 254 || !is_print (ids[i]) ? '.' : (char) ids[i]);
        if (flags & GSNMP_FORMAT_ESCAPE_QUOTES)
                g_string_append_c (out, '\\');
        g_string_append_c (out, quote);
}

static MibDef *
index_def (GsnmpMib   *mib,
           const char *label)
{
        MibNode *node = gsnmp_mib_find_label (mib, NULL, label);

        return node != NULL ? node->def : NULL;
}

static const char * const *
node_indexes (GsnmpMib *mib,
              MibNode  *node,
              gboolean *implied)
{
        MibDef *def = node->def;

        if (def == NULL)
                return NULL;
        if (def->index != NULL) {
                *implied = def->implied;
                return def->index;
        }
        if (def->augments != NULL) {
                MibDef *other = index_def (mib, def->augments);

                if (other != NULL && other->index != NULL) {
                        *implied = other->implied;
                        return other->index;
                }
        }
        return NULL;
}

static void append_symbol (GsnmpMib        *mib,
                           GString         *out,
                           const guint32   *ids,
                           gsize            n,
                           GsnmpFormatFlags flags,
                           MibNode        **subtree,
                           gssize          *end_of_known);

static void format_oid_into (GsnmpMib        *mib,
                             GString         *out,
                             const guint32   *ids,
                             gsize            n,
                             GsnmpFormatFlags flags,
                             MibNode        **subtree);

static void append_octet_string_hinted (GString         *out,
                                        const guint8    *data,
                                        gsize            length,
                                        const char      *hint,
                                        GsnmpFormatFlags flags);

/* mib.c:_oid_finish_printing() */
static void
finish_printing (GString       *out,
                 const guint32 *ids,
                 gsize          n)
{
        gsize i;

        if (out->len > 0 && out->str[out->len - 1] != '.')
                g_string_append_c (out, '.');
        for (i = 0; i < n; i++) {
                append_uint (out, ids[i]);
                g_string_append_c (out, '.');
        }
        if (out->len > 0)
                g_string_truncate (out, out->len - 1);
}

static const char *
def_tc (MibDef *def)
{
        return def != NULL ? def->type_name : NULL;
}

/* The index part, after the column; mib.c:_get_realloc_symbol()'s loop */
static void
append_indexes (GsnmpMib          *mib,
                GString           *out,
                const guint32     *ids,
                gsize              n,
                const char * const *indexes,
                gboolean           implied_last,
                GsnmpFormatFlags   flags)
{
        gboolean extended = (flags & GSNMP_FORMAT_EXTENDED_INDEX) != 0;
        guint k;

        for (k = 0; indexes[k] != NULL && n > 0; k++) {
                gboolean implied = implied_last && indexes[k + 1] == NULL;
                MibNode *tnode = gsnmp_mib_find_label (mib, NULL, indexes[k]);
                MibDef *tp = tnode != NULL ? tnode->def : NULL;
                gsize numids, i;

                if (tp == NULL)
                        break;
                if (extended) {
                        if (out->len > 0 && out->str[out->len - 1] == '.')
                                g_string_truncate (out, out->len - 1);
                        g_string_append_c (out, '[');
                }

                switch (tp->type) {
                case MIB_TYPE_OCTETSTR:
                        if (extended && tp->hint != NULL) {
                                guint8 bytes[GSNMP_OID_MAX_LENGTH];

                                if (implied) {
                                        numids = n;
                                } else if (tp->fixed_size >= 0) {
                                        numids = tp->fixed_size;
                                        if (numids > n)
                                                goto finish;
                                } else {
                                        numids = ids[0];
                                        if (numids >= n)
                                                goto finish;
                                        ids++;
                                        n--;
                                }
                                for (i = 0; i < numids; i++)
                                        bytes[i] = (guint8) ids[i];
                                if (!(flags & (GSNMP_FORMAT_QUICK | GSNMP_FORMAT_QUICK_EQUALS)))
                                        g_string_append (out, "STRING: ");
                                append_octet_string_hinted (out, bytes, numids, tp->hint, flags);
                        } else if (implied) {
                                numids = n;
                                append_oid_string (out, ids, numids, '\'', flags);
                        } else if (tp->fixed_size >= 0) {
                                numids = tp->fixed_size;
                                if (numids > n)
                                        goto finish;
                                append_oid_string (out, ids, numids, '\'', flags);
                        } else {
                                numids = (gsize) ids[0] + 1;
                                if (ids[0] >= n || numids > n)
                                        goto finish;
                                if (numids == 1) {
                                        if (flags & GSNMP_FORMAT_ESCAPE_QUOTES)
                                                g_string_append_c (out, '\\');
                                        g_string_append_c (out, '"');
                                        if (flags & GSNMP_FORMAT_ESCAPE_QUOTES)
                                                g_string_append_c (out, '\\');
                                        g_string_append_c (out, '"');
                                } else {
                                        gboolean normal = TRUE;
                                        MibNode *prev = tnode->parent != NULL
                                                ? gsnmp_mib_node_child (tnode->parent, tnode->subid - 1) : NULL;

                                        /* An InetAddress after its InetAddressType */
                                        if (tnode->subid > 0 && prev != NULL &&
                                            g_strcmp0 (def_tc (tp), "InetAddress") == 0 &&
                                            g_strcmp0 (def_tc (prev->def), "InetAddressType") == 0) {
                                                guint32 addr_type = ids[-1];
                                                const guint32 *a = ids + 1;
                                                gsize alen = numids - 1;
                                                gboolean small = TRUE;

                                                for (i = 0; i < alen; i++)
                                                        if (a[i] > 255)
                                                                small = FALSE;
                                                if (small && addr_type == 1 && alen == 4) {
                                                        g_string_append_printf (out, "\"%u.%u.%u.%u\"",
                                                                                a[0], a[1], a[2], a[3]);
                                                        normal = FALSE;
                                                } else if (small && addr_type == 2 && alen == 16) {
                                                        g_string_append_c (out, '"');
                                                        for (i = 0; i < 16; i++)
                                                                g_string_append_printf (out, "%s%02x", i ? ":" : "", a[i]);
                                                        g_string_append_c (out, '"');
                                                        normal = FALSE;
                                                }
                                        }
                                        if (normal)
                                                append_oid_string (out, ids + 1, numids - 1, '"', flags);
                                }
                        }
                        ids += numids;
                        n -= numids;
                        break;

                case MIB_TYPE_INTEGER32:
                case MIB_TYPE_UINTEGER:
                case MIB_TYPE_UNSIGNED32:
                case MIB_TYPE_GAUGE:
                case MIB_TYPE_INTEGER: {
                        const char *label = NULL;

                        if (tp->enums != NULL) {
                                for (i = 0; i < tp->enums->len; i++) {
                                        MibEnum *e = &g_array_index (tp->enums, MibEnum, i);

                                        if ((int) e->value == (int) ids[0]) {
                                                label = e->label;
                                                break;
                                        }
                                }
                        }
                        if (label != NULL)
                                g_string_append (out, label);
                        else
                                append_uint (out, ids[0]);
                        ids++;
                        n--;
                        break;
                }

                case MIB_TYPE_TIMETICKS:
                        if (extended) {
                                g_autoptr(GString) t = g_string_new (NULL);

                                gsnmp_varbind_append_uptime (t, ids[0], TRUE);
                                /* uptimeString(): "D:HH:MM:SS.cc" is quick; the full form */
                                g_string_truncate (t, 0);
                                gsnmp_varbind_append_uptime (t, ids[0], FALSE);
                                {
                                        const char *p = strchr (t->str, ')');

                                        g_string_append (out, p != NULL ? p + 2 : t->str);
                                }
                        } else {
                                append_uint (out, ids[0]);
                        }
                        ids++;
                        n--;
                        break;

                case MIB_TYPE_OBJID:
                        numids = implied ? n : (gsize) ids[0] + 1;
                        if (!implied && ids[0] >= n)
                                goto finish;
                        if (numids > n)
                                goto finish;
                        if (extended) {
                                if (implied)
                                        format_oid_into (mib, out, ids, numids, flags, NULL);
                                else
                                        format_oid_into (mib, out, ids + 1, numids - 1, flags, NULL);
                        } else {
                                /* _get_realloc_symbol() without a tree: the numbers */
                                finish_printing (out, ids, numids);
                        }
                        ids += numids;
                        n -= numids;
                        break;

                case MIB_TYPE_IPADDR:
                        if (n < 4)
                                goto finish;
                        append_dotted4 (out, ids);
                        ids += 4;
                        n -= 4;
                        break;

                case MIB_TYPE_NETADDR: {
                        guint32 ntype = ids[0];

                        ids++;
                        n--;
                        append_uint (out, ntype);
                        g_string_append_c (out, '.');
                        if (ntype == 1 && n >= 4) {
                                g_string_append_printf (out, "%u.%u.%u.%u", ids[0], ids[1], ids[2], ids[3]);
                                ids += 4;
                                n -= 4;
                        } else {
                                goto finish;
                        }
                        break;
                }

                default:
                        goto finish;
                }

                g_string_append_c (out, extended ? ']' : '.');
        }

finish:
        finish_printing (out, ids, n);
}

/* mib.c:_get_realloc_symbol() from the root */
static void
append_symbol (GsnmpMib        *mib,
               GString         *out,
               const guint32   *ids,
               gsize            n,
               GsnmpFormatFlags flags,
               MibNode        **subtree,
               gssize          *end_of_known)
{
        MibNode *node = gsnmp_mib_root (mib);
        const char * const *indexes = NULL;
        gboolean implied = FALSE;
        gboolean numeric = (flags & GSNMP_FORMAT_OID_NUMERIC) != 0;
        gboolean have_list = TRUE;      /* "orgtree" */

        if (subtree != NULL)
                *subtree = NULL;
        while (n > 0) {
                MibNode *child = gsnmp_mib_node_child (node, ids[0]);
                const char * const *idx;

                if (child == NULL)
                        break;
                idx = node_indexes (mib, child, &implied);
                if (idx != NULL)
                        indexes = idx;
                if (child->label == NULL || numeric)
                        append_uint (out, child->subid);
                else
                        g_string_append (out, child->label);
                if (subtree != NULL)
                        *subtree = child;
                ids++;
                n--;
                if (n == 0)
                        return;
                g_string_append_c (out, '.');
                node = child;
                have_list = node->child != NULL;
        }

        if (end_of_known != NULL)
                *end_of_known = out->len;

        if (have_list && indexes != NULL && n > 0) {
                append_uint (out, ids[0]);
                g_string_append_c (out, '.');
                ids++;
                n--;
        }
        if (indexes != NULL && n > 0 && !numeric && !(flags & GSNMP_FORMAT_NO_INDEX_BREAKDOWN)) {
                append_indexes (mib, out, ids, n, indexes, implied, flags);
                return;
        }
        finish_printing (out, ids, n);
}

static const char * const ucd_prefixes[] = {
        ".iso.org.dod.internet.mgmt.mib-2",
        ".iso.org.dod.internet.experimental",
        ".iso.org.dod.internet.private",
        ".iso.org.dod.internet.snmpParties",
        ".iso.org.dod.internet.snmpSecrets",
};

/* A scratch buffer per thread for format_oid_into(), which runs once or
 * twice per varbind of a walk; a nested call (an OID index printed with
 * -OX) gets its own. */
static void
free_scratch (gpointer data)
{
        g_string_free (data, TRUE);
}

static GPrivate scratch_key = G_PRIVATE_INIT (free_scratch);
static GPrivate scratch_busy_key;

/* netsnmp_sprint_realloc_objid_tree() */
static void
format_oid_into (GsnmpMib        *mib,
                 GString         *out,
                 const guint32   *ids,
                 gsize            n,
                 GsnmpFormatFlags flags,
                 MibNode        **subtree_out)
{
        g_autoptr(GString) own = NULL;
        GString *tbuf;
        gboolean nested = g_private_get (&scratch_busy_key) != NULL;
        MibNode *subtree = NULL;
        gssize midpoint = 0;
        gssize cp;
        guint i;

        if (nested) {
                tbuf = own = g_string_sized_new (128);
        } else {
                tbuf = g_private_get (&scratch_key);
                if (tbuf == NULL) {
                        tbuf = g_string_sized_new (256);
                        g_private_set (&scratch_key, tbuf);
                }
                g_string_truncate (tbuf, 0);
                g_private_set (&scratch_busy_key, GINT_TO_POINTER (1));
        }
        g_string_append_c (tbuf, '.');
        append_symbol (mib, tbuf, ids, n, flags, &subtree, &midpoint);
        if (!nested)
                g_private_set (&scratch_busy_key, NULL);
        if (subtree_out != NULL)
                *subtree_out = subtree;

        if (flags & (GSNMP_FORMAT_OID_NUMERIC | GSNMP_FORMAT_OID_FULL)) {
                g_string_append_len (out, tbuf->str, tbuf->len);
                return;
        }
        if (flags & GSNMP_FORMAT_OID_UCD) {
                for (i = 0; i < G_N_ELEMENTS (ucd_prefixes); i++) {
                        gsize ilen = strlen (ucd_prefixes[i]);

                        if (tbuf->len > ilen && memcmp (tbuf->str, ucd_prefixes[i], ilen) == 0) {
                                g_string_append (out, tbuf->str + ilen + 1);
                                return;
                        }
                }
                g_string_append_len (out, tbuf->str, tbuf->len);
                return;
        }

        if (midpoint != 0) {
                cp = midpoint - 2;
        } else {
                cp = (gssize) tbuf->len;
                while (cp >= 0) {
                        if (g_ascii_isalpha (tbuf->str[cp]))
                                break;
                        cp--;
                }
        }
        while (cp >= 0) {
                if (tbuf->str[cp] == '.')
                        break;
                cp--;
        }
        cp++;
        if (!(flags & GSNMP_FORMAT_OID_SUFFIX) && cp > 0 &&
            subtree != NULL && subtree->module != NULL) {
                g_string_append (out, subtree->module->name);
                g_string_append (out, "::");
        }
        g_string_append (out, tbuf->str + cp);
}

/**
 * gsnmp_mib_format_oid:
 * @mib: a store
 * @oid: an OID
 * @flags: the OID form: none for Net-SNMP's default `MODULE::name.index`,
 *   %GSNMP_FORMAT_OID_SUFFIX, %GSNMP_FORMAT_OID_FULL,
 *   %GSNMP_FORMAT_OID_NUMERIC or %GSNMP_FORMAT_OID_UCD, with
 *   %GSNMP_FORMAT_NO_INDEX_BREAKDOWN, %GSNMP_FORMAT_EXTENDED_INDEX and
 *   %GSNMP_FORMAT_ESCAPE_QUOTES for the index
 *
 * Names @oid as Net-SNMP's tools print it with the same modules loaded:
 * `SNMPv2-MIB::sysDescr.0`, `IF-MIB::ifDescr.2`,
 * `SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3."alice"`, or
 * `SNMPv2-SMI::enterprises.8072.3.2.10` for what no loaded module
 * defines.  Table indexes are broken down by the types of the INDEX
 * objects: strings in quotes, IP addresses dotted, enumerations by label.
 *
 * Returns: (transfer full): the name
 *
 * Since: 0.1
 */
char *
gsnmp_mib_format_oid (GsnmpMib        *mib,
                      const GsnmpOid  *oid,
                      GsnmpFormatFlags flags)
{
        GString *out;
        const guint32 *ids;
        gsize n;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), NULL);
        g_return_val_if_fail (oid != NULL, NULL);

        ids = gsnmp_oid_get_ids (oid, &n);
        out = g_string_sized_new (64);
        gsnmp_mib_read_lock (mib);
        format_oid_into (mib, out, ids, n, flags, NULL);
        gsnmp_mib_read_unlock (mib);
        return g_string_free (out, FALSE);
}

/*****************************************************************************/
/* Values */

/* mib.c:sprint_realloc_asciistring() */
static void
append_ascii (GString      *out,
              const guint8 *data,
              gsize         length)
{
        gsize i;

        for (i = 0; i < length; i++) {
                if ((data[i] >= 0x20 && data[i] <= 0x7e) || (data[i] >= '\t' && data[i] <= '\r')) {
                        if (data[i] == '\\' || data[i] == '"')
                                g_string_append_c (out, '\\');
                        g_string_append_c (out, (char) data[i]);
                } else {
                        g_string_append_c (out, '.');
                }
        }
}

/* The DISPLAY-HINT part of sprint_realloc_octet_string() (5.9.3) */
static void
append_octet_string_hinted (GString         *out,
                            const guint8    *data,
                            gsize            length,
                            const char      *hint,
                            GsnmpFormatFlags flags)
{
        const guint8 *cp = data, *ecp = data + length;
        const char *h = hint;
        int repeat, width = 1;
        char code = 'd', separ = 0, term = 0, ch;
        gsize saved = out->len;

        while (cp < ecp) {
                repeat = 1;
                if (*h) {
                        if (*h == '*') {
                                repeat = *cp++;
                                h++;
                        }
                        width = 0;
                        while ('0' <= *h && *h <= '9')
                                width = (width * 10) + (*h++ - '0');
                        code = *h;
                        if (*h)
                                h++;
                        if ((ch = *h) && ch != '*' && (ch < '0' || ch > '9') &&
                            (width != 0 || (ch != 'x' && ch != 'd' && ch != 'o')))
                                separ = *h++;
                        else
                                separ = 0;
                        if ((ch = *h) && ch != '*' && (ch < '0' || ch > '9') &&
                            (width != 0 || (ch != 'x' && ch != 'd' && ch != 'o')))
                                term = *h++;
                        else
                                term = 0;
                        if (width == 0)
                                width = 1;
                }

                while (repeat && cp < ecp) {
                        gulong value = 0;
                        int x;

                        if (code != 'a' && code != 't') {
                                /* Net-SNMP reads past the end here; we stop */
                                for (x = 0; x < width && cp < ecp; x++)
                                        value = value * 256 + *cp++;
                        }
                        switch (code) {
                        case 'x':
                                if (value < 16 && width == 1 &&
                                    ((flags & GSNMP_FORMAT_TWO_DIGIT_HEX) || (separ == 0 && *h == 0)))
                                        g_string_append_c (out, '0');
                                append_ulong (out, value, 16);
                                break;
                        case 'd':
                                append_ulong (out, value, 10);
                                break;
                        case 'o':
                                append_ulong (out, value, 8);
                                break;
                        case 't':
                        case 'a': {
                                gsize cnt = MIN ((gsize) width, (gsize) (ecp - cp));

                                if (memchr (cp, '\0', cnt) == NULL)
                                        g_string_append_len (out, (const char *) cp, cnt);
                                else
                                        append_ascii (out, cp, cnt);
                                cp += cnt;
                                break;
                        }
                        default:
                                g_string_truncate (out, saved);
                                g_string_append_printf (out, "(Bad hint ignored: %s) ", hint);
                                gsnmp_varbind_append_octet_string (out, data, length, FALSE);
                                return;
                        }
                        if (cp < ecp && separ)
                                g_string_append_c (out, separ);
                        repeat--;
                }
                if (term && cp < ecp)
                        g_string_append_c (out, term);
        }
}

/* mib.c:sprint_realloc_hinted_integer() */
static void
append_hinted_integer (GString    *out,
                       long        val,
                       char        decimaltype,
                       const char *hint)
{
        char tmp[256];
        int shift = 0, len, negative = 0;

        if (hint[0] == 'd') {
                if (hint[1] == '-')
                        shift = atoi (hint + 2);
                if (val < 0) {
                        negative = 1;
                        val = -val;
                }
                if (decimaltype == 'u')
                        g_snprintf (tmp, sizeof tmp, "%lu", (unsigned long) val);
                else
                        g_snprintf (tmp, sizeof tmp, "%ld", val);
        } else if (hint[0] == 'b') {
                unsigned long bit = 0x80000000LU;
                char *bp = tmp;

                while (bit) {
                        *bp++ = val & bit ? '1' : '0';
                        bit >>= 1;
                }
                *bp = 0;
        } else if (hint[0] == 'x') {
                g_snprintf (tmp, sizeof tmp, "%lx", val);
        } else if (hint[0] == 'o') {
                g_snprintf (tmp, sizeof tmp, "%lo", val);
        } else {
                g_snprintf (tmp, sizeof tmp, "%ld", val);
        }
        if (shift < 0 || shift > 200)
                shift = 0;
        if (shift != 0) {
                len = strlen (tmp);
                if (shift <= len) {
                        tmp[len + 1] = 0;
                        while (shift--) {
                                tmp[len] = tmp[len - 1];
                                len--;
                        }
                        tmp[len] = '.';
                } else {
                        tmp[shift + 1] = 0;
                        while (shift) {
                                if (len-- > 0)
                                        tmp[shift] = tmp[len];
                                else
                                        tmp[shift] = '0';
                                shift--;
                        }
                        tmp[0] = '.';
                }
        }
        if (negative)
                g_string_append_c (out, '-');
        g_string_append (out, tmp);
}

static void
append_units (GString    *out,
              const char *units)
{
        if (units != NULL) {
                g_string_append_c (out, ' ');
                g_string_append (out, units);
        }
}

static const char *
enum_label (GArray *enums,
            gint64  value)
{
        guint i;

        if (enums == NULL)
                return NULL;
        for (i = 0; i < enums->len; i++) {
                MibEnum *e = &g_array_index (enums, MibEnum, i);

                if (e->value == value)
                        return e->label;
        }
        return NULL;
}

/* sprint_realloc_by_type() without MIB information, with the -Ot -Ox -Oa
 * options Net-SNMP applies there too */
static void
append_by_type (GsnmpMib        *mib,
                GString         *out,
                GsnmpVarbind    *vb,
                GsnmpFormatFlags flags,
                GArray          *enums,
                const char      *hint,
                const char      *units);

static void
append_plain (GsnmpMib        *mib,
              GString         *out,
              GsnmpVarbind    *vb,
              GsnmpFormatFlags flags)
{
        append_by_type (mib, out, vb, flags, NULL, NULL, NULL);
}

static gboolean
wrong_type (GsnmpMib        *mib,
            GString         *out,
            GsnmpVarbind    *vb,
            GsnmpFormatFlags flags,
            const char      *should)
{
        if (!(flags & GSNMP_FORMAT_QUICK_EQUALS))
                g_string_append_printf (out, "Wrong Type (should be %s): ", should);
        append_plain (mib, out, vb, flags);
        return TRUE;
}

static void
append_octets (GString         *out,
               GsnmpVarbind    *vb,
               GsnmpFormatFlags flags,
               const char      *hint,
               const char      *units)
{
        gsize length;
        const guint8 *data = gsnmp_varbind_get_octets (vb, &length);
        gboolean quick = (flags & (GSNMP_FORMAT_QUICK | GSNMP_FORMAT_QUICK_EQUALS)) != 0;

        if (hint != NULL) {
                if (!quick)
                        g_string_append (out, "STRING: ");
                append_octet_string_hinted (out, data, length, hint, flags);
                append_units (out, units);
                return;
        }
        if (flags & (GSNMP_FORMAT_HEX_STRINGS | GSNMP_FORMAT_ASCII_STRINGS)) {
                if (length == 0) {
                        g_string_append (out, "\"\"");
                } else if (flags & GSNMP_FORMAT_HEX_STRINGS) {
                        g_string_append (out, quick ? "\"" : "Hex-STRING: ");
                        gsnmp_varbind_append_hex (out, data, length);
                        if (quick)
                                g_string_append_c (out, '"');
                } else {
                        if (!quick)
                                g_string_append (out, "STRING: ");
                        g_string_append_c (out, '"');
                        append_ascii (out, data, length);
                        g_string_append_c (out, '"');
                }
        } else {
                gsnmp_varbind_append_octet_string (out, data, length, quick);
        }
        append_units (out, units);
}

static void
append_by_type (GsnmpMib        *mib,
                GString         *out,
                GsnmpVarbind    *vb,
                GsnmpFormatFlags flags,
                GArray          *enums,
                const char      *hint,
                const char      *units)
{
        gboolean quick = (flags & (GSNMP_FORMAT_QUICK | GSNMP_FORMAT_QUICK_EQUALS)) != 0;

        switch (gsnmp_varbind_get_value_type (vb)) {
        case GSNMP_VALUE_TYPE_OCTET_STRING:
                append_octets (out, vb, flags, hint, units);
                break;
        case GSNMP_VALUE_TYPE_TIMETICKS:
                if (flags & GSNMP_FORMAT_NUMERIC_TIMETICKS)
                        append_uint (out, gsnmp_varbind_get_unsigned (vb));
                else
                        gsnmp_varbind_append_uptime (out, gsnmp_varbind_get_unsigned (vb), quick);
                if (!(flags & GSNMP_FORMAT_NUMERIC_TIMETICKS))
                        append_units (out, units);
                break;
        case GSNMP_VALUE_TYPE_OBJECT_ID: {
                GsnmpOid *value = gsnmp_varbind_get_oid_value (vb);
                const guint32 *ids;
                gsize n;

                if (!quick)
                        g_string_append (out, "OID: ");
                ids = gsnmp_oid_get_ids (value, &n);
                format_oid_into (mib, out, ids, n, flags, NULL);
                append_units (out, units);
                break;
        }
        case GSNMP_VALUE_TYPE_INTEGER:
        case GSNMP_VALUE_TYPE_COUNTER32:
        case GSNMP_VALUE_TYPE_GAUGE32:
        case GSNMP_VALUE_TYPE_COUNTER64: {
                gsize before = out->len;

                gsnmp_varbind_append_value (out, vb, quick);
                (void) before;
                append_units (out, units);
                break;
        }
        default:
                gsnmp_varbind_append_value (out, vb, quick);
                break;
        }
        (void) enums;
}

/* sprint_realloc_variable()'s value part, with the node's printer */
static void
append_value_for (GsnmpMib        *mib,
                  GString         *out,
                  GsnmpVarbind    *vb,
                  MibNode         *subtree,
                  GsnmpFormatFlags flags)
{
        gboolean quick = (flags & (GSNMP_FORMAT_QUICK | GSNMP_FORMAT_QUICK_EQUALS)) != 0;
        GsnmpValueType vt = gsnmp_varbind_get_value_type (vb);
        MibDef *def = subtree != NULL ? subtree->def : NULL;
        const char *units = NULL, *hint = NULL;
        GArray *enums = NULL;
        MibBaseType type = MIB_TYPE_OTHER;

        if (gsnmp_varbind_is_exception (vb)) {
                gsnmp_varbind_append_value (out, vb, quick);
                return;
        }
        if (def != NULL) {
                type = def->type;
                enums = def->enums;
                hint = def->hint;
                if (!(flags & GSNMP_FORMAT_NO_UNITS))
                        units = def->units;
        }

        switch (type) {
        case MIB_TYPE_OBJID:
                if (vt != GSNMP_VALUE_TYPE_OBJECT_ID) {
                        wrong_type (mib, out, vb, flags, "OBJECT IDENTIFIER");
                        return;
                }
                append_by_type (mib, out, vb, flags, NULL, NULL, units);
                return;
        case MIB_TYPE_OCTETSTR:
                if (vt != GSNMP_VALUE_TYPE_OCTET_STRING) {
                        wrong_type (mib, out, vb, flags, "OCTET STRING");
                        return;
                }
                append_octets (out, vb, flags, hint, units);
                return;
        case MIB_TYPE_INTEGER:
        case MIB_TYPE_INTEGER32:
        case MIB_TYPE_UINTEGER: {
                const char *label;
                gint64 v;

                if (vt != GSNMP_VALUE_TYPE_INTEGER) {
                        wrong_type (mib, out, vb, flags,
                                    type == MIB_TYPE_UINTEGER ? "UInteger32" : "INTEGER");
                        return;
                }
                v = gsnmp_varbind_get_integer (vb);
                label = enum_label (enums, v);
                if (!quick && type != MIB_TYPE_UINTEGER)
                        g_string_append (out, "INTEGER: ");
                if (label == NULL || (flags & GSNMP_FORMAT_NUMERIC_ENUMS)) {
                        if (hint != NULL)
                                append_hinted_integer (out, (long) v, 'd', hint);
                        else
                                append_long (out, v);
                } else if (quick) {
                        g_string_append (out, label);
                } else {
                        g_string_append (out, label);
                        g_string_append_c (out, '(');
                        append_long (out, v);
                        g_string_append_c (out, ')');
                }
                append_units (out, units);
                return;
        }
        case MIB_TYPE_GAUGE:
        case MIB_TYPE_UNSIGNED32:
                if (vt != GSNMP_VALUE_TYPE_GAUGE32) {
                        wrong_type (mib, out, vb, flags, "Gauge32 or Unsigned32");
                        return;
                }
                if (!quick)
                        g_string_append (out, "Gauge32: ");
                if (hint != NULL)
                        append_hinted_integer (out, (long) gsnmp_varbind_get_unsigned (vb), 'u', hint);
                else
                        append_uint (out, gsnmp_varbind_get_unsigned (vb));
                append_units (out, units);
                return;
        case MIB_TYPE_COUNTER:
                if (vt != GSNMP_VALUE_TYPE_COUNTER32) {
                        wrong_type (mib, out, vb, flags, "Counter32");
                        return;
                }
                append_by_type (mib, out, vb, flags, NULL, NULL, units);
                return;
        case MIB_TYPE_COUNTER64:
                if (vt != GSNMP_VALUE_TYPE_COUNTER64) {
                        wrong_type (mib, out, vb, flags, "Counter64");
                        return;
                }
                append_by_type (mib, out, vb, flags, NULL, NULL, units);
                return;
        case MIB_TYPE_TIMETICKS:
                if (vt != GSNMP_VALUE_TYPE_TIMETICKS) {
                        wrong_type (mib, out, vb, flags, "Timeticks");
                        return;
                }
                append_by_type (mib, out, vb, flags, NULL, NULL, units);
                return;
        case MIB_TYPE_IPADDR:
                if (vt != GSNMP_VALUE_TYPE_IP_ADDRESS) {
                        wrong_type (mib, out, vb, flags, "IpAddress");
                        return;
                }
                gsnmp_varbind_append_value (out, vb, quick);
                return;
        case MIB_TYPE_BITSTRING: {
                gsize length, i;
                const guint8 *data;
                int bit;

                if (vt != GSNMP_VALUE_TYPE_OCTET_STRING) {
                        wrong_type (mib, out, vb, flags, "BITS");
                        return;
                }
                data = gsnmp_varbind_get_octets (vb, &length);
                g_string_append (out, quick ? "\"" : "BITS: ");
                gsnmp_varbind_append_hex (out, data, length);
                if (quick) {
                        g_string_append_c (out, '"');
                        return;
                }
                for (i = 0; i < length; i++) {
                        for (bit = 0; bit < 8; bit++) {
                                if (data[i] & (0x80 >> bit)) {
                                        const char *label = enum_label (enums, (gint64) i * 8 + bit);

                                        if (label == NULL || (flags & GSNMP_FORMAT_NUMERIC_ENUMS))
                                                g_string_append_printf (out, "%d ", (int) i * 8 + bit);
                                        else
                                                g_string_append_printf (out, "%s(%d) ", label, (int) i * 8 + bit);
                                }
                        }
                }
                return;
        }
        case MIB_TYPE_OPAQUE:
                if (vt != GSNMP_VALUE_TYPE_OPAQUE) {
                        wrong_type (mib, out, vb, flags, "Opaque");
                        return;
                }
                gsnmp_varbind_append_value (out, vb, quick);
                return;
        case MIB_TYPE_NULL:
                if (vt != GSNMP_VALUE_TYPE_NULL) {
                        wrong_type (mib, out, vb, flags, "NULL");
                        return;
                }
                gsnmp_varbind_append_value (out, vb, quick);
                return;
        default:
                /* sprint_realloc_by_type() with the node's enums, hint and units */
                if (vt == GSNMP_VALUE_TYPE_INTEGER || vt == GSNMP_VALUE_TYPE_OCTET_STRING) {
                        /* handled by the printers above when the type matches;
                         * without a type, Net-SNMP still passes the hint */
                }
                append_by_type (mib, out, vb, flags, enums, hint, units);
                return;
        }
}

/**
 * gsnmp_mib_format_varbind:
 * @mib: a store
 * @varbind: a varbind
 * @flags: Net-SNMP's `-O` options as [flags@Gsnmp.FormatFlags]
 *
 * Prints @varbind as Net-SNMP's tools do with the same modules loaded, for
 * example `SNMPv2-MIB::sysDescr.0 = STRING: Linux host 6.1`,
 * `IF-MIB::ifType.1 = INTEGER: softwareLoopback(24)` or
 * `IF-MIB::ifPhysAddress.2 = STRING: 0:1c:6f:65:d0:34`: names for the OID
 * and for OID values, enumeration labels, DISPLAY-HINTs (octet strings
 * printed with a hint lose their quotes, as in Net-SNMP), UNITS, and
 * `Wrong Type (should be …)` when the agent sent another type than the
 * module declares.
 *
 * Returns: (transfer full): the text, without a newline
 *
 * Since: 0.1
 */
char *
gsnmp_mib_format_varbind (GsnmpMib        *mib,
                          GsnmpVarbind    *varbind,
                          GsnmpFormatFlags flags)
{
        GString *out;
        MibNode *subtree = NULL;
        const guint32 *ids;
        gsize n;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), NULL);
        g_return_val_if_fail (varbind != NULL, NULL);

        ids = gsnmp_oid_get_ids (gsnmp_varbind_get_oid (varbind), &n);
        out = g_string_sized_new (96);
        gsnmp_mib_read_lock (mib);
        if (flags & GSNMP_FORMAT_VALUE_ONLY) {
                g_autoptr(GString) scratch = g_string_sized_new (64);

                format_oid_into (mib, scratch, ids, n, flags, &subtree);
        } else {
                gboolean quick = (flags & GSNMP_FORMAT_QUICK) && !(flags & GSNMP_FORMAT_QUICK_EQUALS);

                format_oid_into (mib, out, ids, n, flags, &subtree);
                g_string_append (out, quick ? " " : " = ");
        }
        append_value_for (mib, out, varbind, subtree, flags);
        gsnmp_mib_read_unlock (mib);
        return g_string_free (out, FALSE);
}

/*****************************************************************************/
/* Parsing names */

typedef struct {
        guint32 ids[GSNMP_OID_MAX_LENGTH];
        gsize   n;
} OidBuf;

static gboolean
push (OidBuf  *buf,
      guint32  v)
{
        if (buf->n >= GSNMP_OID_MAX_LENGTH)
                return FALSE;
        buf->ids[buf->n++] = v;
        return TRUE;
}

static gboolean
parse_number (const char *s,
              guint32    *v)
{
        char *end;
        guint64 x;

        if (!g_ascii_isdigit (*s))
                return FALSE;
        x = g_ascii_strtoull (s, &end, 0);
        if (*end != '\0' || x > G_MAXUINT32)
                return FALSE;
        *v = (guint32) x;
        return TRUE;
}

/* The next '.'-separated part of *cp as _add_strings_to_oid() isolates
 * it: up to the next '.', whatever it holds. */
static char *
next_plain_part (char **cp)
{
        char *start = *cp, *dot = strchr (start, '.');

        if (dot != NULL) {
                *dot = '\0';
                *cp = dot + 1;
        } else {
                *cp = NULL;
        }
        return start;
}

/* A quoted string at *cp: its characters (escapes resolved) pushed, and *cp
 * moved past the closing quote and the '.' after it. FALSE if the quote
 * does not close or something else than '.' follows it. */
static gboolean
push_quoted (OidBuf  *buf,
             char   **cp,
             guint32 *count)
{
        char q = **cp;
        char *p;

        *count = 0;
        for (p = *cp + 1; *p && *p != q; p++) {
                if (*p == '\\' && p[1])
                        p++;
                if (!push (buf, (guint8) *p))
                        return FALSE;
                (*count)++;
        }
        if (*p != q)
                return FALSE;
        p++;
        if (*p == '\0')
                *cp = NULL;
        else if (*p == '.')
                *cp = p + 1;
        else
                return FALSE;
        return TRUE;
}

/* _add_strings_to_oid()'s check of an integer index against the ranges
 * of its type (signed for INTEGER and Integer32, unsigned otherwise). */
static gboolean
integer_in_ranges (MibDef  *tp,
                   guint32  subid)
{
        gboolean is_signed = tp->type == MIB_TYPE_INTEGER || tp->type == MIB_TYPE_INTEGER32;
        guint i;

        if (tp->ranges == NULL || tp->ranges->len == 0)
                return TRUE;
        for (i = 0; i < tp->ranges->len; i++) {
                MibRange *r = &g_array_index (tp->ranges, MibRange, i);

                if (is_signed ? ((gint32) r->low <= (gint32) subid && (gint32) subid <= (gint32) r->high)
                              : ((guint32) r->low <= subid && subid <= (guint32) r->high))
                        return TRUE;
        }
        return FALSE;
}

/* The length of a quoted index string against its SIZE: the fixed size,
 * or one of the ranges. (Net-SNMP also refuses a variable-length string
 * whose type has no SIZE at all; gsnmp takes it.) */
static gboolean
length_in_ranges (MibDef  *tp,
                  guint32  length)
{
        guint i;

        if (tp->fixed_size >= 0)
                return length == (guint32) tp->fixed_size;
        if (tp->ranges == NULL || tp->ranges->len == 0)
                return TRUE;
        for (i = 0; i < tp->ranges->len; i++) {
                MibRange *r = &g_array_index (tp->ranges, MibRange, i);

                if (r->low <= (gint64) length && (gint64) length <= r->high)
                        return TRUE;
        }
        return FALSE;
}

/* "…" (or '…') at @text: the quote and what it holds, escapes resolved */
static char *
quoted_part (const char *text)
{
        GString *out = g_string_new (NULL);
        const char *p;

        g_string_append_c (out, text[0]);
        for (p = text + 1; *p && *p != text[0]; p++) {
                if (*p == '\\' && p[1])
                        p++;
                g_string_append_c (out, *p);
        }
        return g_string_free (out, FALSE);
}

/* _add_strings_to_oid(): the names and numbers below @node, then the
 * index parts by their INDEX types, then numbers and quoted strings. On
 * failure *bad is Net-SNMP's detail: "Sub-id not found: NODE -> PART",
 * "Index out of range: PART (INDEX)", the quote errors, or the part. */
static gboolean
add_strings (GsnmpMib   *mib,
             MibNode    *node,
             char       *cp,
             OidBuf     *buf,
             char      **bad)
{
        const char * const *indexes = NULL;
        const char *tp_label = NULL;    /* Net-SNMP's tp, for the detail */
        const char *index_label = NULL; /* its in_dices */
        gboolean implied = FALSE;
        char *fcp = cp;
        guint k = 0;

        while (cp != NULL && node != NULL && node->child != NULL) {
                MibNode *child;
                guint32 subid;

                tp_label = node->label != NULL ? node->label : "(top)";
                fcp = next_plain_part (&cp);
                if (g_ascii_isdigit (*fcp)) {
                        if (!parse_number (fcp, &subid))
                                goto bad_id;
                        child = gsnmp_mib_node_child (node, subid);
                } else {
                        for (child = node->child; child != NULL; child = child->next)
                                if (child->label != NULL && strcmp (child->label, fcp) == 0)
                                        break;
                        if (child == NULL)
                                goto bad_id;
                        subid = child->subid;
                }
                if (!push (buf, subid))
                        goto bad_id;
                if (child == NULL)
                        break;
                node = child;
                tp_label = node->label;
        }
        if (node != NULL && node->child == NULL) {
                if (node->parent != NULL)
                        indexes = node_indexes (mib, node->parent, &implied);
                tp_label = NULL;
        }

        while (cp != NULL && indexes != NULL && indexes[k] != NULL) {
                gboolean imp = implied && indexes[k + 1] == NULL;
                MibDef *tp = index_def (mib, indexes[k]);
                guint32 subid;

                fcp = cp;
                index_label = indexes[k];
                if (tp == NULL)
                        break;
                tp_label = tp->label;
                switch (tp->type) {
                case MIB_TYPE_INTEGER:
                case MIB_TYPE_INTEGER32:
                case MIB_TYPE_UINTEGER:
                case MIB_TYPE_UNSIGNED32:
                case MIB_TYPE_TIMETICKS:
                        next_plain_part (&cp);
                        if (g_ascii_isdigit (*fcp)) {
                                if (!parse_number (fcp, &subid))
                                        goto bad_id;
                        } else {
                                guint i;
                                gboolean found = FALSE;

                                for (i = 0; tp->enums != NULL && i < tp->enums->len; i++) {
                                        MibEnum *e = &g_array_index (tp->enums, MibEnum, i);

                                        if (strcmp (e->label, fcp) == 0) {
                                                subid = (guint32) e->value;
                                                found = TRUE;
                                                break;
                                        }
                                }
                                if (!found)
                                        goto bad_id;
                        }
                        if (!integer_in_ranges (tp, subid) || !push (buf, subid))
                                goto bad_id;
                        break;
                case MIB_TYPE_OCTETSTR:
                        if (*cp == '"' || *cp == '\'') {
                                char q = *cp;
                                gsize len_pos = 0;
                                guint32 count;
                                gboolean with_length = !imp && tp->fixed_size < 0;

                                if (with_length) {
                                        if (q == '\'') {
                                                *bad = g_strdup ("'-quote is for fixed length strings");
                                                return FALSE;
                                        }
                                        len_pos = buf->n;
                                        if (!push (buf, 0))
                                                goto bad_id;
                                } else if (q == '"') {
                                        *bad = g_strdup ("\"-quote is for variable length strings");
                                        return FALSE;
                                }
                                if (!push_quoted (buf, &cp, &count))
                                        goto bad_id;
                                if (with_length)
                                        buf->ids[len_pos] = count;
                                if (!length_in_ranges (tp, count)) {
                                        /* Net-SNMP's fcp then holds the quote and the
                                         * string, its closing quote cut off */
                                        g_autofree char *quoted = quoted_part (fcp);

                                        *bad = g_strdup_printf ("Index out of range: %s (%s)", quoted, index_label);
                                        return FALSE;
                                }
                        } else {
                                /* numbers: a length, then that many */
                                guint32 len, i;

                                if (imp || tp->fixed_size >= 0) {
                                        len = imp ? G_MAXUINT32 : (guint32) tp->fixed_size;
                                } else {
                                        next_plain_part (&cp);
                                        if (!parse_number (fcp, &len) || !push (buf, len))
                                                goto bad_id;
                                }
                                for (i = 0; i < len && cp != NULL; i++) {
                                        fcp = next_plain_part (&cp);
                                        if (!parse_number (fcp, &subid) || subid > 255 || !push (buf, subid))
                                                goto bad_id;
                                }
                        }
                        break;
                case MIB_TYPE_IPADDR: {
                        int i;

                        for (i = 0; i < 4 && cp != NULL; i++) {
                                fcp = next_plain_part (&cp);
                                if (!parse_number (fcp, &subid) || subid > 255 || !push (buf, subid))
                                        goto bad_id;
                        }
                        break;
                }
                default:
                        /* OBJECT IDENTIFIER and the rest: numbers follow */
                        index_label = NULL;
                        goto numbers;
                }
                k++;
                index_label = NULL;
        }

numbers:
        while (cp != NULL) {
                guint32 subid, count;

                fcp = cp;
                if (g_ascii_isdigit (*cp)) {
                        next_plain_part (&cp);
                        if (!parse_number (fcp, &subid) || !push (buf, subid))
                                goto bad_id;
                } else if (*cp == '"' || *cp == '\'') {
                        gsize len_pos = buf->n;

                        if (cp[1] == '\0' || (*cp == '"' && !push (buf, 0)) ||
                            !push_quoted (buf, &cp, &count))
                                goto bad_id;
                        if (*fcp == '"')
                                buf->ids[len_pos] = count;
                } else {
                        goto bad_id;
                }
        }
        return TRUE;

bad_id:
        if (index_label != NULL)
                *bad = g_strdup_printf ("Index out of range: %s (%s)", fcp, index_label);
        else if (tp_label != NULL)
                *bad = g_strdup_printf ("Sub-id not found: %s -> %s", tp_label, fcp);
        else
                *bad = g_strdup (fcp);
        return FALSE;
}

/* get_module_node(): @name is "label[.rest]" */
static gboolean
module_node (GsnmpMib   *mib,
             const char *module,
             const char *name,
             OidBuf     *buf,
             char      **bad)
{
        g_autofree char *copy = g_strdup (name);
        char *rest = strchr (copy, '.');
        MibNode *node;

        if (rest != NULL)
                *rest++ = '\0';
        node = gsnmp_mib_find_label (mib, module, copy);
        if (node == NULL)
                return FALSE;
        buf->n = gsnmp_mib_node_oid (node, buf->ids);
        if (rest == NULL)
                return TRUE;
        /* a detail of this attempt replaces that of an earlier one */
        g_clear_pointer (bad, g_free);
        return add_strings (mib, node, rest, buf, bad);
}

static gboolean
parse_locked (GsnmpMib   *mib,
              const char *str,
              OidBuf     *buf,
              char      **bad)
{
        const char *cp;
        g_autofree char *copy = NULL;

        for (cp = str; g_ascii_isalnum (*cp) || *cp == '-'; cp++)
                ;
        if (*cp == ':') {
                g_autofree char *module = g_strndup (str, cp - str);

                cp++;
                if (*cp == ':')
                        cp++;
                buf->n = 0;
                return module_node (mib, module, cp, buf, bad);
        }

        /* read_objid(): from the root */
        copy = g_strdup (str[0] == '.' ? str + 1 : str);
        buf->n = 0;
        if (add_strings (mib, gsnmp_mib_root (mib), copy, buf, bad))
                return TRUE;

        /* get_node(): a label anywhere */
        buf->n = 0;
        return module_node (mib, NULL, str[0] == '.' ? str + 1 : str, buf, bad);
}

/**
 * gsnmp_mib_parse_oid:
 * @mib: a store
 * @str: an OID as Net-SNMP's tools take it: `sysDescr.0`,
 *   `SNMPv2-MIB::sysDescr.0`, `IF-MIB::ifDescr.3`, `iso.3.6.1.2.1.1.1.0`,
 *   `.1.3.6.1.2.1.1.1.0`, or with a table index in its own syntax, such as
 *   `SNMP-VIEW-BASED-ACM-MIB::vacmGroupName.3."alice"` or
 *   `IP-MIB::ipAdEntIfIndex.127.0.0.1`
 * @error: return location for a [struct@GLib.Error]
 *
 * Parses a name or a numeric OID.  A module named before `::` is loaded if
 * it is not yet.  String parts of an index go in double quotes (with a
 * length sub-identifier in front) or, for fixed-length and IMPLIED
 * indexes, single quotes; enumerated index values may be given by label.
 *
 * When a name is known but what follows it is not (an index that does not
 * fit the INDEX types, a sub-identifier that is not below a node), the
 * error's message is "@str: " followed by the reason in Net-SNMP's words,
 * such as `IF-MIB::ifDescr.abc: Index out of range: abc (ifIndex)`.
 *
 * Returns: (transfer full): the OID, or %NULL with @error set to
 *   %GSNMP_MIB_ERROR_UNKNOWN_NAME
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_mib_parse_oid (GsnmpMib    *mib,
                     const char  *str,
                     GError     **error)
{
        OidBuf buf;
        g_autofree char *bad = NULL;
        const char *cp;
        gboolean ok;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), NULL);
        g_return_val_if_fail (str != NULL, NULL);
        g_return_val_if_fail (error == NULL || *error == NULL, NULL);

        for (cp = str; g_ascii_isalnum (*cp) || *cp == '-'; cp++)
                ;
        if (*cp == ':' && cp > str) {
                g_autofree char *module = g_strndup (str, cp - str);

                gsnmp_mib_ensure_module (mib, module);
        }

        gsnmp_mib_read_lock (mib);
        ok = parse_locked (mib, str, &buf, &bad);
        gsnmp_mib_read_unlock (mib);
        if (!ok || buf.n == 0) {
                /* With Net-SNMP's detail, as snmp_perror() prints it after
                 * snmp_parse_oid() failed: "NAME: DETAIL" (gsnmp's tool
                 * takes the detail from there) */
                if (bad != NULL && !ok)
                        g_set_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNKNOWN_NAME,
                                     "%s: %s", str, bad);
                else
                        g_set_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNKNOWN_NAME,
                                     _("Unknown object identifier “%s”"), str);
                return NULL;
        }
        return gsnmp_oid_new (buf.ids, buf.n);
}

/**
 * gsnmp_mib_resolve:
 * @mib: a store
 * @module: (nullable): the module that defines @name, or %NULL for any
 *   loaded module
 * @name: an object name, such as `sysDescr`
 * @index: (array length=n_index) (nullable): the sub-identifiers of the
 *   instance, such as `{ 0 }`
 * @n_index: the length of @index
 * @error: return location for a [struct@GLib.Error]
 *
 * The OID of @name in @module followed by @index: PySNMP's
 * `ObjectIdentity('SNMPv2-MIB', 'sysDescr', 0)`.  @module is loaded if it is
 * not yet.
 *
 * Returns: (transfer full): the OID, or %NULL with @error set
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_mib_resolve (GsnmpMib       *mib,
                   const char     *module,
                   const char     *name,
                   const guint32  *index,
                   gsize           n_index,
                   GError        **error)
{
        OidBuf buf;
        MibNode *node;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), NULL);
        g_return_val_if_fail (name != NULL, NULL);
        g_return_val_if_fail (index != NULL || n_index == 0, NULL);

        if (module != NULL)
                gsnmp_mib_ensure_module (mib, module);
        gsnmp_mib_read_lock (mib);
        node = gsnmp_mib_find_label (mib, module, name);
        if (node != NULL)
                buf.n = gsnmp_mib_node_oid (node, buf.ids);
        gsnmp_mib_read_unlock (mib);
        if (node == NULL) {
                if (module != NULL)
                        g_set_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNKNOWN_NAME,
                                     _("Unknown object identifier “%s::%s”"), module, name);
                else
                        g_set_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNKNOWN_NAME,
                                     _("Unknown object identifier “%s”"), name);
                return NULL;
        }
        if (buf.n + n_index > GSNMP_OID_MAX_LENGTH) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID,
                             _("Invalid OID: it has more than %d sub-identifiers"), GSNMP_OID_MAX_LENGTH);
                return NULL;
        }
        if (n_index > 0)
                memcpy (buf.ids + buf.n, index, n_index * sizeof (guint32));
        return gsnmp_oid_new (buf.ids, buf.n + n_index);
}

/**
 * gsnmp_mib_lookup:
 * @mib: a store
 * @oid: an OID
 * @index: (out) (optional) (transfer full) (nullable): the sub-identifiers
 *   of @oid below the object, such as `0` or a table index
 *
 * The object @oid belongs to: the deepest node of the loaded modules on its
 * path.
 *
 * Returns: (transfer full) (nullable): the object, or %NULL if no loaded
 *   module defines a prefix of @oid
 *
 * Since: 0.1
 */
GsnmpMibObject *
gsnmp_mib_lookup (GsnmpMib       *mib,
                  const GsnmpOid *oid,
                  GsnmpOid      **index)
{
        const guint32 *ids;
        gsize n, matched;
        MibNode *node;
        GsnmpMibObject *object = NULL;

        g_return_val_if_fail (GSNMP_IS_MIB (mib), NULL);
        g_return_val_if_fail (oid != NULL, NULL);

        ids = gsnmp_oid_get_ids (oid, &n);
        gsnmp_mib_read_lock (mib);
        node = gsnmp_mib_find_node (mib, ids, n, &matched);
        if (node != NULL)
                object = gsnmp_mib_object_new (mib, node);
        gsnmp_mib_read_unlock (mib);
        if (index != NULL)
                *index = node != NULL ? gsnmp_oid_new (ids + matched, n - matched) : NULL;
        return object;
}

/**
 * gsnmp_mib_lookup_name:
 * @mib: a store
 * @name: an object name, such as `ifType` or `IF-MIB::ifType`
 * @error: return location for a [struct@GLib.Error]
 *
 * The object a name (without an index) stands for.
 *
 * Returns: (transfer full): the object, or %NULL with @error set
 *
 * Since: 0.1
 */
GsnmpMibObject *
gsnmp_mib_lookup_name (GsnmpMib    *mib,
                       const char  *name,
                       GError     **error)
{
        g_autoptr(GsnmpOid) oid = NULL;
        g_autoptr(GsnmpOid) index = NULL;
        GsnmpMibObject *object;

        oid = gsnmp_mib_parse_oid (mib, name, error);
        if (oid == NULL)
                return NULL;
        object = gsnmp_mib_lookup (mib, oid, &index);
        if (object == NULL || gsnmp_oid_get_length (index) != 0) {
                g_clear_pointer (&object, gsnmp_mib_object_unref);
                g_set_error (error, GSNMP_MIB_ERROR, GSNMP_MIB_ERROR_UNKNOWN_NAME,
                             _("“%s” does not name an object"), name);
        }
        return object;
}
