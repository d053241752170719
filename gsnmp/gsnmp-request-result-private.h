/* gsnmp-request-result-private.h - the light GAsyncResult of the engine's
 * requests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The engine completes tens of thousands of requests a second; a GTask
 * costs more than the rest of a GET's client side path together (its
 * creation captures and references the thread-default main context, its
 * return emits notify::completed and goes through a GSource check, its
 * finalization runs the property notification machinery). A
 * GsnmpRequestResult is a final GObject with no properties and no signals
 * that implements GAsyncResult with the same contract as a GTask used the
 * usual way: the source object (referenced), the callback and its
 * user_data, a source tag, and one result: a pointer with its destroy
 * function, or a GError. The _finish function of the call checks the
 * source object and the tag (gsnmp_request_result_is_valid()) and takes
 * the result with gsnmp_request_result_propagate_pointer(), which, like
 * g_task_propagate_pointer() with GTask's default check-cancellable,
 * reports %G_IO_ERROR_CANCELLED when the request's cancellable was
 * cancelled before the result was taken.
 *
 * It does not decide when the callback runs: its owner (the engine) calls
 * gsnmp_request_result_complete() from a dispatch of its own main context,
 * never inside the _async call, the way GTask would.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define GSNMP_TYPE_REQUEST_RESULT (gsnmp_request_result_get_type ())
G_DECLARE_FINAL_TYPE (GsnmpRequestResult, gsnmp_request_result, GSNMP, REQUEST_RESULT, GObject)

/* A result for a call on @source_object (referenced) that reports to
 * @callback (nullable) with @user_data; @cancellable (nullable, referenced)
 * is checked when the result is propagated. */
GsnmpRequestResult *gsnmp_request_result_new             (gpointer             source_object,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data,
                                                          gpointer             source_tag);

/* Takes @self back for another call when the caller holds the only
 * reference and nothing is attached to it (a binding's wrapper, weak or
 * toggle references): clears it and returns TRUE, the object to be passed
 * to gsnmp_request_result_reuse() later (or unreferenced). Otherwise
 * returns FALSE and leaves it alone. A GET costs a GObject's construction
 * and finalization less this way. */
gboolean            gsnmp_request_result_recycle         (GsnmpRequestResult  *self);
void                gsnmp_request_result_reuse           (GsnmpRequestResult  *self,
                                                          gpointer             source_object,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data,
                                                          gpointer             source_tag);

/* Sets the outcome (once): a pointer (transfer full) freed with
 * @result_destroy if nobody takes it, or an error (transfer full). */
void                gsnmp_request_result_set_pointer     (GsnmpRequestResult  *self,
                                                          gpointer             result,
                                                          GDestroyNotify       result_destroy);
void                gsnmp_request_result_set_error       (GsnmpRequestResult  *self,
                                                          GError              *error);

/* Runs the callback once, with the outcome set before. Call it from a
 * dispatch of the main context the call was made in. */
void                gsnmp_request_result_complete        (GsnmpRequestResult  *self);

/* TRUE when @result is a GsnmpRequestResult of @source_object with
 * @source_tag. */
gboolean            gsnmp_request_result_is_valid        (GAsyncResult        *result,
                                                          gpointer             source_object,
                                                          gpointer             source_tag);

/* The outcome (transfer full), or NULL with @error set; once. */
gpointer            gsnmp_request_result_propagate_pointer (GsnmpRequestResult *self,
                                                            GError            **error);

/* Links results that wait for their callback in their owner's queue. */
GsnmpRequestResult *gsnmp_request_result_get_next        (GsnmpRequestResult  *self);
void                gsnmp_request_result_set_next        (GsnmpRequestResult  *self,
                                                          GsnmpRequestResult  *next);

G_END_DECLS
