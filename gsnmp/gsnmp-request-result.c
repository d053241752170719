/* gsnmp-request-result.c - the light GAsyncResult of the engine's requests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-request-result-private.h"

struct _GsnmpRequestResult {
        GObject              parent_instance;

        GObject             *source_object;  /* (owned) (nullable) */
        GCancellable        *cancellable;    /* (owned) (nullable) */
        GAsyncReadyCallback  callback;       /* (nullable) */
        gpointer             user_data;
        gpointer             source_tag;

        gpointer             result;         /* (owned) (nullable) */
        GDestroyNotify       result_destroy; /* (nullable) */
        GError              *error;          /* (owned) (nullable) */
        gboolean             has_outcome;
        gboolean             completed;
        gboolean             propagated;

        GsnmpRequestResult  *next;           /* (unowned) (nullable) */
};

static void gsnmp_request_result_async_result_iface_init (GAsyncResultIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GsnmpRequestResult, gsnmp_request_result, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_ASYNC_RESULT,
                                                      gsnmp_request_result_async_result_iface_init))

static gpointer
gsnmp_request_result_get_user_data (GAsyncResult *result)
{
        return GSNMP_REQUEST_RESULT (result)->user_data;
}

static GObject *
gsnmp_request_result_get_source_object (GAsyncResult *result)
{
        GsnmpRequestResult *self = GSNMP_REQUEST_RESULT (result);

        return self->source_object ? g_object_ref (self->source_object) : NULL;
}

static gboolean
gsnmp_request_result_is_tagged (GAsyncResult *result,
                                gpointer      source_tag)
{
        return GSNMP_REQUEST_RESULT (result)->source_tag == source_tag;
}

static void
gsnmp_request_result_async_result_iface_init (GAsyncResultIface *iface)
{
        iface->get_user_data = gsnmp_request_result_get_user_data;
        iface->get_source_object = gsnmp_request_result_get_source_object;
        iface->is_tagged = gsnmp_request_result_is_tagged;
}

static void
gsnmp_request_result_finalize (GObject *object)
{
        GsnmpRequestResult *self = GSNMP_REQUEST_RESULT (object);

        if (self->result != NULL && self->result_destroy != NULL)
                self->result_destroy (self->result);
        g_clear_error (&self->error);
        g_clear_object (&self->cancellable);
        g_clear_object (&self->source_object);

        G_OBJECT_CLASS (gsnmp_request_result_parent_class)->finalize (object);
}

static void
gsnmp_request_result_class_init (GsnmpRequestResultClass *klass)
{
        G_OBJECT_CLASS (klass)->finalize = gsnmp_request_result_finalize;
}

static void
gsnmp_request_result_init (GsnmpRequestResult *self)
{
}

static void
request_result_setup (GsnmpRequestResult  *self,
                      gpointer             source_object,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data,
                      gpointer             source_tag)
{
        self->source_object = source_object ? g_object_ref (source_object) : NULL;
        self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
        self->callback = callback;
        self->user_data = user_data;
        self->source_tag = source_tag;
}

GsnmpRequestResult *
gsnmp_request_result_new (gpointer             source_object,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data,
                          gpointer             source_tag)
{
        GsnmpRequestResult *self = g_object_new (GSNMP_TYPE_REQUEST_RESULT, NULL);

        request_result_setup (self, source_object, cancellable, callback, user_data, source_tag);
        return self;
}

gboolean
gsnmp_request_result_recycle (GsnmpRequestResult *self)
{
        GObject *object = (GObject *) self;

        /* Anyone else's reference, qdata (a binding's wrapper, a weak
         * reference), a toggle reference: the object lives on */
        if (g_atomic_int_get (&object->ref_count) != 1 || object->qdata != NULL)
                return FALSE;

        g_signal_handlers_destroy (object);
        if (self->result != NULL && self->result_destroy != NULL)
                self->result_destroy (self->result);
        self->result = NULL;
        self->result_destroy = NULL;
        g_clear_error (&self->error);
        g_clear_object (&self->cancellable);
        g_clear_object (&self->source_object);
        self->callback = NULL;
        self->user_data = NULL;
        self->source_tag = NULL;
        self->has_outcome = FALSE;
        self->completed = FALSE;
        self->propagated = FALSE;
        self->next = NULL;
        return TRUE;
}

void
gsnmp_request_result_reuse (GsnmpRequestResult  *self,
                            gpointer             source_object,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data,
                            gpointer             source_tag)
{
        request_result_setup (self, source_object, cancellable, callback, user_data, source_tag);
}

void
gsnmp_request_result_set_pointer (GsnmpRequestResult *self,
                                  gpointer            result,
                                  GDestroyNotify      result_destroy)
{
        g_return_if_fail (!self->has_outcome);

        self->result = result;
        self->result_destroy = result_destroy;
        self->has_outcome = TRUE;
}

void
gsnmp_request_result_set_error (GsnmpRequestResult *self,
                                GError             *error)
{
        g_return_if_fail (!self->has_outcome);
        g_return_if_fail (error != NULL);

        self->error = error;
        self->has_outcome = TRUE;
}

void
gsnmp_request_result_complete (GsnmpRequestResult *self)
{
        g_return_if_fail (self->has_outcome);
        g_return_if_fail (!self->completed);

        self->completed = TRUE;
        /* Plain casts on this path: the type is known, and a checked
         * interface cast costs as much as the rest of this function */
        if (self->callback != NULL)
                self->callback (self->source_object, (GAsyncResult *) self, self->user_data);
}

gboolean
gsnmp_request_result_is_valid (GAsyncResult *result,
                               gpointer      source_object,
                               gpointer      source_tag)
{
        GsnmpRequestResult *self;

        /* A final type: compare the type instead of walking the hierarchy */
        if (result == NULL || G_TYPE_FROM_INSTANCE (result) != GSNMP_TYPE_REQUEST_RESULT)
                return FALSE;
        self = (GsnmpRequestResult *) result;
        return (gpointer) self->source_object == source_object && self->source_tag == source_tag;
}

gpointer
gsnmp_request_result_propagate_pointer (GsnmpRequestResult *self,
                                        GError            **error)
{
        g_return_val_if_fail (self != NULL &&
                              G_TYPE_FROM_INSTANCE (self) == GSNMP_TYPE_REQUEST_RESULT, NULL);
        g_return_val_if_fail (self->has_outcome, NULL);
        g_return_val_if_fail (!self->propagated, NULL);

        self->propagated = TRUE;
        /* As GTask does by default (check-cancellable): a request whose
         * cancellable was cancelled reports the cancellation, whatever it
         * got meanwhile */
        if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
                return NULL;
        if (self->error != NULL) {
                g_propagate_error (error, g_steal_pointer (&self->error));
                return NULL;
        }
        self->result_destroy = NULL;
        return g_steal_pointer (&self->result);
}

GsnmpRequestResult *
gsnmp_request_result_get_next (GsnmpRequestResult *self)
{
        return self->next;
}

void
gsnmp_request_result_set_next (GsnmpRequestResult *self,
                               GsnmpRequestResult *next)
{
        self->next = next;
}
