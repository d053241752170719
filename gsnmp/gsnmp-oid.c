/* gsnmp-oid.c - object identifiers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-oid.h"
#include "gsnmp-oid-private.h"
#include "gsnmp-varbind-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"
#include "gsnmp-mib.h"

#include <string.h>

/**
 * GsnmpOid:
 *
 * An object identifier (OID), such as `1.3.6.1.2.1.1.5.0` (sysName.0): a
 * sequence of at most %GSNMP_OID_MAX_LENGTH unsigned 32-bit sub-identifiers
 * (RFC 2578 §7.1.3).
 *
 * OIDs are immutable and reference-counted, so they can be shared freely,
 * also between threads.  Create them from a dotted string with
 * [ctor@Gsnmp.Oid.new_from_string], from an array with [ctor@Gsnmp.Oid.new],
 * or below another OID with [method@Gsnmp.Oid.new_child].
 *
 * OIDs sort lexicographically by sub-identifier, the order of SNMP's
 * GetNext and walks ([method@Gsnmp.Oid.compare]); they can be used as keys
 * in a [struct@GLib.HashTable] with [method@Gsnmp.Oid.hash] and
 * [method@Gsnmp.Oid.equal].
 *
 * Since: 0.1
 */

/* One allocation: the header and the sub-identifiers.  An embedded OID
 * (gsnmp-oid-private.h) has ref_count 0 for good. */
struct _GsnmpOid {
        gatomicrefcount ref_count;
        guint32         length;
        guint32         ids[];
};

static inline gboolean
is_embedded (GsnmpOid *oid)
{
        return g_atomic_int_get (&oid->ref_count) == 0;
}

gsize
gsnmp_oid_embedded_size (gsize n_ids)
{
        return sizeof (GsnmpOid) + n_ids * sizeof (guint32);
}

GsnmpOid *
gsnmp_oid_init_embedded (gpointer       mem,
                         const guint32 *ids,
                         gsize          n_ids)
{
        GsnmpOid *oid = mem;

        oid->ref_count = 0;
        oid->length = n_ids;
        if (n_ids > 0)
                memcpy (oid->ids, ids, n_ids * sizeof (guint32));

        return oid;
}

G_DEFINE_BOXED_TYPE_WITH_CODE (GsnmpOid, gsnmp_oid, gsnmp_oid_ref, gsnmp_oid_unref,
                               gsnmp_init_once ())

static GsnmpOid *
oid_alloc (gsize n_ids)
{
        GsnmpOid *oid;

        oid = g_malloc (sizeof (GsnmpOid) + n_ids * sizeof (guint32));
        g_atomic_ref_count_init (&oid->ref_count);
        oid->length = n_ids;

        return oid;
}

/**
 * gsnmp_oid_new:
 * @ids: (array length=n_ids) (nullable): the sub-identifiers
 * @n_ids: the number of sub-identifiers, at most %GSNMP_OID_MAX_LENGTH
 *
 * Creates an OID from an array of sub-identifiers.
 *
 * @n_ids may be 0, which gives the empty OID (it is not valid on the wire,
 * but useful as the root to walk or compare from; its string form is the
 * empty string).  [ctor@Gsnmp.Oid.new_from_string] never makes an empty
 * OID.
 *
 * Returns: (transfer full): a new OID
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_oid_new (const guint32 *ids,
               gsize          n_ids)
{
        GsnmpOid *oid;

        g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
        g_return_val_if_fail (n_ids <= GSNMP_OID_MAX_LENGTH, NULL);

        oid = oid_alloc (n_ids);
        if (n_ids > 0)
                memcpy (oid->ids, ids, n_ids * sizeof (guint32));

        return oid;
}

/**
 * gsnmp_oid_new_from_string:
 * @str: a dotted decimal OID, such as `"1.3.6.1.2.1.1.5.0"`
 * @error: return location for a [struct@GLib.Error]
 *
 * Parses a numeric OID in dotted decimal notation, with or without a
 * leading dot: `"1.3.6.1.2.1.1.5.0"` and `".1.3.6.1.2.1.1.5.0"` are the
 * same OID.  A single sub-identifier (`"1"` or `".1"`) is accepted, as
 * Net-SNMP does.
 *
 * Each sub-identifier is a decimal number from 0 to 4294967295 with only
 * the digits 0-9 (leading zeros are allowed, as in Net-SNMP): signs, spaces, hexadecimal, empty sub-identifiers (as in
 * `"1..3"`), a trailing dot, the empty string and more than
 * %GSNMP_OID_MAX_LENGTH sub-identifiers are errors.
 *
 * Names are resolved with the default MIB store,
 * [func@Gsnmp.Mib.get_default], which loads the modules gsnmp bundles:
 * `"sysDescr.0"`, `"SNMPv2-MIB::sysDescr.0"`, `"IF-MIB::ifDescr.3"` and
 * `"iso.3.6.1.2.1.1.1.0"` work as in Net-SNMP's tools.  Use
 * [method@Gsnmp.Mib.parse_oid] for another store.
 *
 * Returns: (transfer full) (nullable): the OID, or %NULL with @error set
 *   to %GSNMP_ERROR_INVALID_OID
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_oid_new_from_string (const char  *str,
                           GError     **error)
{
        guint32 ids[GSNMP_OID_MAX_LENGTH];
        gsize n_ids = 0;
        const char *p;

        g_return_val_if_fail (str != NULL, NULL);
        g_return_val_if_fail (error == NULL || *error == NULL, NULL);

        gsnmp_init_once ();

        p = str;
        if (*p == '.')
                p++;

        if (*p == '\0') {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID,
                             _("Invalid OID “%s”: it is empty"), str);
                return NULL;
        }

        for (;;) {
                guint64 value = 0;
                const char *start = p;

                while (*p >= '0' && *p <= '9') {
                        value = value * 10 + (guint64) (*p - '0');
                        if (value > G_MAXUINT32) {
                                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID,
                                             _("Invalid OID “%s”: sub-identifier %zu is larger than 4294967295"),
                                             str, n_ids + 1);
                                return NULL;
                        }
                        p++;
                }

                if (p == start) {
                        if (g_ascii_isalpha (*p) || *p == ':') {
                                GsnmpOid *named = gsnmp_mib_parse_oid (gsnmp_mib_get_default (), str, NULL);

                                if (named != NULL)
                                        return named;
                        }
                        if (*p == '\0' || *p == '.')
                                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID,
                                             _("Invalid OID “%s”: sub-identifier %zu is empty"),
                                             str, n_ids + 1);
                        else
                                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID,
                                             _("Invalid OID “%s”: sub-identifiers must be decimal numbers"),
                                             str);
                        return NULL;
                }

                if (n_ids == GSNMP_OID_MAX_LENGTH) {
                        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID,
                                     _("Invalid OID “%s”: it has more than %d sub-identifiers"),
                                     str, GSNMP_OID_MAX_LENGTH);
                        return NULL;
                }
                ids[n_ids++] = (guint32) value;

                if (*p == '\0')
                        break;

                if (*p != '.') {
                        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_OID,
                                     _("Invalid OID “%s”: sub-identifiers must be decimal numbers"),
                                     str);
                        return NULL;
                }
                p++;
        }

        return gsnmp_oid_new (ids, n_ids);
}

/**
 * gsnmp_oid_new_from_name:
 * @module: (nullable): the MIB module that defines @name, such as
 *   `"SNMPv2-MIB"`, or %NULL for any module of the default store
 * @name: an object name, such as `"sysDescr"`
 * @index: (array length=n_index) (nullable): the sub-identifiers of the
 *   instance, such as `{ 0 }`
 * @n_index: the number of sub-identifiers in @index
 * @error: return location for a [struct@GLib.Error]
 *
 * The OID of an object named in a MIB module, followed by @index: what
 * PySNMP writes `ObjectIdentity('SNMPv2-MIB', 'sysDescr', 0)`.  In Python,
 * `Gsnmp.Oid.new_from_name('SNMPv2-MIB', 'sysDescr', [0])`.  Names resolve
 * with the default store ([func@Gsnmp.Mib.get_default]); see
 * [method@Gsnmp.Mib.resolve] for another store.
 *
 * Returns: (transfer full): the OID, or %NULL with @error set to
 *   %GSNMP_MIB_ERROR_UNKNOWN_NAME
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_oid_new_from_name (const char     *module,
                         const char     *name,
                         const guint32  *index,
                         gsize           n_index,
                         GError        **error)
{
        g_return_val_if_fail (name != NULL, NULL);
        g_return_val_if_fail (index != NULL || n_index == 0, NULL);

        return gsnmp_mib_resolve (gsnmp_mib_get_default (), module, name, index, n_index, error);
}

/**
 * gsnmp_oid_new_child:
 * @prefix: an OID
 * @ids: (array length=n_ids) (nullable): the sub-identifiers to append
 * @n_ids: the number of sub-identifiers in @ids
 *
 * Creates an OID made of @prefix followed by @ids, for example a table
 * cell from a column OID and an index.  The result must not be longer than
 * %GSNMP_OID_MAX_LENGTH.
 *
 * Returns: (transfer full): a new OID
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_oid_new_child (const GsnmpOid *prefix,
                     const guint32  *ids,
                     gsize           n_ids)
{
        GsnmpOid *oid;

        g_return_val_if_fail (prefix != NULL, NULL);
        g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
        g_return_val_if_fail (n_ids <= GSNMP_OID_MAX_LENGTH - prefix->length, NULL);

        oid = oid_alloc (prefix->length + n_ids);
        memcpy (oid->ids, prefix->ids, prefix->length * sizeof (guint32));
        if (n_ids > 0)
                memcpy (oid->ids + prefix->length, ids, n_ids * sizeof (guint32));

        return oid;
}

/**
 * gsnmp_oid_ref:
 * @oid: an OID
 *
 * Acquires a reference on @oid.  This function is thread-safe.
 *
 * Returns: (transfer full): @oid
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_oid_ref (GsnmpOid *oid)
{
        g_return_val_if_fail (oid != NULL, NULL);

        if (G_UNLIKELY (is_embedded (oid)))
                gsnmp_varbind_ref_embedded_oid (oid);
        else
                g_atomic_ref_count_inc (&oid->ref_count);

        return oid;
}

/**
 * gsnmp_oid_unref:
 * @oid: (transfer full): an OID
 *
 * Releases a reference on @oid, freeing it when the last reference is
 * dropped.  This function is thread-safe.
 *
 * Since: 0.1
 */
void
gsnmp_oid_unref (GsnmpOid *oid)
{
        g_return_if_fail (oid != NULL);

        if (G_UNLIKELY (is_embedded (oid)))
                gsnmp_varbind_unref_embedded_oid (oid);
        else if (g_atomic_ref_count_dec (&oid->ref_count))
                g_free (oid);
}

/**
 * gsnmp_oid_get_ids:
 * @oid: an OID
 * @n_ids: (out) (optional): return location for the number of
 *   sub-identifiers
 *
 * Returns the sub-identifiers of @oid.
 *
 * Returns: (array length=n_ids) (transfer none): the sub-identifiers,
 *   owned by @oid
 *
 * Since: 0.1
 */
const guint32 *
gsnmp_oid_get_ids (const GsnmpOid *oid,
                   gsize          *n_ids)
{
        g_return_val_if_fail (oid != NULL, NULL);

        if (n_ids)
                *n_ids = oid->length;

        return oid->ids;
}

/**
 * gsnmp_oid_get_length:
 * @oid: an OID
 *
 * Returns the number of sub-identifiers of @oid.
 *
 * Returns: the length of @oid
 *
 * Since: 0.1
 */
gsize
gsnmp_oid_get_length (const GsnmpOid *oid)
{
        g_return_val_if_fail (oid != NULL, 0);

        return oid->length;
}

/**
 * gsnmp_oid_get_id:
 * @oid: an OID
 * @index: a position, less than the length of @oid
 *
 * Returns one sub-identifier of @oid.
 *
 * Returns: the sub-identifier at @index (0 for the first one)
 *
 * Since: 0.1
 */
guint32
gsnmp_oid_get_id (const GsnmpOid *oid,
                  gsize           index)
{
        g_return_val_if_fail (oid != NULL, 0);
        g_return_val_if_fail (index < oid->length, 0);

        return oid->ids[index];
}

/**
 * gsnmp_oid_compare:
 * @a: an OID
 * @b: another OID
 *
 * Compares two OIDs lexicographically by sub-identifier, the order of
 * GetNext and walks: `1.3.6.1` sorts before `1.3.6.1.2` (a proper prefix
 * sorts first), which sorts before `1.3.6.2` and `1.3.10`.
 *
 * Returns: a negative value if @a sorts before @b, 0 if they are equal, a
 *   positive value if @a sorts after @b
 *
 * Since: 0.1
 */
int
gsnmp_oid_compare (const GsnmpOid *a,
                   const GsnmpOid *b)
{
        guint32 n, i;

        g_return_val_if_fail (a != NULL, 0);
        g_return_val_if_fail (b != NULL, 0);

        if (a == b)
                return 0;

        n = MIN (a->length, b->length);
        for (i = 0; i < n; i++) {
                if (a->ids[i] != b->ids[i])
                        return a->ids[i] < b->ids[i] ? -1 : 1;
        }

        if (a->length == b->length)
                return 0;

        return a->length < b->length ? -1 : 1;
}

/**
 * gsnmp_oid_equal:
 * @a: (type Gsnmp.Oid): an OID
 * @b: (type Gsnmp.Oid): another OID
 *
 * Checks whether two OIDs have the same sub-identifiers.  Together with
 * [method@Gsnmp.Oid.hash] this makes OIDs usable as hash table keys.
 *
 * Returns: %TRUE if @a and @b are equal
 *
 * Since: 0.1
 */
gboolean
gsnmp_oid_equal (const GsnmpOid *a,
                 const GsnmpOid *b)
{
        g_return_val_if_fail (a != NULL, FALSE);
        g_return_val_if_fail (b != NULL, FALSE);

        if (a == b)
                return TRUE;

        return a->length == b->length &&
               memcmp (a->ids, b->ids, a->length * sizeof (guint32)) == 0;
}

/**
 * gsnmp_oid_hash:
 * @oid: (type Gsnmp.Oid): an OID
 *
 * Computes a hash value for @oid, for use with [method@Gsnmp.Oid.equal]
 * in a [struct@GLib.HashTable].
 *
 * Returns: a hash value
 *
 * Since: 0.1
 */
guint
gsnmp_oid_hash (const GsnmpOid *oid)
{
        guint32 h = 2166136261u;   /* FNV-1a over the sub-identifiers */
        guint32 i;

        g_return_val_if_fail (oid != NULL, 0);

        for (i = 0; i < oid->length; i++) {
                h ^= oid->ids[i];
                h *= 16777619u;
        }

        return h ^ oid->length;
}

/**
 * gsnmp_oid_has_prefix:
 * @oid: an OID
 * @prefix: another OID
 *
 * Checks whether @oid begins with the sub-identifiers of @prefix, for
 * example whether a walk is still inside its subtree.  An OID is a prefix
 * of itself, and the empty OID is a prefix of every OID.
 *
 * Returns: %TRUE if @prefix is a prefix of @oid or equal to it
 *
 * Since: 0.1
 */
gboolean
gsnmp_oid_has_prefix (const GsnmpOid *oid,
                      const GsnmpOid *prefix)
{
        g_return_val_if_fail (oid != NULL, FALSE);
        g_return_val_if_fail (prefix != NULL, FALSE);

        return prefix->length <= oid->length &&
               memcmp (oid->ids, prefix->ids, prefix->length * sizeof (guint32)) == 0;
}

/**
 * gsnmp_oid_to_string:
 * @oid: an OID
 *
 * Formats @oid in dotted decimal notation without a leading dot, such as
 * `"1.3.6.1.2.1.1.5.0"`.  The result parses back to an equal OID with
 * [ctor@Gsnmp.Oid.new_from_string], except for the empty OID, whose string
 * form is `""`.
 *
 * Returns: (transfer full): a new string
 *
 * Since: 0.1
 */
char *
gsnmp_oid_to_string (const GsnmpOid *oid)
{
        /* 10 digits and a dot per sub-identifier, at most */
        char *buf, *p;
        guint32 i;

        g_return_val_if_fail (oid != NULL, NULL);

        buf = p = g_malloc (oid->length * 11 + 1);
        for (i = 0; i < oid->length; i++) {
                char digits[10];
                guint32 v = oid->ids[i];
                int n = 0;

                if (i > 0)
                        *p++ = '.';
                do {
                        digits[n++] = '0' + v % 10;
                        v /= 10;
                } while (v > 0);
                while (n > 0)
                        *p++ = digits[--n];
        }
        *p = '\0';

        return buf;
}

/* Private OID arithmetic, see gsnmp-oid-private.h */

GsnmpOid *
gsnmp_oid_subtree_end (const GsnmpOid *prefix)
{
        guint32 n = prefix->length;
        GsnmpOid *end;

        while (n > 0 && prefix->ids[n - 1] == G_MAXUINT32)
                n--;
        if (n == 0)
                return NULL;

        end = oid_alloc (n);
        memcpy (end->ids, prefix->ids, n * sizeof (guint32));
        end->ids[n - 1]++;

        return end;
}

GsnmpOid *
gsnmp_oid_predecessor (const GsnmpOid *oid)
{
        guint32 n = oid->length;
        GsnmpOid *pred;

        if (n == 0)
                return NULL;

        /* x.0 follows x immediately; x.(c+1) follows x.c.4294967295… */
        if (oid->ids[n - 1] == 0) {
                pred = oid_alloc (n - 1);
                memcpy (pred->ids, oid->ids, (n - 1) * sizeof (guint32));
                return pred;
        }

        pred = oid_alloc (GSNMP_OID_MAX_LENGTH);
        memcpy (pred->ids, oid->ids, n * sizeof (guint32));
        pred->ids[n - 1]--;
        for (guint32 i = n; i < GSNMP_OID_MAX_LENGTH; i++)
                pred->ids[i] = G_MAXUINT32;

        return pred;
}

/* See gsnmp-oid-private.h. */
gboolean
gsnmp_oid_is (const GsnmpOid *oid,
              const guint32  *ids,
              gsize           n_ids)
{
        gsize n;
        const guint32 *have = gsnmp_oid_get_ids (oid, &n);

        return n == n_ids && memcmp (have, ids, n * sizeof (guint32)) == 0;
}
