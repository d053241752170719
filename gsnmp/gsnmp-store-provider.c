/* gsnmp-store-provider.c - a provider of values kept in memory
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-store-provider.h"
#include "gsnmp-store-provider-private.h"
#include "gsnmp-provider-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"
#include "gsnmp-varbind-private.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/**
 * GsnmpStoreProvider:
 *
 * A [class@Gsnmp.Provider] that serves variable bindings kept in memory:
 * scalars (`sysName.0`) and table cells (`ifDescr.3`) alike, held in OID
 * order in a balanced tree, so that GET, GETNEXT and GETBULK cost
 * O(log n) per variable binding whatever the number of rows.
 *
 * ```c
 * g_autoptr(GsnmpStoreProvider) store = gsnmp_store_provider_new (my_subtree);
 * gsnmp_store_provider_set (store, varbind);   // add or replace
 * gsnmp_agent_register_provider (agent, NULL, GSNMP_PROVIDER (store), &error);
 * ```
 *
 * Values are read-only to SNMP unless a subtree is made writable with
 * [method@Gsnmp.StoreProvider.set_writable], which also says which type
 * a SET must carry and whether it may create instances (rows). Before a
 * SET is committed, [signal@Gsnmp.StoreProvider::validate] lets the
 * application refuse a value with the error status of its choice
 * (`wrongValue`, `wrongLength`, `inconsistentValue`…); after it is
 * committed, or undone, [signal@Gsnmp.StoreProvider::changed] tells it
 * the new value.
 *
 * [ctor@Gsnmp.StoreProvider.new_from_snmprec] serves a device recorded in
 * snmpsim's `.snmprec` format, read-only.
 *
 * Since: 0.1
 */

typedef struct {
        GsnmpOid       *subtree;   /* (owned) */
        GsnmpValueType  type;
        gboolean        creatable;
} Writable;

struct _GsnmpStoreProvider {
        GsnmpProvider  parent_instance;

        GSequence     *values;     /* (element-type GsnmpVarbind), by OID */
        GHashTable    *index;      /* OID → GSequenceIter, for exact look-ups */
        GArray        *writable;   /* (element-type Writable) */
};

G_DEFINE_FINAL_TYPE (GsnmpStoreProvider, gsnmp_store_provider, GSNMP_TYPE_PROVIDER)

enum {
        SIGNAL_VALIDATE,
        SIGNAL_CHANGED,
        N_SIGNALS
};

static guint signals[N_SIGNALS];

/****************************************************************************/
/* The ordered store */

/* Compares a stored varbind with another or with the key OID passed as
 * @key, whichever side it is on: GSequence does not say. */
static int
compare_exact (gconstpointer a,
               gconstpointer b,
               gpointer      key)
{
        const GsnmpOid *oa = a == key ? key : gsnmp_varbind_get_oid ((GsnmpVarbind *) a);
        const GsnmpOid *ob = b == key ? key : gsnmp_varbind_get_oid ((GsnmpVarbind *) b);

        return gsnmp_oid_compare (oa, ob);
}

/* As compare_exact(), but the key sorts after a value with the same OID,
 * so that a search lands on the first value after the key. */
static int
compare_after (gconstpointer a,
               gconstpointer b,
               gpointer      key)
{
        int c = compare_exact (a, b, key);

        if (c == 0 && a != b)
                return a == key ? 1 : -1;
        return c;
}

static void
store_put (GsnmpStoreProvider *self,
           GsnmpVarbind       *value)
{
        GsnmpOid *oid = gsnmp_varbind_get_oid (value);
        GSequenceIter *it = g_hash_table_lookup (self->index, oid);

        if (it != NULL) {
                /* The key is the old varbind's OID, freed with it: re-key
                 * on the new one. */
                g_hash_table_steal (self->index, oid);
                g_sequence_set (it, gsnmp_varbind_ref (value));
                g_hash_table_insert (self->index, oid, it);
                return;
        }

        /* Appending in order (loading a sorted file) needs no search. */
        it = g_sequence_get_end_iter (self->values);
        if (!g_sequence_is_empty (self->values) &&
            gsnmp_oid_compare (gsnmp_varbind_get_oid (g_sequence_get (g_sequence_iter_prev (it))), oid) > 0)
                it = g_sequence_search (self->values, oid, compare_after, oid);
        it = g_sequence_insert_before (it, gsnmp_varbind_ref (value));
        g_hash_table_insert (self->index, oid, it);
}

static gboolean
store_remove (GsnmpStoreProvider *self,
              GsnmpOid           *oid)
{
        GSequenceIter *it = g_hash_table_lookup (self->index, oid);

        if (it == NULL)
                return FALSE;

        g_hash_table_remove (self->index, oid);
        g_sequence_remove (it);
        return TRUE;
}

static const Writable *
find_writable (GsnmpStoreProvider *self,
               GsnmpOid           *oid)
{
        const Writable *best = NULL;

        for (guint i = 0; i < self->writable->len; i++) {
                const Writable *w = &g_array_index (self->writable, Writable, i);

                if (gsnmp_oid_has_prefix (oid, w->subtree) &&
                    (best == NULL || gsnmp_oid_get_length (w->subtree) > gsnmp_oid_get_length (best->subtree)))
                        best = w;
        }

        return best;
}

/* noSuchInstance when the store knows the object, noSuchObject when not:
 * a value or a writable subtree under the OID's parent. */
static GsnmpValueType
missing_type (GsnmpStoreProvider *self,
              GsnmpOid           *oid,
              GSequenceIter      *next)
{
        gsize n = gsnmp_oid_get_length (oid);
        g_autoptr(GsnmpOid) parent = NULL;

        if (n < 2)
                return GSNMP_VALUE_TYPE_NO_SUCH_OBJECT;
        if (find_writable (self, oid) != NULL)
                return GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE;

        parent = gsnmp_oid_new (gsnmp_oid_get_ids (oid, NULL), n - 1);
        if (!g_sequence_iter_is_end (next) &&
            gsnmp_oid_has_prefix (gsnmp_varbind_get_oid (g_sequence_get (next)), parent))
                return GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE;
        if (!g_sequence_iter_is_begin (next) &&
            gsnmp_oid_has_prefix (gsnmp_varbind_get_oid (g_sequence_get (g_sequence_iter_prev (next))), parent))
                return GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE;

        return GSNMP_VALUE_TYPE_NO_SUCH_OBJECT;
}

GsnmpVarbind *
gsnmp_store_provider_answer (GsnmpStoreProvider *self,
                             GsnmpOid           *oid,
                             gboolean            next)
{
        GSequenceIter *it;

        if (!next) {
                it = g_hash_table_lookup (self->index, oid);
                if (it != NULL)
                        return gsnmp_varbind_ref (g_sequence_get (it));

                it = g_sequence_search (self->values, oid, compare_after, oid);
                return gsnmp_varbind_new_exception (oid, missing_type (self, oid, it));
        }

        it = g_sequence_search (self->values, oid, compare_after, oid);
        if (g_sequence_iter_is_end (it))
                return NULL;

        return gsnmp_varbind_ref (g_sequence_get (it));
}

/****************************************************************************/
/* The provider */

static guint
test_set (GsnmpStoreProvider *self,
          GsnmpVarbind       *value)
{
        GsnmpOid *oid = gsnmp_varbind_get_oid (value);
        const Writable *w = find_writable (self, oid);
        guint status = 0;

        if (w == NULL)
                return GSNMP_PDU_ERROR_NOT_WRITABLE;
        if (gsnmp_varbind_get_value_type (value) != w->type)
                return GSNMP_PDU_ERROR_WRONG_TYPE;
        if (!w->creatable && g_hash_table_lookup (self->index, oid) == NULL)
                return GSNMP_PDU_ERROR_NO_CREATION;

        g_signal_emit (self, signals[SIGNAL_VALIDATE], 0, value, &status);
        if (status > GSNMP_PDU_ERROR_INCONSISTENT_NAME)
                status = GSNMP_PDU_ERROR_GEN_ERR;

        return status;
}

static void
apply (GsnmpStoreProvider *self,
       GsnmpVarbind       *value)
{
        if (gsnmp_varbind_is_exception (value))
                store_remove (self, gsnmp_varbind_get_oid (value));
        else
                store_put (self, value);

        g_signal_emit (self, signals[SIGNAL_CHANGED], 0, value);
}

static void
gsnmp_store_provider_handle (GsnmpProvider        *provider,
                             GsnmpProviderRequest *request)
{
        GsnmpStoreProvider *self = GSNMP_STORE_PROVIDER (provider);
        GsnmpProviderOperation op = gsnmp_provider_request_get_operation (request);
        guint n = gsnmp_provider_request_get_n_oids (request);

        for (guint i = 0; i < n; i++) {
                GsnmpOid *oid = gsnmp_provider_request_get_oid (request, i);
                GsnmpVarbind *value = gsnmp_provider_request_get_varbind (request, i);
                g_autoptr(GsnmpVarbind) answer = NULL;
                guint status;

                switch (op) {
                case GSNMP_PROVIDER_OPERATION_GET:
                case GSNMP_PROVIDER_OPERATION_GET_NEXT:
                        answer = gsnmp_store_provider_answer (self, oid,
                                                              op == GSNMP_PROVIDER_OPERATION_GET_NEXT);
                        if (answer == NULL)
                                answer = gsnmp_varbind_new_exception (oid, GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
                        gsnmp_provider_request_set_value (request, i, answer);
                        break;
                case GSNMP_PROVIDER_OPERATION_SET_TEST:
                        status = test_set (self, value);
                        if (status != 0)
                                gsnmp_provider_request_set_error (request, i, status);
                        break;
                case GSNMP_PROVIDER_OPERATION_SET_COMMIT:
                case GSNMP_PROVIDER_OPERATION_SET_UNDO:
                        apply (self, value);
                        break;
                default:
                        break;
                }
        }

        gsnmp_provider_request_complete (request);
}

static void
writable_clear (gpointer data)
{
        Writable *w = data;

        g_clear_pointer (&w->subtree, gsnmp_oid_unref);
}

static void
gsnmp_store_provider_finalize (GObject *object)
{
        GsnmpStoreProvider *self = GSNMP_STORE_PROVIDER (object);

        g_clear_pointer (&self->index, g_hash_table_unref);
        g_clear_pointer (&self->values, g_sequence_free);
        g_clear_pointer (&self->writable, g_array_unref);

        G_OBJECT_CLASS (gsnmp_store_provider_parent_class)->finalize (object);
}

static gboolean
first_error_wins (GSignalInvocationHint *hint,
                  GValue                *return_accu,
                  const GValue          *handler_return,
                  gpointer               data)
{
        guint status = g_value_get_uint (handler_return);

        g_value_set_uint (return_accu, status);
        return status == 0;
}

static void
gsnmp_store_provider_class_init (GsnmpStoreProviderClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);
        GsnmpProviderClass *provider_class = GSNMP_PROVIDER_CLASS (klass);

        object_class->finalize = gsnmp_store_provider_finalize;
        provider_class->handle = gsnmp_store_provider_handle;

        /**
         * GsnmpStoreProvider::validate:
         * @self: the store
         * @value: the variable binding a SET wants to write
         *
         * Emitted in the test phase of a SET (RFC 3416 §4.2.5), once the
         * instance is known to be writable and @value to have the right
         * type, so the application can refuse the value. Nothing is
         * written yet.
         *
         * Returns: 0 to accept @value, or the error status to refuse it
         *   with, a [error@Gsnmp.PduError] such as
         *   %GSNMP_PDU_ERROR_WRONG_VALUE, %GSNMP_PDU_ERROR_WRONG_LENGTH or
         *   %GSNMP_PDU_ERROR_INCONSISTENT_VALUE
         *
         * Since: 0.1
         */
        signals[SIGNAL_VALIDATE] =
                g_signal_new ("validate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                              0, first_error_wins, NULL, NULL,
                              G_TYPE_UINT, 1, GSNMP_TYPE_VARBIND);

        /**
         * GsnmpStoreProvider::changed:
         * @self: the store
         * @value: the new value, or a `noSuchInstance` exception when the
         *   instance was removed (a SET that created it was undone)
         *
         * Emitted when a SET has written a value, or when it was undone.
         *
         * Since: 0.1
         */
        signals[SIGNAL_CHANGED] =
                g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                              0, NULL, NULL, NULL,
                              G_TYPE_NONE, 1, GSNMP_TYPE_VARBIND);
}

static void
gsnmp_store_provider_init (GsnmpStoreProvider *self)
{
        self->values = g_sequence_new ((GDestroyNotify) gsnmp_varbind_unref);
        /* Keyed by the stored varbinds' own OIDs: no copies. */
        self->index = g_hash_table_new ((GHashFunc) gsnmp_oid_hash, (GEqualFunc) gsnmp_oid_equal);
        self->writable = g_array_new (FALSE, FALSE, sizeof (Writable));
        g_array_set_clear_func (self->writable, writable_clear);
}

/**
 * gsnmp_store_provider_new:
 * @root: (nullable): the root of the subtree it serves; %NULL for the
 *   whole MIB
 *
 * Creates an empty store.
 *
 * Returns: (transfer full): a new store
 *
 * Since: 0.1
 */
GsnmpStoreProvider *
gsnmp_store_provider_new (GsnmpOid *root)
{
        return g_object_new (GSNMP_TYPE_STORE_PROVIDER, "root", root, NULL);
}

/**
 * gsnmp_store_provider_set:
 * @self: a [class@Gsnmp.StoreProvider]
 * @value: the variable binding to store; its OID must be under the
 *   store's root and its value must not be an exception
 *
 * Adds a value, or replaces the value stored under the same OID.
 *
 * Since: 0.1
 */
void
gsnmp_store_provider_set (GsnmpStoreProvider *self,
                          GsnmpVarbind       *value)
{
        g_return_if_fail (GSNMP_IS_STORE_PROVIDER (self));
        g_return_if_fail (value != NULL);
        g_return_if_fail (!gsnmp_varbind_is_exception (value));
        g_return_if_fail (gsnmp_oid_has_prefix (gsnmp_varbind_get_oid (value),
                                                gsnmp_provider_get_root (GSNMP_PROVIDER (self))));

        store_put (self, value);
}

/**
 * gsnmp_store_provider_remove:
 * @self: a [class@Gsnmp.StoreProvider]
 * @oid: the OID of the value to remove
 *
 * Removes a value.
 *
 * Returns: %TRUE if there was a value under @oid
 *
 * Since: 0.1
 */
gboolean
gsnmp_store_provider_remove (GsnmpStoreProvider *self,
                             GsnmpOid           *oid)
{
        g_return_val_if_fail (GSNMP_IS_STORE_PROVIDER (self), FALSE);
        g_return_val_if_fail (oid != NULL, FALSE);

        return store_remove (self, oid);
}

/**
 * gsnmp_store_provider_lookup:
 * @self: a [class@Gsnmp.StoreProvider]
 * @oid: an OID
 *
 * Gets the value stored under @oid.
 *
 * Returns: (transfer none) (nullable): the variable binding, or %NULL
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_store_provider_lookup (GsnmpStoreProvider *self,
                             GsnmpOid           *oid)
{
        GSequenceIter *it;

        g_return_val_if_fail (GSNMP_IS_STORE_PROVIDER (self), NULL);
        g_return_val_if_fail (oid != NULL, NULL);

        it = g_hash_table_lookup (self->index, oid);
        return it ? g_sequence_get (it) : NULL;
}

/**
 * gsnmp_store_provider_get_n_values:
 * @self: a [class@Gsnmp.StoreProvider]
 *
 * Gets the number of values stored.
 *
 * Returns: the number of values
 *
 * Since: 0.1
 */
guint
gsnmp_store_provider_get_n_values (GsnmpStoreProvider *self)
{
        g_return_val_if_fail (GSNMP_IS_STORE_PROVIDER (self), 0);

        return g_hash_table_size (self->index);
}

/**
 * gsnmp_store_provider_set_writable:
 * @self: a [class@Gsnmp.StoreProvider]
 * @subtree: the instances SET may write: one instance (a scalar's `.0`),
 *   a table column, or a whole table
 * @type: the type a SET must give them; another type gets `wrongType`
 * @creatable: whether SET may create instances that do not exist yet;
 *   if not, such a SET gets `noCreation`
 *
 * Lets SET requests write the instances under @subtree (the longest
 * matching subtree applies). Instances outside every writable subtree get
 * `notWritable`.
 *
 * Since: 0.1
 */
void
gsnmp_store_provider_set_writable (GsnmpStoreProvider *self,
                                   GsnmpOid           *subtree,
                                   GsnmpValueType      type,
                                   gboolean            creatable)
{
        Writable w;

        g_return_if_fail (GSNMP_IS_STORE_PROVIDER (self));
        g_return_if_fail (subtree != NULL);

        for (guint i = 0; i < self->writable->len; i++) {
                Writable *old = &g_array_index (self->writable, Writable, i);

                if (gsnmp_oid_equal (old->subtree, subtree)) {
                        old->type = type;
                        old->creatable = creatable;
                        return;
                }
        }

        w.subtree = gsnmp_oid_ref (subtree);
        w.type = type;
        w.creatable = creatable;
        g_array_append_val (self->writable, w);
}

/****************************************************************************/
/* snmprec */

static int
hex_value (char c)
{
        if (c >= '0' && c <= '9')
                return c - '0';
        if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
        return -1;
}

static GBytes *
parse_hex (const char *s,
           gsize       len)
{
        guint8 *out;

        if (len % 2 != 0)
                return NULL;

        out = g_malloc (len / 2 + 1);
        for (gsize i = 0; i < len; i += 2) {
                int hi = hex_value (s[i]), lo = hex_value (s[i + 1]);

                if (hi < 0 || lo < 0) {
                        g_free (out);
                        return NULL;
                }
                out[i / 2] = (guint8) (hi << 4 | lo);
        }

        return g_bytes_new_take (out, len / 2);
}

static gboolean
parse_number (const char *s,
              gboolean    is_signed,
              guint64     max,
              guint64    *out)
{
        char *end = NULL;

        if (*s == '\0' || g_ascii_isspace (*s))
                return FALSE;
        errno = 0;
        if (is_signed) {
                gint64 v = g_ascii_strtoll (s, &end, 10);

                if (errno != 0 || *end != '\0' || v < G_MININT32 || v > G_MAXINT32)
                        return FALSE;
                *out = (guint64) v;
        } else {
                guint64 v;

                if (*s == '-')
                        return FALSE;
                v = g_ascii_strtoull (s, &end, 10);
                if (errno != 0 || *end != '\0' || v > max)
                        return FALSE;
                *out = v;
        }

        return TRUE;
}

/* One `OID|TAG|VALUE` record (snmpsim's snmprec format). */
static GsnmpVarbind *
parse_record (GsnmpStoreProvider *self,
              char               *line,
              guint               line_no,
              GError            **error)
{
        char *bar1, *bar2, *tag_end, *value;
        g_autoptr(GsnmpOid) oid = NULL;
        g_autoptr(GBytes) hex = NULL;
        g_autoptr(GError) local = NULL;
        gboolean is_hex = FALSE;
        guint64 tag, number;
        gsize value_len;

        bar1 = strchr (line, '|');
        bar2 = bar1 ? strchr (bar1 + 1, '|') : NULL;
        if (bar2 == NULL)
                goto malformed;
        *bar1 = '\0';
        *bar2 = '\0';
        value = bar2 + 1;
        value_len = strlen (value);

        oid = gsnmp_oid_new_from_string (line, &local);
        if (oid == NULL) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("Line %u of the snmprec data: %s"), line_no, local->message);
                return NULL;
        }
        if (!gsnmp_oid_has_prefix (oid, gsnmp_provider_get_root (GSNMP_PROVIDER (self)))) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("Line %u of the snmprec data: %s is outside the store’s subtree"),
                             line_no, line);
                return NULL;
        }

        tag = g_ascii_strtoull (bar1 + 1, &tag_end, 10);
        if (tag_end == bar1 + 1)
                goto malformed;
        if (*tag_end == 'x') {
                is_hex = TRUE;
                tag_end++;
        }
        if (*tag_end != '\0') {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("Line %u of the snmprec data: unsupported tag “%s” (variation modules are not supported)"),
                             line_no, bar1 + 1);
                return NULL;
        }
        if (is_hex) {
                hex = parse_hex (value, value_len);
                if (hex == NULL)
                        goto bad_value;
        }

        switch (tag) {
        case GSNMP_VALUE_TYPE_INTEGER:
                if (is_hex || !parse_number (value, TRUE, 0, &number))
                        goto bad_value;
                return gsnmp_varbind_new_integer (oid, (gint32) (gint64) number);
        case GSNMP_VALUE_TYPE_OCTET_STRING:
        case GSNMP_VALUE_TYPE_OPAQUE:
                if (hex != NULL)
                        return gsnmp_varbind_new_take_bytes (gsnmp_oid_ref (oid), tag, g_steal_pointer (&hex));
                return gsnmp_varbind_new_take_octets (gsnmp_oid_ref (oid), tag,
                                                      (const guint8 *) value, value_len);
        case GSNMP_VALUE_TYPE_NULL:
                return gsnmp_varbind_new_null (oid);
        case GSNMP_VALUE_TYPE_OBJECT_ID: {
                g_autoptr(GsnmpOid) v = is_hex ? NULL : gsnmp_oid_new_from_string (value, NULL);

                if (v == NULL)
                        goto bad_value;
                return gsnmp_varbind_new_oid (oid, v);
        }
        case GSNMP_VALUE_TYPE_IP_ADDRESS: {
                guint8 addr[4];

                if (hex != NULL) {
                        if (g_bytes_get_size (hex) != 4)
                                goto bad_value;
                        memcpy (addr, g_bytes_get_data (hex, NULL), 4);
                } else {
                        g_auto(GStrv) parts = g_strsplit (value, ".", 0);

                        if (g_strv_length (parts) != 4)
                                goto bad_value;
                        for (guint i = 0; i < 4; i++) {
                                if (!parse_number (parts[i], FALSE, 255, &number))
                                        goto bad_value;
                                addr[i] = (guint8) number;
                        }
                }
                return gsnmp_varbind_new_ip_address (oid, addr);
        }
        case GSNMP_VALUE_TYPE_COUNTER32:
        case GSNMP_VALUE_TYPE_GAUGE32:
        case GSNMP_VALUE_TYPE_TIMETICKS:
                if (is_hex || !parse_number (value, FALSE, G_MAXUINT32, &number))
                        goto bad_value;
                return gsnmp_varbind_new_take (gsnmp_oid_ref (oid), tag, number);
        case GSNMP_VALUE_TYPE_COUNTER64:
                if (is_hex || !parse_number (value, FALSE, G_MAXUINT64, &number))
                        goto bad_value;
                return gsnmp_varbind_new_counter64 (oid, number);
        default:
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                             _("Line %u of the snmprec data: unknown type tag %" G_GUINT64_FORMAT),
                             line_no, tag);
                return NULL;
        }

malformed:
        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                     _("Line %u of the snmprec data is not of the form OID|TAG|VALUE"), line_no);
        return NULL;

bad_value:
        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                     _("Line %u of the snmprec data: invalid value “%s” for tag %s"),
                     line_no, value, bar1 + 1);
        return NULL;
}

/**
 * gsnmp_store_provider_load_snmprec:
 * @self: a [class@Gsnmp.StoreProvider]
 * @data: (array length=length) (element-type guint8): the records
 * @length: the length of @data, or -1 if it is nul-terminated
 * @error: return location for a [struct@GLib.Error]
 *
 * Adds the values of a recording in snmpsim's `.snmprec` format: one
 * `OID|TAG|VALUE` record a line, where TAG is the value's BER tag in
 * decimal (2 INTEGER, 4 OCTET STRING, 5 NULL, 6 OBJECT IDENTIFIER,
 * 64 IpAddress, 65 Counter32, 66 Gauge32, 67 TimeTicks, 68 Opaque,
 * 70 Counter64), followed by `x` when the value is written in hexadecimal.
 * Empty lines and lines beginning with `#` are skipped. snmpsim's variation
 * modules (`TAG:module`) are not supported.
 *
 * Nothing is added unless every record is valid.
 *
 * Returns: %TRUE on success, %FALSE with @error set to
 *   %GSNMP_ERROR_INVALID_VALUE naming the first bad line
 *
 * Since: 0.1
 */
gboolean
gsnmp_store_provider_load_snmprec (GsnmpStoreProvider *self,
                                   const char         *data,
                                   gssize              length,
                                   GError            **error)
{
        g_autoptr(GPtrArray) values = NULL;
        const char *p, *end;
        guint line_no = 0;

        g_return_val_if_fail (GSNMP_IS_STORE_PROVIDER (self), FALSE);
        g_return_val_if_fail (data != NULL || length == 0, FALSE);
        g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

        if (length < 0)
                length = strlen (data);

        values = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_varbind_unref);
        for (p = data, end = data + length; p < end;) {
                const char *eol = memchr (p, '\n', end - p);
                gsize len = (eol ? eol : end) - p;
                g_autofree char *line = NULL;
                GsnmpVarbind *vb;

                line_no++;
                if (len > 0 && p[len - 1] == '\r')
                        len--;
                if (memchr (p, '\0', len) != NULL) {
                        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_VALUE,
                                     _("Line %u of the snmprec data holds a NUL byte"), line_no);
                        return FALSE;
                }
                line = g_strndup (p, len);
                p = eol ? eol + 1 : end;

                if (line[0] == '\0' || line[0] == '#')
                        continue;

                vb = parse_record (self, line, line_no, error);
                if (vb == NULL)
                        return FALSE;
                g_ptr_array_add (values, vb);
        }

        for (guint i = 0; i < values->len; i++)
                store_put (self, g_ptr_array_index (values, i));

        return TRUE;
}

/**
 * gsnmp_store_provider_new_from_snmprec:
 * @path: (type filename): the `.snmprec` file
 * @error: return location for a [struct@GLib.Error]
 *
 * Creates a store serving the whole MIB from a recording in snmpsim's
 * `.snmprec` format (see [method@Gsnmp.StoreProvider.load_snmprec]).
 *
 * Returns: (transfer full) (nullable): a new store, or %NULL with @error
 *   set (a [error@GLib.FileError], or %GSNMP_ERROR_INVALID_VALUE)
 *
 * Since: 0.1
 */
GsnmpStoreProvider *
gsnmp_store_provider_new_from_snmprec (const char  *path,
                                       GError     **error)
{
        g_autoptr(GsnmpStoreProvider) self = NULL;
        g_autofree char *contents = NULL;
        gsize length;

        g_return_val_if_fail (path != NULL, NULL);
        g_return_val_if_fail (error == NULL || *error == NULL, NULL);

        if (!g_file_get_contents (path, &contents, &length, error))
                return NULL;

        self = gsnmp_store_provider_new (NULL);
        if (!gsnmp_store_provider_load_snmprec (self, contents, length, error)) {
                g_prefix_error (error, "%s: ", path);
                return NULL;
        }

        return g_steal_pointer (&self);
}
