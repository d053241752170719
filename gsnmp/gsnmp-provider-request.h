/* gsnmp-provider-request.h - one batch of variable bindings for a provider
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <gio/gio.h>
#include <gsnmp/gsnmp-types.h>
#include <gsnmp/gsnmp-error.h>
#include <gsnmp/gsnmp-oid.h>
#include <gsnmp/gsnmp-varbind.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

/**
 * GsnmpProviderOperation:
 * @GSNMP_PROVIDER_OPERATION_GET: answer the value of each OID, or the
 *   `noSuchObject` or `noSuchInstance` exception
 * @GSNMP_PROVIDER_OPERATION_GET_NEXT: answer, for each OID, the first
 *   instance after it (its OID and value), or the `endOfMibView` exception
 *   when the provider has none after it
 * @GSNMP_PROVIDER_OPERATION_SET_TEST: check, without changing anything,
 *   whether each value can be set; report problems with
 *   [method@Gsnmp.ProviderRequest.set_error]
 * @GSNMP_PROVIDER_OPERATION_SET_COMMIT: set each value; report failures
 *   with [method@Gsnmp.ProviderRequest.set_error]
 * @GSNMP_PROVIDER_OPERATION_SET_UNDO: put back each value as it was before
 *   a commit that failed elsewhere; a `noSuchInstance` or `noSuchObject`
 *   value means the instance did not exist: remove it
 *
 * What a [class@Gsnmp.ProviderRequest] asks of a [class@Gsnmp.Provider].
 * SET requests go through the phases of RFC 3416 §4.2.5: every variable
 * binding of the request is tested first, then all are committed, and if
 * a commit fails the committed ones are undone.
 *
 * Since: 0.1
 */
typedef enum {
        GSNMP_PROVIDER_OPERATION_GET,
        GSNMP_PROVIDER_OPERATION_GET_NEXT,
        GSNMP_PROVIDER_OPERATION_SET_TEST,
        GSNMP_PROVIDER_OPERATION_SET_COMMIT,
        GSNMP_PROVIDER_OPERATION_SET_UNDO,
} GsnmpProviderOperation;

#define GSNMP_TYPE_PROVIDER_REQUEST (gsnmp_provider_request_get_type ())
GSNMP_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GsnmpProviderRequest, gsnmp_provider_request, GSNMP, PROVIDER_REQUEST, GObject)

GSNMP_AVAILABLE_IN_ALL
GsnmpProviderOperation gsnmp_provider_request_get_operation    (GsnmpProviderRequest *self);
GSNMP_AVAILABLE_IN_ALL
const char            *gsnmp_provider_request_get_context_name (GsnmpProviderRequest *self);
GSNMP_AVAILABLE_IN_ALL
guint                  gsnmp_provider_request_get_n_oids       (GsnmpProviderRequest *self);
GSNMP_AVAILABLE_IN_ALL
GsnmpOid              *gsnmp_provider_request_get_oid          (GsnmpProviderRequest *self,
                                                                guint                 index);
GSNMP_AVAILABLE_IN_ALL
GsnmpVarbind          *gsnmp_provider_request_get_varbind      (GsnmpProviderRequest *self,
                                                                guint                 index);
GSNMP_AVAILABLE_IN_ALL
void                   gsnmp_provider_request_set_value        (GsnmpProviderRequest *self,
                                                                guint                 index,
                                                                GsnmpVarbind         *value);
GSNMP_AVAILABLE_IN_ALL
void                   gsnmp_provider_request_set_error        (GsnmpProviderRequest *self,
                                                                guint                 index,
                                                                GsnmpPduError         error);
GSNMP_AVAILABLE_IN_ALL
GCancellable          *gsnmp_provider_request_get_cancellable  (GsnmpProviderRequest *self);
GSNMP_AVAILABLE_IN_ALL
void                   gsnmp_provider_request_complete         (GsnmpProviderRequest *self);

G_END_DECLS
