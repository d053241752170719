/* gsnmp.h - an SNMP library for GLib and GIO
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#define __GSNMP_H_INSIDE__

#include <gsnmp/gsnmp-version.h>
#include <gsnmp/gsnmp-version-macros.h>
#include <gsnmp/gsnmp-types.h>
#include <gsnmp/gsnmp-enums.h>
#include <gsnmp/gsnmp-enum-types.h>
#include <gsnmp/gsnmp-error.h>
#include <gsnmp/gsnmp-oid.h>
#include <gsnmp/gsnmp-varbind.h>
#include <gsnmp/gsnmp-pdu.h>
#include <gsnmp/gsnmp-credentials.h>
#include <gsnmp/gsnmp-community.h>
#include <gsnmp/gsnmp-usm-user.h>
#include <gsnmp/gsnmp-target.h>
#include <gsnmp/gsnmp-engine.h>
#include <gsnmp/gsnmp-walk.h>
#include <gsnmp/gsnmp-table-row.h>
#include <gsnmp/gsnmp-table.h>
#include <gsnmp/gsnmp-notification.h>
#include <gsnmp/gsnmp-listener.h>
#include <gsnmp/gsnmp-notify.h>
#include <gsnmp/gsnmp-view.h>
#include <gsnmp/gsnmp-provider-request.h>
#include <gsnmp/gsnmp-provider.h>
#include <gsnmp/gsnmp-store-provider.h>
#include <gsnmp/gsnmp-agent.h>
#include <gsnmp/gsnmp-mib.h>

#undef __GSNMP_H_INSIDE__
