/* gsnmp-pdu.c - protocol data units
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-pdu.h"
#include "gsnmp-pdu-private.h"
#include "gsnmp-error.h"
#include "gsnmp-enum-types.h"
#include "gsnmp-i18n-private.h"

#include <string.h>

/**
 * GsnmpPdu:
 *
 * A protocol data unit: the type of an SNMP operation, its request-id,
 * error-status and error-index, and a list of variable bindings
 * ([struct@Gsnmp.Varbind]), as defined in RFC 3416 §3.
 *
 * Requests return the response PDU whatever its error-status: a non-zero
 * error-status is not a [struct@GLib.Error].  Check
 * [method@Gsnmp.Pdu.get_error_status] or call
 * [method@Gsnmp.Pdu.check_error], which turns it into a %GSNMP_PDU_ERROR.
 *
 * For GetBulkRequest-PDUs the error-status and error-index fields hold
 * non-repeaters and max-repetitions; read them with
 * [method@Gsnmp.Pdu.get_non_repeaters] and
 * [method@Gsnmp.Pdu.get_max_repetitions].
 *
 * A PDU is a boxed, reference-counted value ([method@Gsnmp.Pdu.ref],
 * [method@Gsnmp.Pdu.unref]; `g_autoptr(GsnmpPdu)` in C).  Its reference
 * count is thread-safe, its contents are not; once the library has handed
 * a PDU to you it does not change it any more.
 *
 * Since: 0.1
 */

G_DEFINE_BOXED_TYPE (GsnmpPdu, gsnmp_pdu, gsnmp_pdu_ref, gsnmp_pdu_unref)

/* The room gsnmp_pdu_new() leaves for varbinds in the PDU itself: most
 * requests and responses carry a few. */
#define DEFAULT_INLINE_VARBINDS 4

/*****************************************************************************/
/* Internal API (gsnmp-pdu-private.h) */

void
gsnmp_pdu_set_request_id (GsnmpPdu *self,
                          gint32    request_id)
{
        g_return_if_fail (self != NULL);

        self->request_id = request_id;
}

void
gsnmp_pdu_set_error (GsnmpPdu *self,
                     guint32   error_status,
                     guint32   error_index)
{
        g_return_if_fail (self != NULL);

        self->error_status = error_status;
        self->error_index = error_index;
}

void
gsnmp_pdu_set_bulk (GsnmpPdu *self,
                    guint32   non_repeaters,
                    guint32   max_repetitions)
{
        g_return_if_fail (self != NULL);

        self->error_status = non_repeaters;
        self->error_index = max_repetitions;
}

void
gsnmp_pdu_take_varbind (GsnmpPdu     *self,
                        GsnmpVarbind *varbind)
{
        g_return_if_fail (self != NULL);
        g_return_if_fail (varbind != NULL);

        if (G_UNLIKELY (self->n_varbinds == self->varbinds_size)) {
                guint size;

                if (self->varbinds_size > G_MAXUINT / 4)
                        g_error ("GsnmpPdu: too many varbinds");
                size = MAX (self->varbinds_size * 2, DEFAULT_INLINE_VARBINDS);
                if (self->varbinds == self->inline_varbinds) {
                        self->varbinds = g_new (GsnmpVarbind *, size);
                        if (self->n_varbinds > 0)
                                memcpy (self->varbinds, self->inline_varbinds,
                                        self->n_varbinds * sizeof (GsnmpVarbind *));
                } else {
                        self->varbinds = g_renew (GsnmpVarbind *, self->varbinds, size);
                }
                self->varbinds_size = size;
        }
        self->varbinds[self->n_varbinds++] = varbind;
}

GsnmpPdu *
gsnmp_pdu_new_sized (GsnmpPduType type,
                     guint        n_varbinds)
{
        GsnmpPdu *self;

        g_return_val_if_fail (n_varbinds <= G_MAXUINT / 2 / sizeof (GsnmpVarbind *), NULL);

        /* The slots need no zeroing: only the first n_varbinds are read. */
        self = g_malloc (sizeof (GsnmpPdu) + n_varbinds * sizeof (GsnmpVarbind *));
        memset (self, 0, sizeof (GsnmpPdu));
        g_atomic_ref_count_init (&self->ref_count);
        self->type = type;
        self->varbinds = self->inline_varbinds;
        self->varbinds_size = n_varbinds;

        return self;
}

void
gsnmp_pdu_clear_varbinds (GsnmpPdu *self)
{
        g_return_if_fail (self != NULL);

        /* Cleared before the unrefs, in case a varbind's last unref ever
         * looks at the PDU. */
        for (guint i = self->n_varbinds; i > 0; i--) {
                GsnmpVarbind *vb = self->varbinds[i - 1];

                self->n_varbinds = i - 1;
                gsnmp_varbind_unref (vb);
        }
}

/*****************************************************************************/
/* Public API */

/**
 * gsnmp_pdu_new:
 * @type: the PDU type
 *
 * Creates an empty PDU of the given type, with request-id, error-status
 * and error-index 0.
 *
 * Returns: (transfer full): a new PDU
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_pdu_new (GsnmpPduType type)
{
        return gsnmp_pdu_new_sized (type, DEFAULT_INLINE_VARBINDS);
}

/**
 * gsnmp_pdu_ref:
 * @self: a PDU
 *
 * Acquires a reference on @self.  This function is thread-safe.
 *
 * Returns: (transfer full): @self
 *
 * Since: 0.1
 */
GsnmpPdu *
gsnmp_pdu_ref (GsnmpPdu *self)
{
        g_return_val_if_fail (self != NULL, NULL);

        g_atomic_ref_count_inc (&self->ref_count);

        return self;
}

/**
 * gsnmp_pdu_unref:
 * @self: (transfer full): a PDU
 *
 * Releases a reference on @self, and frees it and its varbinds when that
 * was the last one.  This function is thread-safe.
 *
 * Since: 0.1
 */
void
gsnmp_pdu_unref (GsnmpPdu *self)
{
        g_return_if_fail (self != NULL);

        if (!g_atomic_ref_count_dec (&self->ref_count))
                return;

        for (guint i = 0; i < self->n_varbinds; i++)
                gsnmp_varbind_unref (self->varbinds[i]);
        if (self->varbinds != self->inline_varbinds)
                g_free (self->varbinds);
        g_clear_pointer (&self->enterprise, gsnmp_oid_unref);
        g_free (self);
}

/**
 * gsnmp_pdu_get_pdu_type:
 * @self: a PDU
 *
 * Returns the type of @self.
 *
 * Returns: the PDU type
 *
 * Since: 0.1
 */
GsnmpPduType
gsnmp_pdu_get_pdu_type (GsnmpPdu *self)
{
        g_return_val_if_fail (self != NULL, GSNMP_PDU_TYPE_GET);

        return self->type;
}

/**
 * gsnmp_pdu_get_request_id:
 * @self: a PDU
 *
 * Returns the request-id of @self.
 *
 * Returns: the request-id
 *
 * Since: 0.1
 */
gint32
gsnmp_pdu_get_request_id (GsnmpPdu *self)
{
        g_return_val_if_fail (self != NULL, 0);

        return self->request_id;
}

/**
 * gsnmp_pdu_get_error_status:
 * @self: a PDU
 *
 * Returns the error-status of @self: 0 (noError) or, in a response, one of
 * the values of [error@Gsnmp.PduError].  Agents may send values outside
 * that range.
 *
 * Returns: the error-status
 *
 * Since: 0.1
 */
guint
gsnmp_pdu_get_error_status (GsnmpPdu *self)
{
        g_return_val_if_fail (self != NULL, 0);

        return self->error_status;
}

/**
 * gsnmp_pdu_get_error_index:
 * @self: a PDU
 *
 * Returns the error-index of @self: the 1-based position of the varbind
 * that caused a non-zero error-status, or 0 when it does not apply.
 *
 * Returns: the error-index
 *
 * Since: 0.1
 */
guint
gsnmp_pdu_get_error_index (GsnmpPdu *self)
{
        g_return_val_if_fail (self != NULL, 0);

        return self->error_index;
}

/**
 * gsnmp_pdu_get_non_repeaters:
 * @self: a PDU of type %GSNMP_PDU_TYPE_GET_BULK
 *
 * Returns the non-repeaters field of a GetBulkRequest-PDU, which shares
 * its place with error-status.
 *
 * Returns: the number of non-repeaters, or 0 if @self is not a
 *   GetBulkRequest-PDU
 *
 * Since: 0.1
 */
guint
gsnmp_pdu_get_non_repeaters (GsnmpPdu *self)
{
        g_return_val_if_fail (self != NULL, 0);
        g_return_val_if_fail (self->type == GSNMP_PDU_TYPE_GET_BULK, 0);

        return self->error_status;
}

/**
 * gsnmp_pdu_get_max_repetitions:
 * @self: a PDU of type %GSNMP_PDU_TYPE_GET_BULK
 *
 * Returns the max-repetitions field of a GetBulkRequest-PDU, which shares
 * its place with error-index.
 *
 * Returns: the maximum number of repetitions, or 0 if @self is not a
 *   GetBulkRequest-PDU
 *
 * Since: 0.1
 */
guint
gsnmp_pdu_get_max_repetitions (GsnmpPdu *self)
{
        g_return_val_if_fail (self != NULL, 0);
        g_return_val_if_fail (self->type == GSNMP_PDU_TYPE_GET_BULK, 0);

        return self->error_index;
}

/**
 * gsnmp_pdu_add_varbind:
 * @self: a PDU
 * @varbind: a varbind
 *
 * Appends @varbind to the variable bindings of @self.
 *
 * Since: 0.1
 */
void
gsnmp_pdu_add_varbind (GsnmpPdu     *self,
                       GsnmpVarbind *varbind)
{
        g_return_if_fail (self != NULL);
        g_return_if_fail (varbind != NULL);

        gsnmp_pdu_take_varbind (self, gsnmp_varbind_ref (varbind));
}

/**
 * gsnmp_pdu_get_varbinds:
 * @self: a PDU
 * @n_varbinds: (out) (optional): return location for the number of
 *   varbinds
 *
 * Returns the variable bindings of @self, in order.
 *
 * Returns: (array length=n_varbinds) (transfer none): the varbinds, owned
 *   by @self
 *
 * Since: 0.1
 */
GsnmpVarbind **
gsnmp_pdu_get_varbinds (GsnmpPdu *self,
                        guint    *n_varbinds)
{
        g_return_val_if_fail (self != NULL, NULL);

        if (n_varbinds)
                *n_varbinds = self->n_varbinds;

        return self->varbinds;
}

/**
 * gsnmp_pdu_get_n_varbinds:
 * @self: a PDU
 *
 * Returns the number of variable bindings of @self.
 *
 * Returns: the number of varbinds
 *
 * Since: 0.1
 */
guint
gsnmp_pdu_get_n_varbinds (GsnmpPdu *self)
{
        g_return_val_if_fail (self != NULL, 0);

        return self->n_varbinds;
}

/**
 * gsnmp_pdu_get_varbind:
 * @self: a PDU
 * @index: a position, less than [method@Gsnmp.Pdu.get_n_varbinds]
 *
 * Returns one variable binding of @self.  Note that @index counts from 0,
 * while error-index counts from 1.
 *
 * Returns: (transfer none): the varbind at @index, owned by @self
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_pdu_get_varbind (GsnmpPdu *self,
                       guint     index)
{
        g_return_val_if_fail (self != NULL, NULL);
        g_return_val_if_fail (index < self->n_varbinds, NULL);

        return self->varbinds[index];
}

/**
 * gsnmp_pdu_check_error:
 * @self: a PDU, usually a response
 * @error: return location for a [struct@GLib.Error]
 *
 * Turns a non-zero error-status into a [struct@GLib.Error] in the
 * %GSNMP_PDU_ERROR domain, whose code is the error-status (see
 * [error@Gsnmp.PduError]) and whose message names the error and, when
 * error-index points at one, the OID of the varbind that caused it.
 *
 * ```c
 * if (!gsnmp_pdu_check_error (pdu, &error)) {
 *         g_printerr ("%s\n", error->message);
 *         // for example: Agent reported error noSuchName (2) for 1.3.6.1.2.1.1.7.0
 *         ...
 * }
 * ```
 *
 * Returns: %TRUE if the error-status is 0 (noError), %FALSE with @error
 *   set otherwise
 *
 * Since: 0.1
 */
gboolean
gsnmp_pdu_check_error (GsnmpPdu  *self,
                       GError   **error)
{
        const char *name;
        g_autofree char *oid_str = NULL;

        g_return_val_if_fail (self != NULL, FALSE);
        g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

        if (self->error_status == 0)
                return TRUE;

        gsnmp_init_once ();

        if (self->error_index >= 1 && self->error_index <= self->n_varbinds) {
                GsnmpVarbind *vb = self->varbinds[self->error_index - 1];

                oid_str = gsnmp_oid_to_string (gsnmp_varbind_get_oid (vb));
        }

        name = gsnmp_pdu_error_to_string (self->error_status);
        if (name && oid_str) {
                g_set_error (error, GSNMP_PDU_ERROR, self->error_status,
                             _("Agent reported error %s (%u) for %s"),
                             name, self->error_status, oid_str);
        } else if (name) {
                g_set_error (error, GSNMP_PDU_ERROR, self->error_status,
                             _("Agent reported error %s (%u)"),
                             name, self->error_status);
        } else if (oid_str) {
                g_set_error (error, GSNMP_PDU_ERROR, self->error_status,
                             _("Agent reported unknown error %u for %s"),
                             self->error_status, oid_str);
        } else {
                g_set_error (error, GSNMP_PDU_ERROR, self->error_status,
                             _("Agent reported unknown error %u"),
                             self->error_status);
        }

        return FALSE;
}
