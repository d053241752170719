/* gsnmp-tool-output.h - Net-SNMP's output and error messages for gsnmp
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <gsnmp/gsnmp.h>
#include "gsnmp-tool-options.h"

G_BEGIN_DECLS

/* The -O flags of the OIDs printed in error messages ("Failed object:") */
extern GsnmpFormatFlags gsnmp_tool_output_oid_format;

void         gsnmp_tool_print_varbind         (GsnmpVarbind            *varbind,
                                               GsnmpFormatFlags         flags);
void         gsnmp_tool_print_varbinds        (GsnmpPdu                *pdu,
                                               GsnmpFormatFlags         flags);

const char  *gsnmp_tool_error_status_string   (guint                    error_status);
void         gsnmp_tool_print_packet_error    (GsnmpPdu                *response,
                                               gboolean                 with_period);
int          gsnmp_tool_print_request_error   (const GsnmpToolOptions  *options,
                                               const GError            *error,
                                               gboolean                 timeout_period);

void         gsnmp_tool_print_error           (const char              *prgname,
                                               const char              *format,
                                               ...) G_GNUC_PRINTF (2, 3);
void         gsnmp_tool_print_usage_hint      (const char              *prgname,
                                               const GsnmpToolCommand  *command);
void         gsnmp_tool_print_command_help    (const char              *prgname,
                                               const GsnmpToolCommand  *command);
void         gsnmp_tool_print_version         (const char              *prgname);

G_END_DECLS
