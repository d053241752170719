/* gsnmp-provider-request.c - one batch of variable bindings for a provider
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-provider-request.h"
#include "gsnmp-provider-private.h"
#include "gsnmp-i18n-private.h"

/**
 * GsnmpProviderRequest:
 *
 * The part of an SNMP request that one [class@Gsnmp.Provider] answers: an
 * operation ([enum@Gsnmp.ProviderOperation]), the context name, and a
 * batch of OIDs (with values, for the SET phases).
 *
 * A provider's [vfunc@Gsnmp.Provider.handle] answers each OID with
 * [method@Gsnmp.ProviderRequest.set_value] or
 * [method@Gsnmp.ProviderRequest.set_error], then calls
 * [method@Gsnmp.ProviderRequest.complete]. It may complete the request
 * before returning, or keep a reference and complete it later, from the
 * main loop, once it has read a file or asked D-Bus or another agent: the
 * agent serves other requests meanwhile.
 *
 * The agent does not wait forever: when the deadline
 * ([property@Gsnmp.Agent:provider-timeout]) passes or the agent is closed,
 * the request's [method@Gsnmp.ProviderRequest.get_cancellable] is
 * cancelled, the OIDs left unanswered get `genErr`, and completing the
 * request afterwards does nothing (it is not an error).
 *
 * Items a provider leaves unanswered when it completes are answered for
 * it: `noSuchObject` for GET, nothing after them for GET_NEXT, and no
 * error for the SET phases.
 *
 * A request belongs to the agent's thread: call its methods there.
 *
 * Since: 0.1
 */

typedef struct {
        GsnmpOid     *oid;      /* (owned) */
        GsnmpVarbind *value;    /* (owned) (nullable): SET phases */
        GsnmpVarbind *answer;   /* (owned) (nullable) */
        guint         error;
        guint         tag;
} Item;

struct _GsnmpProviderRequest {
        GObject                   parent_instance;

        GsnmpProviderOperation    operation;
        char                     *context_name;
        GArray                   *items;        /* (element-type Item) */
        GCancellable             *cancellable;  /* (nullable): made on demand */
        gboolean                  completed;
        gboolean                  abandoned;
        GsnmpProviderRequestDone  done;
        gpointer                  done_data;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (GsnmpProviderRequest, gsnmp_provider_request, G_TYPE_OBJECT,
                               gsnmp_init_once ())

static void
item_clear (gpointer data)
{
        Item *item = data;

        g_clear_pointer (&item->oid, gsnmp_oid_unref);
        g_clear_pointer (&item->value, gsnmp_varbind_unref);
        g_clear_pointer (&item->answer, gsnmp_varbind_unref);
}

static void
gsnmp_provider_request_finalize (GObject *object)
{
        GsnmpProviderRequest *self = GSNMP_PROVIDER_REQUEST (object);

        g_clear_pointer (&self->context_name, g_free);
        g_clear_pointer (&self->items, g_array_unref);
        g_clear_object (&self->cancellable);

        G_OBJECT_CLASS (gsnmp_provider_request_parent_class)->finalize (object);
}

static void
gsnmp_provider_request_class_init (GsnmpProviderRequestClass *klass)
{
        G_OBJECT_CLASS (klass)->finalize = gsnmp_provider_request_finalize;
}

static void
gsnmp_provider_request_init (GsnmpProviderRequest *self)
{
        self->items = g_array_new (FALSE, TRUE, sizeof (Item));
        g_array_set_clear_func (self->items, item_clear);
}

GsnmpProviderRequest *
gsnmp_provider_request_new (GsnmpProviderOperation    operation,
                            const char               *context_name,
                            GsnmpProviderRequestDone  done,
                            gpointer                  user_data)
{
        GsnmpProviderRequest *self = g_object_new (GSNMP_TYPE_PROVIDER_REQUEST, NULL);

        self->operation = operation;
        self->context_name = g_strdup (context_name ? context_name : "");
        self->done = done;
        self->done_data = user_data;

        return self;
}

void
gsnmp_provider_request_add (GsnmpProviderRequest *self,
                            GsnmpOid             *oid,
                            GsnmpVarbind         *value,
                            guint                 tag)
{
        Item item = { 0, };

        item.oid = gsnmp_oid_ref (value ? gsnmp_varbind_get_oid (value) : oid);
        item.value = value ? gsnmp_varbind_ref (value) : NULL;
        item.tag = tag;
        g_array_append_val (self->items, item);
}

guint
gsnmp_provider_request_get_tag (GsnmpProviderRequest *self,
                                guint                 index)
{
        return g_array_index (self->items, Item, index).tag;
}

GsnmpVarbind *
gsnmp_provider_request_get_answer (GsnmpProviderRequest *self,
                                   guint                 index,
                                   guint                *error_status)
{
        Item *item = &g_array_index (self->items, Item, index);

        *error_status = item->error;
        return item->answer;
}

gboolean
gsnmp_provider_request_is_completed (GsnmpProviderRequest *self)
{
        return self->completed;
}

gboolean
gsnmp_provider_request_is_pending (GsnmpProviderRequest *self)
{
        return !self->completed && !self->abandoned;
}

void
gsnmp_provider_request_abandon (GsnmpProviderRequest *self)
{
        if (self->completed || self->abandoned)
                return;

        self->abandoned = TRUE;
        self->done = NULL;
        if (self->cancellable != NULL)
                g_cancellable_cancel (self->cancellable);
}

/**
 * gsnmp_provider_request_get_operation:
 * @self: a [class@Gsnmp.ProviderRequest]
 *
 * Gets what the request asks for.
 *
 * Returns: the operation
 *
 * Since: 0.1
 */
GsnmpProviderOperation
gsnmp_provider_request_get_operation (GsnmpProviderRequest *self)
{
        g_return_val_if_fail (GSNMP_IS_PROVIDER_REQUEST (self), GSNMP_PROVIDER_OPERATION_GET);

        return self->operation;
}

/**
 * gsnmp_provider_request_get_context_name:
 * @self: a [class@Gsnmp.ProviderRequest]
 *
 * Gets the context the request is for: the SNMPv3 context name, or the
 * context a community is bound to; the empty string for the default
 * context.
 *
 * Returns: the context name
 *
 * Since: 0.1
 */
const char *
gsnmp_provider_request_get_context_name (GsnmpProviderRequest *self)
{
        g_return_val_if_fail (GSNMP_IS_PROVIDER_REQUEST (self), NULL);

        return self->context_name;
}

/**
 * gsnmp_provider_request_get_n_oids:
 * @self: a [class@Gsnmp.ProviderRequest]
 *
 * Gets the number of OIDs in the batch.
 *
 * Returns: the number of OIDs, at least 1
 *
 * Since: 0.1
 */
guint
gsnmp_provider_request_get_n_oids (GsnmpProviderRequest *self)
{
        g_return_val_if_fail (GSNMP_IS_PROVIDER_REQUEST (self), 0);

        return self->items->len;
}

/**
 * gsnmp_provider_request_get_oid:
 * @self: a [class@Gsnmp.ProviderRequest]
 * @index: the index of the OID, below
 *   [method@Gsnmp.ProviderRequest.get_n_oids]
 *
 * Gets one OID of the batch: for GET the instance asked for, for GET_NEXT
 * the OID to answer the successor of, for the SET phases the instance to
 * set.
 *
 * Returns: (transfer none): the OID
 *
 * Since: 0.1
 */
GsnmpOid *
gsnmp_provider_request_get_oid (GsnmpProviderRequest *self,
                                guint                 index)
{
        g_return_val_if_fail (GSNMP_IS_PROVIDER_REQUEST (self), NULL);
        g_return_val_if_fail (index < self->items->len, NULL);

        return g_array_index (self->items, Item, index).oid;
}

/**
 * gsnmp_provider_request_get_varbind:
 * @self: a [class@Gsnmp.ProviderRequest]
 * @index: the index of the OID, below
 *   [method@Gsnmp.ProviderRequest.get_n_oids]
 *
 * Gets the value to test, set or put back, for the SET phases.
 *
 * Returns: (transfer none) (nullable): the variable binding to set, or
 *   %NULL for GET and GET_NEXT
 *
 * Since: 0.1
 */
GsnmpVarbind *
gsnmp_provider_request_get_varbind (GsnmpProviderRequest *self,
                                    guint                 index)
{
        g_return_val_if_fail (GSNMP_IS_PROVIDER_REQUEST (self), NULL);
        g_return_val_if_fail (index < self->items->len, NULL);

        return g_array_index (self->items, Item, index).value;
}

/**
 * gsnmp_provider_request_set_value:
 * @self: a [class@Gsnmp.ProviderRequest]
 * @index: the index of the OID answered
 * @value: the answer
 *
 * Answers one OID of a GET or GET_NEXT request.
 *
 * For GET, @value is the instance's value (its OID should be the one
 * asked for), or a `noSuchObject` or `noSuchInstance` exception
 * ([ctor@Gsnmp.Varbind.new_exception]).
 *
 * For GET_NEXT, @value is the first instance the provider has after the
 * OID asked for, with its own OID, or an `endOfMibView` exception when it
 * has none: the agent then goes on to the next provider.
 *
 * Since: 0.1
 */
void
gsnmp_provider_request_set_value (GsnmpProviderRequest *self,
                                  guint                 index,
                                  GsnmpVarbind         *value)
{
        Item *item;

        g_return_if_fail (GSNMP_IS_PROVIDER_REQUEST (self));
        g_return_if_fail (index < self->items->len);
        g_return_if_fail (value != NULL);

        item = &g_array_index (self->items, Item, index);
        g_clear_pointer (&item->answer, gsnmp_varbind_unref);
        item->answer = gsnmp_varbind_ref (value);
}

/**
 * gsnmp_provider_request_set_error:
 * @self: a [class@Gsnmp.ProviderRequest]
 * @index: the index of the OID that failed
 * @error: the error status, as RFC 3416 §4.2.5 lists them for SET
 *   (for example %GSNMP_PDU_ERROR_WRONG_VALUE or
 *   %GSNMP_PDU_ERROR_INCONSISTENT_VALUE), or %GSNMP_PDU_ERROR_GEN_ERR
 *
 * Fails one OID. The agent answers the SNMP request with this error
 * status and the index of the OID's variable binding in the request (the
 * first failing one when several fail); SNMPv1 managers get the codes
 * RFC 3584 §4.4 maps them to.
 *
 * Since: 0.1
 */
void
gsnmp_provider_request_set_error (GsnmpProviderRequest *self,
                                  guint                 index,
                                  GsnmpPduError         error)
{
        g_return_if_fail (GSNMP_IS_PROVIDER_REQUEST (self));
        g_return_if_fail (index < self->items->len);
        g_return_if_fail (error >= GSNMP_PDU_ERROR_TOO_BIG &&
                          error <= GSNMP_PDU_ERROR_INCONSISTENT_NAME);

        g_array_index (self->items, Item, index).error = error;
}

/**
 * gsnmp_provider_request_get_cancellable:
 * @self: a [class@Gsnmp.ProviderRequest]
 *
 * Gets a [class@Gio.Cancellable] that is cancelled when the agent stops
 * waiting for the request (deadline, agent closed), to pass to the
 * asynchronous calls a provider makes to answer it.
 *
 * Returns: (transfer none): the cancellable
 *
 * Since: 0.1
 */
GCancellable *
gsnmp_provider_request_get_cancellable (GsnmpProviderRequest *self)
{
        g_return_val_if_fail (GSNMP_IS_PROVIDER_REQUEST (self), NULL);

        if (self->cancellable == NULL) {
                self->cancellable = g_cancellable_new ();
                if (self->abandoned)
                        g_cancellable_cancel (self->cancellable);
        }

        return self->cancellable;
}

/**
 * gsnmp_provider_request_complete:
 * @self: a [class@Gsnmp.ProviderRequest]
 *
 * Hands the answers back to the agent. Call it once, from the agent's
 * thread, inside [vfunc@Gsnmp.Provider.handle] or later. After the
 * deadline or once the agent is closed it does nothing.
 *
 * Since: 0.1
 */
void
gsnmp_provider_request_complete (GsnmpProviderRequest *self)
{
        GsnmpProviderRequestDone done;

        g_return_if_fail (GSNMP_IS_PROVIDER_REQUEST (self));

        if (self->completed) {
                g_debug ("provider request completed twice");
                return;
        }
        self->completed = TRUE;

        done = self->done;
        self->done = NULL;
        if (done != NULL && !self->abandoned)
                done (self, self->done_data);
}
