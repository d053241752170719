/* gsnmp-types.h - forward declarations of gsnmp's public types
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <glib-object.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

typedef struct _GsnmpOid         GsnmpOid;
typedef struct _GsnmpVarbind     GsnmpVarbind;
typedef struct _GsnmpPdu         GsnmpPdu;
typedef struct _GsnmpCredentials GsnmpCredentials;
typedef struct _GsnmpCommunity   GsnmpCommunity;
typedef struct _GsnmpTarget      GsnmpTarget;
typedef struct _GsnmpEngine      GsnmpEngine;
typedef struct _GsnmpWalk        GsnmpWalk;
typedef struct _GsnmpTable       GsnmpTable;
typedef struct _GsnmpTableRow    GsnmpTableRow;
typedef struct _GsnmpNotification GsnmpNotification;
typedef struct _GsnmpListener    GsnmpListener;
typedef struct _GsnmpNotifyResult GsnmpNotifyResult;
typedef struct _GsnmpView        GsnmpView;
typedef struct _GsnmpProvider    GsnmpProvider;
typedef struct _GsnmpProviderRequest GsnmpProviderRequest;
typedef struct _GsnmpStoreProvider GsnmpStoreProvider;
typedef struct _GsnmpAgent       GsnmpAgent;
typedef struct _GsnmpMibObject   GsnmpMibObject;

G_END_DECLS
