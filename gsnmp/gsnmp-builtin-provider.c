/* gsnmp-builtin-provider.c - the agent's own groups: system, snmp,
 * snmpEngine, snmpMPDStats, usmStats, the SNMP-TARGET-MIB context counters
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-builtin-provider-private.h"
#include "gsnmp-agent-private.h"
#include "gsnmp-provider-private.h"
#include "gsnmp-i18n-private.h"

#include <string.h>

/* Codes of the instances served: a scalar's sub-identifier, or for
 * sysORTable rows COLUMN << 16 | row. */
#define ROW_CODE(column, row) ((column) << 16 | (row))

struct _GsnmpBuiltinProvider {
        GsnmpProvider      parent_instance;

        GsnmpAgent        *agent;     /* (unowned): the agent owns us */
        GsnmpBuiltinGroup  group;
        GPtrArray         *keys;      /* (element-type GsnmpOid), sorted */
        GArray            *codes;     /* (element-type guint), as @keys */
        guint              serial;    /* sysORTable serial the keys are for */
};

G_DEFINE_FINAL_TYPE (GsnmpBuiltinProvider, gsnmp_builtin_provider, GSNMP_TYPE_PROVIDER)

typedef struct {
        guint          id;
        GsnmpAgentStat stat;
} Scalar;

static const Scalar snmp_scalars[] = {
        { 1, GSNMP_AGENT_STAT_IN_PKTS },
        { 2, GSNMP_AGENT_STAT_OUT_PKTS },
        { 3, GSNMP_AGENT_STAT_BAD_VERSIONS },
        { 4, GSNMP_AGENT_STAT_BAD_COMMUNITY_NAMES },
        { 5, GSNMP_AGENT_STAT_BAD_COMMUNITY_USES },
        { 6, GSNMP_AGENT_STAT_ASN_PARSE_ERRS },
        { 20, GSNMP_AGENT_STAT_OUT_TOO_BIGS },
        { 30, 0 },      /* snmpEnableAuthenTraps: disabled(2) */
        { 31, GSNMP_AGENT_STAT_SILENT_DROPS },
        { 32, GSNMP_AGENT_STAT_PROXY_DROPS },
}, mpd_scalars[] = {
        { 1, GSNMP_AGENT_STAT_UNKNOWN_SECURITY_MODELS },
        { 2, GSNMP_AGENT_STAT_INVALID_MSGS },
        { 3, GSNMP_AGENT_STAT_UNKNOWN_PDU_HANDLERS },
}, usm_scalars[] = {
        { 1, GSNMP_AGENT_STAT_UNSUPPORTED_SEC_LEVELS },
        { 2, GSNMP_AGENT_STAT_NOT_IN_TIME_WINDOWS },
        { 3, GSNMP_AGENT_STAT_UNKNOWN_USER_NAMES },
        { 4, GSNMP_AGENT_STAT_UNKNOWN_ENGINE_IDS },
        { 5, GSNMP_AGENT_STAT_WRONG_DIGESTS },
        { 6, GSNMP_AGENT_STAT_DECRYPTION_ERRORS },
}, target_scalars[] = {
        { 4, GSNMP_AGENT_STAT_UNAVAILABLE_CONTEXTS },
        { 5, GSNMP_AGENT_STAT_UNKNOWN_CONTEXTS },
};

/* Each group: its root, and for the groups of counters their scalars
 * (sub-identifier and counter), in order. */
static const struct {
        guint32       root[9];
        guint         root_len;
        const Scalar *scalars;
        gsize         n_scalars;
} groups[] = {
        [GSNMP_BUILTIN_GROUP_SYSTEM] = { { 1, 3, 6, 1, 2, 1, 1 }, 7, NULL, 0 },
        [GSNMP_BUILTIN_GROUP_SNMP] = { { 1, 3, 6, 1, 2, 1, 11 }, 7, snmp_scalars, G_N_ELEMENTS (snmp_scalars) },
        [GSNMP_BUILTIN_GROUP_ENGINE] = { { 1, 3, 6, 1, 6, 3, 10, 2, 1 }, 9, NULL, 0 },
        [GSNMP_BUILTIN_GROUP_MPD_STATS] = { { 1, 3, 6, 1, 6, 3, 11, 2, 1 }, 9, mpd_scalars, G_N_ELEMENTS (mpd_scalars) },
        [GSNMP_BUILTIN_GROUP_USM_STATS] = { { 1, 3, 6, 1, 6, 3, 15, 1, 1 }, 9, usm_scalars, G_N_ELEMENTS (usm_scalars) },
        [GSNMP_BUILTIN_GROUP_TARGET] = { { 1, 3, 6, 1, 6, 3, 12, 1 }, 8, target_scalars, G_N_ELEMENTS (target_scalars) },
};

static void
add_key (GsnmpBuiltinProvider *self,
         const guint32        *suffix,
         gsize                 n,
         guint                 code)
{
        GsnmpOid *root = gsnmp_provider_get_root (GSNMP_PROVIDER (self));

        g_ptr_array_add (self->keys, gsnmp_oid_new_child (root, suffix, n));
        g_array_append_val (self->codes, code);
}

static void
add_scalar (GsnmpBuiltinProvider *self,
            guint                 id)
{
        guint32 suffix[2] = { id, 0 };

        add_key (self, suffix, 2, id);
}

/* (Re)builds the sorted instance list. */
static void
ensure_keys (GsnmpBuiltinProvider *self)
{
        guint32 last_change;
        guint serial, n = 0;

        if (self->group != GSNMP_BUILTIN_GROUP_SYSTEM) {
                if (self->keys->len > 0)
                        return;
        } else {
                n = gsnmp_agent_get_capabilities (self->agent, &last_change, &serial);
                if (self->keys->len > 0 && serial == self->serial)
                        return;
                self->serial = serial;
        }

        g_ptr_array_set_size (self->keys, 0);
        g_array_set_size (self->codes, 0);

        switch (self->group) {
        case GSNMP_BUILTIN_GROUP_SYSTEM:
                for (guint id = 1; id <= 8; id++)
                        add_scalar (self, id);
                /* sysORTable: sysORID, sysORDescr, sysORUpTime columns */
                for (guint column = 2; column <= 4; column++) {
                        for (guint row = 1; row <= n; row++) {
                                guint32 suffix[4] = { 9, 1, column, row };

                                add_key (self, suffix, 4, ROW_CODE (column, row));
                        }
                }
                break;
        case GSNMP_BUILTIN_GROUP_ENGINE:
                for (guint id = 1; id <= 4; id++)
                        add_scalar (self, id);
                break;
        default:
                for (gsize i = 0; i < groups[self->group].n_scalars; i++)
                        add_scalar (self, groups[self->group].scalars[i].id);
                break;
        }
}

static GsnmpAgentStat
stat_for (GsnmpBuiltinProvider *self,
          guint                 id)
{
        for (gsize i = 0; i < groups[self->group].n_scalars; i++) {
                if (groups[self->group].scalars[i].id == id)
                        return groups[self->group].scalars[i].stat;
        }
        g_assert_not_reached ();
}

/* The current value of the instance @code, named @oid. */
static GsnmpVarbind *
make_value (GsnmpBuiltinProvider *self,
            guint                 code,
            GsnmpOid             *oid)
{
        GsnmpAgent *agent = self->agent;
        GsnmpEngine *engine = gsnmp_agent_get_engine (agent);

        switch (self->group) {
        case GSNMP_BUILTIN_GROUP_SYSTEM:
                if (code > 0xffff) {
                        GsnmpOid *id;
                        const char *descr;
                        guint32 uptime;

                        gsnmp_agent_get_capability (agent, (code & 0xffff) - 1, &id, &descr, &uptime);
                        switch (code >> 16) {
                        case 2:
                                return gsnmp_varbind_new_oid (oid, id);
                        case 3:
                                return gsnmp_varbind_new_string (oid, descr);
                        default:
                                return gsnmp_varbind_new_timeticks (oid, uptime);
                        }
                }
                switch (code) {
                case 1:
                        return gsnmp_varbind_new_string (oid, gsnmp_agent_get_sys_descr (agent));
                case 2:
                        return gsnmp_varbind_new_oid (oid, gsnmp_agent_get_sys_object_id (agent));
                case 3:
                        return gsnmp_varbind_new_timeticks (oid, gsnmp_agent_get_uptime (agent));
                case 4:
                        return gsnmp_varbind_new_string (oid, gsnmp_agent_get_sys_contact (agent));
                case 5:
                        return gsnmp_varbind_new_string (oid, gsnmp_agent_get_sys_name (agent));
                case 6:
                        return gsnmp_varbind_new_string (oid, gsnmp_agent_get_sys_location (agent));
                case 7:
                        /* sysServices: applications (layer 7) and
                         * end-to-end (layer 4), as Net-SNMP's default */
                        return gsnmp_varbind_new_integer (oid, 72);
                default: {
                        guint32 last_change, serial;

                        gsnmp_agent_get_capabilities (agent, &last_change, &serial);
                        return gsnmp_varbind_new_timeticks (oid, last_change);
                }
                }
        case GSNMP_BUILTIN_GROUP_ENGINE:
                switch (code) {
                case 1: {
                        GBytes *id = gsnmp_engine_get_engine_id (engine);
                        gsize len;
                        const guint8 *data = g_bytes_get_data (id, &len);

                        return gsnmp_varbind_new_octet_string (oid, data, len);
                }
                case 2:
                        return gsnmp_varbind_new_integer (oid, (gint32) gsnmp_engine_get_engine_boots (engine));
                case 3:
                        return gsnmp_varbind_new_integer (oid, (gint32) gsnmp_engine_get_engine_time (engine));
                default:
                        return gsnmp_varbind_new_integer (oid, (gint32) gsnmp_agent_get_max_message_size (agent));
                }
        case GSNMP_BUILTIN_GROUP_SNMP:
                if (code == 30)
                        return gsnmp_varbind_new_integer (oid, 2);
                G_GNUC_FALLTHROUGH;
        default:
                return gsnmp_varbind_new_counter32 (oid, (guint32) gsnmp_agent_get_stat (agent, stat_for (self, code)));
        }
}

/* The index of the first key >= @oid (or > when @after). */
static guint
search (GsnmpBuiltinProvider *self,
        GsnmpOid             *oid,
        gboolean              after)
{
        guint lo = 0, hi = self->keys->len;

        while (lo < hi) {
                guint mid = lo + (hi - lo) / 2;
                int c = gsnmp_oid_compare (g_ptr_array_index (self->keys, mid), oid);

                if (c < 0 || (after && c == 0))
                        lo = mid + 1;
                else
                        hi = mid;
        }
        return lo;
}

static gboolean
is_writable (GsnmpBuiltinProvider *self,
             guint                 code)
{
        return self->group == GSNMP_BUILTIN_GROUP_SYSTEM && code >= 4 && code <= 6;
}

/* RFC 3418: sysContact, sysName and sysLocation are DisplayStrings of at
 * most 255 characters. */
static guint
test_set (GsnmpBuiltinProvider *self,
          GsnmpVarbind         *value,
          int                   key)
{
        gsize len;
        const guint8 *data;

        if (key < 0 || !is_writable (self, g_array_index (self->codes, guint, key)))
                return GSNMP_PDU_ERROR_NOT_WRITABLE;
        if (gsnmp_varbind_get_value_type (value) != GSNMP_VALUE_TYPE_OCTET_STRING)
                return GSNMP_PDU_ERROR_WRONG_TYPE;
        data = gsnmp_varbind_get_octets (value, &len);
        if (len > 255)
                return GSNMP_PDU_ERROR_WRONG_LENGTH;
        for (gsize i = 0; i < len; i++) {
                if (data[i] == 0 || data[i] >= 0x80)
                        return GSNMP_PDU_ERROR_WRONG_VALUE;
        }
        return 0;
}

static void
commit (GsnmpBuiltinProvider *self,
        GsnmpVarbind         *value,
        guint                 code)
{
        g_autofree char *s = NULL;

        if (gsnmp_varbind_get_value_type (value) != GSNMP_VALUE_TYPE_OCTET_STRING)
                return;
        s = gsnmp_varbind_get_string (value);
        switch (code) {
        case 4:
                gsnmp_agent_set_sys_contact (self->agent, s);
                break;
        case 5:
                gsnmp_agent_set_sys_name (self->agent, s);
                break;
        case 6:
                gsnmp_agent_set_sys_location (self->agent, s);
                break;
        default:
                break;
        }
}

static void
gsnmp_builtin_provider_handle (GsnmpProvider        *provider,
                               GsnmpProviderRequest *request)
{
        GsnmpBuiltinProvider *self = GSNMP_BUILTIN_PROVIDER (provider);
        GsnmpProviderOperation op = gsnmp_provider_request_get_operation (request);
        guint n = gsnmp_provider_request_get_n_oids (request);

        ensure_keys (self);

        for (guint i = 0; i < n; i++) {
                GsnmpOid *oid = gsnmp_provider_request_get_oid (request, i);
                g_autoptr(GsnmpVarbind) vb = NULL;
                guint k = search (self, oid, op == GSNMP_PROVIDER_OPERATION_GET_NEXT);
                gboolean exact = k < self->keys->len &&
                                 gsnmp_oid_equal (g_ptr_array_index (self->keys, k), oid);
                guint status;

                switch (op) {
                case GSNMP_PROVIDER_OPERATION_GET:
                        if (exact)
                                vb = make_value (self, g_array_index (self->codes, guint, k), oid);
                        else
                                vb = gsnmp_varbind_new_exception (oid, GSNMP_VALUE_TYPE_NO_SUCH_INSTANCE);
                        gsnmp_provider_request_set_value (request, i, vb);
                        break;
                case GSNMP_PROVIDER_OPERATION_GET_NEXT:
                        if (k < self->keys->len)
                                vb = make_value (self, g_array_index (self->codes, guint, k),
                                                 g_ptr_array_index (self->keys, k));
                        else
                                vb = gsnmp_varbind_new_exception (oid, GSNMP_VALUE_TYPE_END_OF_MIB_VIEW);
                        gsnmp_provider_request_set_value (request, i, vb);
                        break;
                case GSNMP_PROVIDER_OPERATION_SET_TEST:
                        status = test_set (self, gsnmp_provider_request_get_varbind (request, i),
                                           exact ? (int) k : -1);
                        if (status != 0)
                                gsnmp_provider_request_set_error (request, i, status);
                        break;
                case GSNMP_PROVIDER_OPERATION_SET_COMMIT:
                case GSNMP_PROVIDER_OPERATION_SET_UNDO:
                        if (exact)
                                commit (self, gsnmp_provider_request_get_varbind (request, i),
                                        g_array_index (self->codes, guint, k));
                        break;
                default:
                        break;
                }
        }

        gsnmp_provider_request_complete (request);
}

static void
gsnmp_builtin_provider_finalize (GObject *object)
{
        GsnmpBuiltinProvider *self = GSNMP_BUILTIN_PROVIDER (object);

        g_clear_pointer (&self->keys, g_ptr_array_unref);
        g_clear_pointer (&self->codes, g_array_unref);

        G_OBJECT_CLASS (gsnmp_builtin_provider_parent_class)->finalize (object);
}

static void
gsnmp_builtin_provider_class_init (GsnmpBuiltinProviderClass *klass)
{
        G_OBJECT_CLASS (klass)->finalize = gsnmp_builtin_provider_finalize;
        GSNMP_PROVIDER_CLASS (klass)->handle = gsnmp_builtin_provider_handle;
}

static void
gsnmp_builtin_provider_init (GsnmpBuiltinProvider *self)
{
        self->keys = g_ptr_array_new_with_free_func ((GDestroyNotify) gsnmp_oid_unref);
        self->codes = g_array_new (FALSE, FALSE, sizeof (guint));
}

GsnmpProvider *
gsnmp_builtin_provider_new (GsnmpAgent        *agent,
                            GsnmpBuiltinGroup  group)
{
        GsnmpBuiltinProvider *self;
        g_autoptr(GsnmpOid) root = NULL;

        g_return_val_if_fail ((gsize) group < G_N_ELEMENTS (groups), NULL);
        root = gsnmp_oid_new (groups[group].root, groups[group].root_len);
        self = g_object_new (GSNMP_TYPE_BUILTIN_PROVIDER, "root", root, NULL);
        self->agent = agent;
        self->group = group;

        return GSNMP_PROVIDER (self);
}
