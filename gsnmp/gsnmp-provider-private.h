/* gsnmp-provider-private.h - how the agent drives providers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include "gsnmp-provider.h"
#include "gsnmp-provider-request.h"

G_BEGIN_DECLS

/* Called once when the provider completes @request (possibly from inside
 * its handle vfunc), never after gsnmp_provider_request_abandon(). */
typedef void (*GsnmpProviderRequestDone) (GsnmpProviderRequest *request,
                                          gpointer              user_data);

GsnmpProviderRequest *gsnmp_provider_request_new      (GsnmpProviderOperation    operation,
                                                       const char               *context_name,
                                                       GsnmpProviderRequestDone  done,
                                                       gpointer                  user_data);
/* Adds one item: @oid for GET and GET_NEXT, @value (its OID is the item's
 * OID) for the SET phases.  @tag is the agent's own bookkeeping. */
void                  gsnmp_provider_request_add      (GsnmpProviderRequest     *self,
                                                       GsnmpOid                 *oid,
                                                       GsnmpVarbind             *value,
                                                       guint                     tag);
guint                 gsnmp_provider_request_get_tag  (GsnmpProviderRequest     *self,
                                                       guint                     index);
/* The answer for one item: the value (GET, GET_NEXT; NULL when the
 * provider set none) and the error status (0 when none). */
GsnmpVarbind         *gsnmp_provider_request_get_answer (GsnmpProviderRequest   *self,
                                                         guint                   index,
                                                         guint                  *error_status);
gboolean              gsnmp_provider_request_is_completed (GsnmpProviderRequest *self);
/* Neither completed nor abandoned. */
gboolean              gsnmp_provider_request_is_pending   (GsnmpProviderRequest *self);
/* The agent gives up on @self (deadline, agent closed): cancels its
 * cancellable; a later complete() does nothing. */
void                  gsnmp_provider_request_abandon  (GsnmpProviderRequest     *self);

G_END_DECLS
