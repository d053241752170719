/* gsnmp-security.c - the User-based Security Model rules for both sides
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-security-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"

#include <string.h>

/* usmStats (RFC 3414 §5), without the counter's sub-identifier and .0 */
static const guint32 usm_stats[] = { 1, 3, 6, 1, 6, 3, 15, 1, 1 };

GsnmpCounter
gsnmp_usm_status_counter (GsnmpUsmStatus status)
{
        switch (status) {
        case GSNMP_USM_STATUS_UNSUPPORTED_SEC_LEVEL:
                return GSNMP_COUNTER_USM_UNSUPPORTED_SEC_LEVELS;
        case GSNMP_USM_STATUS_NOT_IN_TIME_WINDOW:
                return GSNMP_COUNTER_USM_NOT_IN_TIME_WINDOWS;
        case GSNMP_USM_STATUS_UNKNOWN_USER_NAME:
                return GSNMP_COUNTER_USM_UNKNOWN_USER_NAMES;
        case GSNMP_USM_STATUS_UNKNOWN_ENGINE_ID:
        case GSNMP_USM_STATUS_NO_KEYS:
                return GSNMP_COUNTER_USM_UNKNOWN_ENGINE_IDS;
        case GSNMP_USM_STATUS_WRONG_DIGEST:
                return GSNMP_COUNTER_USM_WRONG_DIGESTS;
        case GSNMP_USM_STATUS_DECRYPTION_ERROR:
                return GSNMP_COUNTER_USM_DECRYPTION_ERRORS;
        case GSNMP_USM_STATUS_OK:
        case GSNMP_USM_STATUS_MALFORMED:
        default:
                return GSNMP_COUNTER_IN_ASN_PARSE_ERRS;
        }
}

GsnmpOid *
gsnmp_usm_status_report_oid (GsnmpUsmStatus status)
{
        guint32 ids[G_N_ELEMENTS (usm_stats) + 2];

        g_return_val_if_fail (status >= GSNMP_USM_STATUS_UNSUPPORTED_SEC_LEVEL &&
                              status <= GSNMP_USM_STATUS_DECRYPTION_ERROR, NULL);

        memcpy (ids, usm_stats, sizeof usm_stats);
        ids[G_N_ELEMENTS (usm_stats)] = (guint32) status;
        ids[G_N_ELEMENTS (usm_stats) + 1] = 0;
        return gsnmp_oid_new (ids, G_N_ELEMENTS (ids));
}

GsnmpUsmStatus
gsnmp_usm_status_from_oid (GsnmpOid *oid)
{
        gsize n;
        const guint32 *ids = gsnmp_oid_get_ids (oid, &n);

        if (n != G_N_ELEMENTS (usm_stats) + 2 || memcmp (ids, usm_stats, sizeof usm_stats) != 0 ||
            ids[n - 2] < GSNMP_USM_STATUS_UNSUPPORTED_SEC_LEVEL ||
            ids[n - 2] > GSNMP_USM_STATUS_DECRYPTION_ERROR)
                return GSNMP_USM_STATUS_OK;
        return (GsnmpUsmStatus) ids[n - 2];
}

GsnmpUsmStatus
gsnmp_usm_status_from_error (const GError *error)
{
        if (error == NULL || error->domain != GSNMP_ERROR)
                return GSNMP_USM_STATUS_MALFORMED;
        switch (error->code) {
        case GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL:
                return GSNMP_USM_STATUS_UNSUPPORTED_SEC_LEVEL;
        case GSNMP_ERROR_NOT_IN_TIME_WINDOW:
                return GSNMP_USM_STATUS_NOT_IN_TIME_WINDOW;
        case GSNMP_ERROR_UNKNOWN_USER_NAME:
                return GSNMP_USM_STATUS_UNKNOWN_USER_NAME;
        case GSNMP_ERROR_UNKNOWN_ENGINE_ID:
                return GSNMP_USM_STATUS_UNKNOWN_ENGINE_ID;
        case GSNMP_ERROR_WRONG_DIGEST:
                return GSNMP_USM_STATUS_WRONG_DIGEST;
        case GSNMP_ERROR_DECRYPTION_ERROR:
                return GSNMP_USM_STATUS_DECRYPTION_ERROR;
        default:
                return GSNMP_USM_STATUS_MALFORMED;
        }
}

GError *
gsnmp_usm_status_to_error (GsnmpUsmStatus  status,
                           const char     *user)
{
        switch (status) {
        case GSNMP_USM_STATUS_UNSUPPORTED_SEC_LEVEL:
                return g_error_new (GSNMP_ERROR, GSNMP_ERROR_UNSUPPORTED_SECURITY_LEVEL,
                                    _("The agent does not support this security level for user “%s”: check the security level"),
                                    user);
        case GSNMP_USM_STATUS_NOT_IN_TIME_WINDOW:
                return g_error_new_literal (GSNMP_ERROR, GSNMP_ERROR_NOT_IN_TIME_WINDOW,
                                            _("The message was not in the agent’s time window: check the agent’s clock and engine boots"));
        case GSNMP_USM_STATUS_UNKNOWN_USER_NAME:
                return g_error_new (GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_USER_NAME,
                                    _("Unknown user name “%s”: check that the agent has this user"),
                                    user);
        case GSNMP_USM_STATUS_UNKNOWN_ENGINE_ID:
        case GSNMP_USM_STATUS_NO_KEYS:
                return g_error_new_literal (GSNMP_ERROR, GSNMP_ERROR_UNKNOWN_ENGINE_ID,
                                            _("Unknown engine ID: check the engine ID given for the agent"));
        case GSNMP_USM_STATUS_WRONG_DIGEST:
                return g_error_new (GSNMP_ERROR, GSNMP_ERROR_WRONG_DIGEST,
                                    _("Authentication failure (wrong digest): check the authentication protocol and passphrase of user “%s”"),
                                    user);
        case GSNMP_USM_STATUS_DECRYPTION_ERROR:
                return g_error_new (GSNMP_ERROR, GSNMP_ERROR_DECRYPTION_ERROR,
                                    _("The agent could not decrypt the request: check the privacy protocol and passphrase of user “%s”"),
                                    user);
        case GSNMP_USM_STATUS_OK:
        case GSNMP_USM_STATUS_MALFORMED:
        default:
                return g_error_new_literal (GSNMP_ERROR, GSNMP_ERROR_MALFORMED_MESSAGE,
                                            _("The message could not be processed"));
        }
}

GsnmpSecurityLevel
gsnmp_usm_level_from_flags (guint8 flags)
{
        if (flags & GSNMP_V3_FLAG_PRIV)
                return GSNMP_SECURITY_LEVEL_AUTH_PRIV;
        if (flags & GSNMP_V3_FLAG_AUTH)
                return GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV;
        return GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV;
}

guint8
gsnmp_usm_flags_from_level (GsnmpSecurityLevel level)
{
        switch (level) {
        case GSNMP_SECURITY_LEVEL_AUTH_PRIV:
                return GSNMP_V3_FLAG_AUTH | GSNMP_V3_FLAG_PRIV;
        case GSNMP_SECURITY_LEVEL_AUTH_NO_PRIV:
                return GSNMP_V3_FLAG_AUTH;
        case GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV:
        default:
                return 0;
        }
}

void
gsnmp_usm_clock_set (GsnmpUsmClock *clock,
                     guint32        boots,
                     guint32        time)
{
        clock->boots = boots;
        clock->time = time;
        clock->latest_time = time;
        clock->time_ref = g_get_monotonic_time ();
}

guint32
gsnmp_usm_clock_now (const GsnmpUsmClock *clock)
{
        gint64 elapsed = (g_get_monotonic_time () - clock->time_ref) / G_USEC_PER_SEC;

        return (guint32) MIN ((gint64) clock->time + elapsed, G_MAXINT32);
}

gboolean
gsnmp_usm_clock_check (GsnmpUsmClock *clock,
                       guint32        boots,
                       guint32        time)
{
        if (boots > clock->boots || (boots == clock->boots && time > clock->latest_time))
                gsnmp_usm_clock_set (clock, boots, time);
        if (clock->boots == G_MAXINT32 || boots < clock->boots ||
            (boots == clock->boots && (gint64) time + GSNMP_USM_TIME_WINDOW < (gint64) clock->latest_time))
                return FALSE;
        return TRUE;
}

gboolean
gsnmp_usm_local_check_time (GsnmpLocalEngine *local,
                            guint32           boots,
                            guint32           time)
{
        guint32 local_boots = gsnmp_local_engine_get_boots (local);
        gint64 now = gsnmp_local_engine_get_time (local);

        return local_boots != G_MAXINT32 && boots == local_boots &&
               ABS ((gint64) time - now) <= GSNMP_USM_TIME_WINDOW;
}

GsnmpUsmStatus
gsnmp_usm_process_incoming (GsnmpUsmKeyCache  *keys,
                            GsnmpLocalEngine  *local,
                            GsnmpUsmUser      *user,
                            GsnmpUsmClock     *clock,
                            GsnmpMessageV3    *msg,
                            const guint8      *data,
                            gsize              length,
                            GsnmpUsmKey      **auth_key_out,
                            GsnmpUsmKey      **priv_key_out,
                            GError           **error)
{
        g_autoptr(GsnmpUsmKey) auth_key = NULL;
        g_autoptr(GsnmpUsmKey) priv_key = NULL;
        GsnmpSecurityLevel level = gsnmp_usm_level_from_flags (msg->msg_flags);
        GsnmpUsmStatus status;
        gsize id_len;
        const guint8 *id;

        *auth_key_out = NULL;
        *priv_key_out = NULL;
        if (level == GSNMP_SECURITY_LEVEL_NO_AUTH_NO_PRIV)
                return GSNMP_USM_STATUS_OK;

        /* Step 6: the keys localized for the authoritative engine */
        id = g_bytes_get_data (msg->engine_id, &id_len);
        auth_key = gsnmp_usm_key_cache_get_auth_key (keys, user, id, id_len, error);
        if (auth_key != NULL && level == GSNMP_SECURITY_LEVEL_AUTH_PRIV)
                priv_key = gsnmp_usm_key_cache_get_priv_key (keys, user, id, id_len, error);
        if (auth_key == NULL || (level == GSNMP_SECURITY_LEVEL_AUTH_PRIV && priv_key == NULL)) {
                status = GSNMP_USM_STATUS_NO_KEYS;
                goto fail;
        }

        /* Steps 6 and 8: authentication and decryption */
        if (!gsnmp_message_v3_unprotect (msg, data, length, auth_key, priv_key, error)) {
                status = gsnmp_usm_status_from_error (*error);
                goto fail;
        }

        /* Step 7: timeliness, as the authoritative engine or not */
        if (clock != NULL ? !gsnmp_usm_clock_check (clock, msg->engine_boots, msg->engine_time) :
                            !gsnmp_usm_local_check_time (local, msg->engine_boots, msg->engine_time)) {
                g_set_error_literal (error, GSNMP_ERROR, GSNMP_ERROR_NOT_IN_TIME_WINDOW,
                                     _("The message is outside the time window"));
                /* Authentic: the authoritative side answers with an
                 * authenticated report (RFC 3414 §3.2 step 7a) */
                *auth_key_out = g_steal_pointer (&auth_key);
                status = GSNMP_USM_STATUS_NOT_IN_TIME_WINDOW;
                goto fail;
        }

        *auth_key_out = g_steal_pointer (&auth_key);
        *priv_key_out = g_steal_pointer (&priv_key);
        return GSNMP_USM_STATUS_OK;

fail:
        gsnmp_local_engine_count (local, gsnmp_usm_status_counter (status));
        return status;
}
