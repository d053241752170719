/* gsnmp-error.h - error domains
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#if !defined (__GSNMP_H_INSIDE__) && !defined (GSNMP_COMPILATION)
#error "Only <gsnmp/gsnmp.h> can be included directly."
#endif

#include <glib.h>
#include <gsnmp/gsnmp-version-macros.h>

G_BEGIN_DECLS

#define GSNMP_ERROR (gsnmp_error_quark ())
GSNMP_AVAILABLE_IN_ALL
GQuark gsnmp_error_quark (void);

typedef enum {
        GSNMP_ERROR_FAILED,
        GSNMP_ERROR_MALFORMED_MESSAGE,
        GSNMP_ERROR_MESSAGE_TOO_BIG,
        GSNMP_ERROR_INVALID_OID,
        GSNMP_ERROR_INVALID_ADDRESS,
        GSNMP_ERROR_INVALID_VALUE,
        GSNMP_ERROR_UNKNOWN_ENGINE_ID,
        GSNMP_ERROR_NOT_IN_TIME_WINDOW,
        GSNMP_ERROR_UNKNOWN_USER_NAME,
        GSNMP_ERROR_WRONG_DIGEST,
        GSNMP_ERROR_DECRYPTION_ERROR,
        GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL,
        GSNMP_ERROR_UNKNOWN_CONTEXT,
        GSNMP_ERROR_UNAVAILABLE_CONTEXT,
        GSNMP_ERROR_OID_NOT_INCREASING,
        GSNMP_ERROR_DISCOVERY_FAILED,
        GSNMP_ERROR_LIMIT_REACHED,
} GsnmpError;

#define GSNMP_PDU_ERROR (gsnmp_pdu_error_quark ())
GSNMP_AVAILABLE_IN_ALL
GQuark gsnmp_pdu_error_quark (void);

typedef enum {
        GSNMP_PDU_ERROR_TOO_BIG = 1,
        GSNMP_PDU_ERROR_NO_SUCH_NAME = 2,
        GSNMP_PDU_ERROR_BAD_VALUE = 3,
        GSNMP_PDU_ERROR_READ_ONLY = 4,
        GSNMP_PDU_ERROR_GEN_ERR = 5,
        GSNMP_PDU_ERROR_NO_ACCESS = 6,
        GSNMP_PDU_ERROR_WRONG_TYPE = 7,
        GSNMP_PDU_ERROR_WRONG_LENGTH = 8,
        GSNMP_PDU_ERROR_WRONG_ENCODING = 9,
        GSNMP_PDU_ERROR_WRONG_VALUE = 10,
        GSNMP_PDU_ERROR_NO_CREATION = 11,
        GSNMP_PDU_ERROR_INCONSISTENT_VALUE = 12,
        GSNMP_PDU_ERROR_RESOURCE_UNAVAILABLE = 13,
        GSNMP_PDU_ERROR_COMMIT_FAILED = 14,
        GSNMP_PDU_ERROR_UNDO_FAILED = 15,
        GSNMP_PDU_ERROR_AUTHORIZATION_ERROR = 16,
        GSNMP_PDU_ERROR_NOT_WRITABLE = 17,
        GSNMP_PDU_ERROR_INCONSISTENT_NAME = 18,
} GsnmpPduError;

GSNMP_AVAILABLE_IN_ALL
const char *gsnmp_pdu_error_to_string (GsnmpPduError code);

G_END_DECLS
