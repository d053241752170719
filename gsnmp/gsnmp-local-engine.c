/* gsnmp-local-engine.c - the local SNMP engine of the entity: engine ID,
 * boots, time, the optional state file and the entity's counters
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-local-engine-private.h"
#include "gsnmp-error.h"
#include "gsnmp-i18n-private.h"

#include <string.h>

struct _GsnmpLocalEngine {
        GBytes  *engine_id;
        guint32  boots;
        gint64   start;      /* monotonic µs */
        guint64  counters[GSNMP_N_COUNTERS];
};

/* A fresh RFC 3411 engine ID: the "reserved" enterprise 0 with format 5
 * (administratively assigned octets), then 12 random octets. */
static GBytes *
make_engine_id (void)
{
        guint8 id[17] = { 0x80, 0x00, 0x00, 0x00, 0x05 };
        guint i;

        for (i = 5; i < sizeof id; i++)
                id[i] = (guint8) g_random_int_range (0, 256);
        return g_bytes_new (id, sizeof id);
}

/* Loads (or creates) the state file: the engine ID persists and boots grows
 * by one at every start, as RFC 3414 §2.2 asks of snmpEngineBoots. */
static char *
hex_of (GBytes *bytes)
{
        gsize len;
        const guint8 *data = g_bytes_get_data (bytes, &len);
        char *hex = g_malloc (2 * len + 1);

        for (gsize i = 0; i < len; i++)
                g_snprintf (hex + 2 * i, 3, "%02x", data[i]);
        hex[2 * len] = '\0';
        return hex;
}

static gboolean
local_engine_load_state (GsnmpLocalEngine *self,
                         const char       *state_file,
                         GBytes           *engine_id,
                         GError          **error)
{
        g_autoptr(GKeyFile) keyfile = g_key_file_new ();
        g_autoptr(GError) local_error = NULL;
        g_autofree char *hex = NULL;
        g_autofree char *data = NULL;
        guint64 boots = 0;

        if (!g_key_file_load_from_file (keyfile, state_file, G_KEY_FILE_NONE,
                                        &local_error)) {
                if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
                        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED,
                                     _("Could not read the engine state file “%s”: %s"),
                                     state_file, local_error->message);
                        return FALSE;
                }
                g_clear_error (&local_error);
        } else {
                hex = g_key_file_get_string (keyfile, "engine", "id", NULL);
                boots = g_key_file_get_uint64 (keyfile, "engine", "boots", &local_error);
                if (hex != NULL && (local_error != NULL || boots == 0 || boots > G_MAXINT32)) {
                        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED,
                                     _("The engine state file “%s” holds an invalid boots value"),
                                     state_file);
                        return FALSE;
                }
                g_clear_error (&local_error);
        }

        if (hex != NULL) {
                gsize len = strlen (hex), i;
                g_autofree guint8 *id = g_malloc (len / 2 + 1);

                if (len < 10 || len > 64 || len % 2 != 0) {
                        g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED,
                                     _("The engine state file “%s” holds an invalid engine ID"),
                                     state_file);
                        return FALSE;
                }
                for (i = 0; i < len / 2; i++) {
                        int hi = g_ascii_xdigit_value (hex[2 * i]);
                        int lo = g_ascii_xdigit_value (hex[2 * i + 1]);

                        if (hi < 0 || lo < 0) {
                                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED,
                                             _("The engine state file “%s” holds an invalid engine ID"),
                                             state_file);
                                return FALSE;
                        }
                        id[i] = (guint8) (hi << 4 | lo);
                }
                self->engine_id = g_bytes_new (id, len / 2);
        }

        /* An engine ID given to the engine wins over the file's; boots
         * counts the starts since the ID was set (RFC 3411 §5), so it
         * starts again at 1 when the ID changes */
        if (engine_id != NULL && (self->engine_id == NULL || !g_bytes_equal (engine_id, self->engine_id))) {
                g_clear_pointer (&self->engine_id, g_bytes_unref);
                self->engine_id = g_bytes_ref (engine_id);
                g_free (hex);
                hex = hex_of (engine_id);
                boots = 0;
        } else if (self->engine_id == NULL) {
                self->engine_id = make_engine_id ();
                hex = hex_of (self->engine_id);
        }

        /* Boots never goes back and is never 0; at 2^31-1 it stays (RFC 3414 §2.2.2) */
        self->boots = (guint32) CLAMP (boots + 1, 1, G_MAXINT32);

        g_key_file_set_string (keyfile, "engine", "id", hex);
        g_key_file_set_uint64 (keyfile, "engine", "boots", self->boots);
        data = g_key_file_to_data (keyfile, NULL, NULL);
        if (!g_file_set_contents_full (state_file, data, -1,
                                       G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error)) {
                g_set_error (error, GSNMP_ERROR, GSNMP_ERROR_FAILED,
                             _("Could not write the engine state file “%s”: %s"),
                             state_file, local_error->message);
                return FALSE;
        }
        return TRUE;
}

static void
local_engine_clear (GsnmpLocalEngine *self)
{
        g_clear_pointer (&self->engine_id, g_bytes_unref);
}

GsnmpLocalEngine *
gsnmp_local_engine_new (const char  *state_file,
                        GBytes      *engine_id,
                        GError     **error)
{
        GsnmpLocalEngine *self = g_atomic_rc_box_new0 (GsnmpLocalEngine);

        self->start = g_get_monotonic_time ();
        if (state_file != NULL) {
                if (!local_engine_load_state (self, state_file, engine_id, error)) {
                        gsnmp_local_engine_unref (self);
                        return NULL;
                }
        } else {
                /* Without a state file, a fresh engine ID each time unless
                 * one is given: receivers never see boots go back */
                self->engine_id = engine_id != NULL ? g_bytes_ref (engine_id) : make_engine_id ();
                self->boots = 1;
        }
        return self;
}

GsnmpLocalEngine *
gsnmp_local_engine_ref (GsnmpLocalEngine *self)
{
        return g_atomic_rc_box_acquire (self);
}

void
gsnmp_local_engine_unref (GsnmpLocalEngine *self)
{
        g_atomic_rc_box_release_full (self, (GDestroyNotify) local_engine_clear);
}

GBytes *
gsnmp_local_engine_get_id (GsnmpLocalEngine *self)
{
        return self->engine_id;
}

guint32
gsnmp_local_engine_get_boots (GsnmpLocalEngine *self)
{
        return self->boots;
}

guint32
gsnmp_local_engine_get_time (GsnmpLocalEngine *self)
{
        return (guint32) MIN ((g_get_monotonic_time () - self->start) / G_USEC_PER_SEC,
                              G_MAXINT32);
}

guint32
gsnmp_local_engine_get_uptime (GsnmpLocalEngine *self)
{
        return (guint32) ((g_get_monotonic_time () - self->start) / 10000);
}

guint64
gsnmp_local_engine_count (GsnmpLocalEngine *self,
                          GsnmpCounter      counter)
{
        return ++self->counters[counter];
}

guint64
gsnmp_local_engine_get_counter (GsnmpLocalEngine *self,
                                GsnmpCounter      counter)
{
        return self->counters[counter];
}
