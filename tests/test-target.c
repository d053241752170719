/* test-target.c - GsnmpTarget: addresses, properties and name resolution
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#include "config.h"

#include "gsnmp-test-utils.h"
#include "gsnmp-target-private.h"
#include "gsnmp-address-private.h"

#include <string.h>

/* ---------------------------------------------------------------------- */
/* Address parsing                                                         */

typedef struct {
        const char    *address;
        const char    *host;        /* NULL: the address is invalid */
        guint16        port;
        gboolean       literal;     /* an IP literal, no resolution needed */
        GSocketFamily  hint;
        const char    *community;   /* when built without credentials */
} AddressCase;

#define ANY G_SOCKET_FAMILY_INVALID
#define V4  G_SOCKET_FAMILY_IPV4
#define V6  G_SOCKET_FAMILY_IPV6

static const AddressCase address_cases[] = {
        { "127.0.0.1",                    "127.0.0.1",  161,   TRUE,  ANY, "public" },
        { "127.0.0.1:1161",               "127.0.0.1",  1161,  TRUE,  ANY, "public" },
        { "localhost",                    "localhost",  161,   FALSE, ANY, "public" },
        { "localhost:1161",               "localhost",  1161,  FALSE, ANY, "public" },
        { "udp:127.0.0.1:1161",           "127.0.0.1",  1161,  TRUE,  V4,  "public" },
        { "UDP:127.0.0.1:1161",           "127.0.0.1",  1161,  TRUE,  V4,  "public" },
        { "udp:localhost",                "localhost",  161,   FALSE, V4,  "public" },
        { "udp6:[::1]:1161",              "::1",        1161,  TRUE,  V6,  "public" },
        { "udp6:[::1]",                   "::1",        161,   TRUE,  V6,  "public" },
        { "udp6:localhost:1161",          "localhost",  1161,  FALSE, V6,  "public" },
        { "[::1]:1161",                   "::1",        1161,  TRUE,  ANY, "public" },
        { "[::1]",                        "::1",        161,   TRUE,  ANY, "public" },
        { "::1",                          "::1",        161,   TRUE,  ANY, "public" },
        { "2001:db8::17",                 "2001:db8::17", 161, TRUE,  ANY, "public" },
        { "[2001:db8::17]:65535",         "2001:db8::17", 65535, TRUE, ANY, "public" },
        { "host-name_1.example.org:1",    "host-name_1.example.org", 1, FALSE, ANY, "public" },
        { "snmp://127.0.0.1:1161",        "127.0.0.1",  1161,  TRUE,  ANY, "public" },
        { "snmp://127.0.0.1",             "127.0.0.1",  161,   TRUE,  ANY, "public" },
        { "SNMP://127.0.0.1:1161/",       "127.0.0.1",  1161,  TRUE,  ANY, "public" },
        { "snmp://public@host:1161",      "host",       1161,  FALSE, ANY, "public" },
        { "snmp://private@[::1]:1162/",   "::1",        1162,  TRUE,  ANY, "private" },
        { "snmp://se%40cret@127.0.0.1",   "127.0.0.1",  161,   TRUE,  ANY, "se@cret" },

        /* invalid */
        { "",                             NULL },
        { "udp:",                         NULL },
        { "udp6:",                        NULL },
        { "tcp:127.0.0.1:161",            NULL },
        { "tcp6:[::1]:161",               NULL },
        { "unix:/var/run/snmpd.sock",     NULL },
        { "host:99999",                   NULL },
        { "host:65536",                   NULL },
        { "host:0",                       NULL },
        { "host:abc",                     NULL },
        { "host:",                        NULL },
        { "host:-1",                      NULL },
        { "host:+161",                    NULL },
        { "host:161x",                    NULL },
        { "[::1",                         NULL },
        { "[::1]x",                       NULL },
        { "[::1]:",                       NULL },
        { "[]:161",                       NULL },
        { "[127.0.0.1]:161",              NULL },
        { "[not-an-address]:161",         NULL },
        { "1.2.3.4:161:162",              NULL },
        { "snmp://",                      NULL },
        { "snmp://@host",                 NULL },
        { "snmp://public@",               NULL },
        { "udp6:127.0.0.1",               NULL },
        { "udp:[::1]:161",                NULL },
        { "garbage with spaces",          NULL },
        { " 127.0.0.1",                   NULL },
        { "127.0.0.1 ",                   NULL },
        { "host\n",                       NULL },
};

static void
test_address_parse (gconstpointer data)
{
        const AddressCase *c = data;
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpTarget) target = NULL;

        target = gsnmp_target_new (c->address, NULL, &error);

        if (c->host == NULL) {
                g_assert_null (target);
                g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS);
                g_test_message ("%s", error->message);
                g_assert_false (g_str_has_suffix (error->message, "."));
                return;
        }

        g_assert_no_error (error);
        g_assert_nonnull (target);
        g_assert_cmpstr (gsnmp_target_get_address (target), ==, c->address);
        g_assert_cmpstr (gsnmp_target_get_host (target), ==, c->host);
        g_assert_cmpuint (gsnmp_target_get_port (target), ==, c->port);
        g_assert_cmpint (gsnmp_target_get_family_hint (target), ==, c->hint);
        g_assert_true (gsnmp_target_check_address (target, NULL));
        if (c->literal) {
                g_autofree char *str = NULL;

                g_assert_nonnull (gsnmp_target_get_inet_address (target));
                str = g_inet_address_to_string (gsnmp_target_get_inet_address (target));
                g_assert_cmpstr (str, ==, c->host);
        } else {
                g_assert_null (gsnmp_target_get_inet_address (target));
        }

        /* without credentials: SNMPv2c and the URI's community or "public" */
        g_assert_true (GSNMP_IS_COMMUNITY (gsnmp_target_get_credentials (target)));
        g_assert_cmpint (gsnmp_target_get_version (target), ==, GSNMP_PROTOCOL_VERSION_V2C);
        g_assert_cmpstr (gsnmp_community_get_community (GSNMP_COMMUNITY (gsnmp_target_get_credentials (target))),
                         ==, c->community);
}

/* The caller's default port applies only when the address names none:
 * 161 for targets and agents, 162 for notification listeners */
static void
test_address_default_port (void)
{
        static const struct {
                const char      *address;
                GsnmpAddressUse  use;
                guint16          default_port;
                guint16          port;
        } cases[] = {
                { "127.0.0.1",          GSNMP_ADDRESS_USE_LISTEN, 161,  161 },
                { "127.0.0.1",          GSNMP_ADDRESS_USE_LISTEN, 162,  162 },
                { "udp:127.0.0.1",      GSNMP_ADDRESS_USE_LISTEN, 161,  161 },
                { "udp6:[::1]",         GSNMP_ADDRESS_USE_LISTEN, 161,  161 },
                { "::1",                GSNMP_ADDRESS_USE_LISTEN, 161,  161 },
                { "127.0.0.1:162",      GSNMP_ADDRESS_USE_LISTEN, 161,  162 },
                { "udp:127.0.0.1:162",  GSNMP_ADDRESS_USE_LISTEN, 161,  162 },
                { "[::1]:162",          GSNMP_ADDRESS_USE_LISTEN, 161,  162 },
                { "127.0.0.1:161",      GSNMP_ADDRESS_USE_LISTEN, 162,  161 },
                { "1162",               GSNMP_ADDRESS_USE_LISTEN, 161,  1162 },
                { "127.0.0.1:0",        GSNMP_ADDRESS_USE_LISTEN, 161,  0 },
                { "localhost",          GSNMP_ADDRESS_USE_TARGET, 161,  161 },
                { "localhost",          GSNMP_ADDRESS_USE_TARGET, 1161, 1161 },
                { "localhost:162",      GSNMP_ADDRESS_USE_TARGET, 161,  162 },
                { "snmp://h",           GSNMP_ADDRESS_USE_TARGET, 161,  161 },
                { "snmp://h:162",       GSNMP_ADDRESS_USE_TARGET, 161,  162 },
        };

        for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
                g_auto(GsnmpAddress) parsed = { 0, };
                g_autoptr(GError) error = NULL;

                g_test_message ("%s (default %u)", cases[i].address, cases[i].default_port);
                g_assert_true (gsnmp_address_parse (cases[i].address, cases[i].use,
                                                    cases[i].default_port, &parsed, &error));
                g_assert_no_error (error);
                g_assert_cmpuint (parsed.port, ==, cases[i].port);
        }
}

static void
test_address_too_long (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GString) address = g_string_new (NULL);

        for (guint i = 0; i < 60; i++)
                g_string_append (address, "abcd.");
        g_string_append (address, "org");   /* 303 characters */

        target = gsnmp_target_new (address->str, NULL, &error);
        g_assert_null (target);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS);
}

static void
test_address_object_new (void)
{
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GError) error = NULL;

        g_test_summary ("g_object_new() with a bad address builds a target whose "
                        "address check fails");

        target = g_object_new (GSNMP_TYPE_TARGET, "address", "tcp:127.0.0.1:161", NULL);
        g_assert_nonnull (target);
        g_assert_false (gsnmp_target_check_address (target, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS);
        g_clear_object (&target);
        g_clear_error (&error);

        /* and with no address at all */
        target = g_object_new (GSNMP_TYPE_TARGET, NULL);
        g_assert_nonnull (target);
        g_assert_false (gsnmp_target_check_address (target, &error));
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS);
}

static void
test_uri_community_wins (void)
{
        g_autoptr(GsnmpCommunity) community = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V1, "given");
        g_autoptr(GsnmpCommunity) same = gsnmp_community_new (GSNMP_PROTOCOL_VERSION_V1, "fromuri");
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpTarget) target2 = NULL;
        g_autoptr(GError) error = NULL;
        GsnmpCredentials *used;

        g_test_summary ("The community of an snmp:// URI replaces that of the community "
                        "passed in, whose version is kept");

        target = gsnmp_target_new ("snmp://fromuri@127.0.0.1:1161", GSNMP_CREDENTIALS (community), &error);
        g_assert_no_error (error);
        used = gsnmp_target_get_credentials (target);
        g_assert_true (GSNMP_IS_COMMUNITY (used));
        g_assert_cmpstr (gsnmp_community_get_community (GSNMP_COMMUNITY (used)), ==, "fromuri");
        g_assert_cmpint (gsnmp_target_get_version (target), ==, GSNMP_PROTOCOL_VERSION_V1);
        g_assert_cmpuint (gsnmp_target_get_port (target), ==, 1161);

        /* the same community: the credentials are used as they are */
        target2 = gsnmp_target_new ("snmp://fromuri@127.0.0.1", GSNMP_CREDENTIALS (same), &error);
        g_assert_no_error (error);
        g_assert_true (gsnmp_target_get_credentials (target2) == GSNMP_CREDENTIALS (same));
}

static void
test_uri_user_mismatch (void)
{
        g_autoptr(GsnmpUsmUser) user = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpTarget) target2 = NULL;
        g_autoptr(GError) error = NULL;

        g_test_summary ("With USM credentials, the user of an snmp:// URI must be theirs");

        user = gsnmp_usm_user_new ("alice", GSNMP_AUTH_PROTOCOL_NONE, NULL,
                                   GSNMP_PRIV_PROTOCOL_NONE, NULL, &error);
        g_assert_no_error (error);
        target = gsnmp_target_new ("snmp://bob@127.0.0.1", GSNMP_CREDENTIALS (user), &error);
        g_assert_null (target);
        g_assert_error (error, GSNMP_ERROR, GSNMP_ERROR_INVALID_ADDRESS);
        g_clear_error (&error);

        target2 = gsnmp_target_new ("snmp://alice@127.0.0.1", GSNMP_CREDENTIALS (user), &error);
        g_assert_no_error (error);
        g_assert_true (gsnmp_target_get_credentials (target2) == GSNMP_CREDENTIALS (user));
}

/* ---------------------------------------------------------------------- */
/* Properties                                                              */

static void
test_properties_defaults (void)
{
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *address = NULL;
        guint timeout, retries, max_repetitions;

        target = gsnmp_target_new ("127.0.0.1", NULL, &error);
        g_assert_no_error (error);

        g_assert_cmpuint (gsnmp_target_get_timeout (target), ==, 1000);
        g_assert_cmpuint (gsnmp_target_get_retries (target), ==, 5);
        g_assert_cmpuint (gsnmp_target_get_max_repetitions (target), ==, 10);
        g_assert_null (gsnmp_target_get_context_engine_id (target));
        g_assert_cmpstr (gsnmp_target_get_context_name (target), ==, "");

        g_object_get (target,
                      "address", &address,
                      "timeout", &timeout,
                      "retries", &retries,
                      "max-repetitions", &max_repetitions,
                      NULL);
        g_assert_cmpstr (address, ==, "127.0.0.1");
        g_assert_cmpuint (timeout, ==, 1000);
        g_assert_cmpuint (retries, ==, 5);
        g_assert_cmpuint (max_repetitions, ==, 10);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
        guint *count = user_data;

        (*count)++;
}

typedef struct {
        const char *name;
        void      (*set) (GsnmpTarget *target, guint value);
        guint     (*get) (GsnmpTarget *target);
} UintProperty;

static const UintProperty uint_properties[] = {
        { "timeout", gsnmp_target_set_timeout, gsnmp_target_get_timeout },
        { "retries", gsnmp_target_set_retries, gsnmp_target_get_retries },
        { "max-repetitions", gsnmp_target_set_max_repetitions, gsnmp_target_get_max_repetitions },
};

static void
test_properties_notify (void)
{
        g_autoptr(GsnmpTarget) target = gsnmp_target_new ("127.0.0.1", NULL, NULL);
        g_autoptr(GBytes) engine_id = g_bytes_new_static ("\x80\x00\x1f\x88\x04", 5);
        g_autoptr(GBytes) same_id = g_bytes_new ("\x80\x00\x1f\x88\x04", 5);
        guint count;

        g_test_summary ("Setters notify only on change, with explicit notify");

        for (guint i = 0; i < G_N_ELEMENTS (uint_properties); i++) {
                const UintProperty *p = &uint_properties[i];
                g_autofree char *signal = g_strdup_printf ("notify::%s", p->name);
                guint value;
                gulong id;

                count = 0;
                id = g_signal_connect (target, signal, G_CALLBACK (on_notify), &count);
                p->set (target, 7);
                g_assert_cmpuint (p->get (target), ==, 7);
                g_assert_cmpuint (count, ==, 1);
                p->set (target, 7);
                g_assert_cmpuint (count, ==, 1);
                g_object_set (target, p->name, 9, NULL);
                g_assert_cmpuint (count, ==, 2);
                g_object_set (target, p->name, 9, NULL);
                g_assert_cmpuint (count, ==, 2);
                g_object_get (target, p->name, &value, NULL);
                g_assert_cmpuint (value, ==, 9);
                g_signal_handler_disconnect (target, id);
        }

        count = 0;
        g_signal_connect (target, "notify::context-name", G_CALLBACK (on_notify), &count);
        gsnmp_target_set_context_name (target, "bridge1");
        g_assert_cmpstr (gsnmp_target_get_context_name (target), ==, "bridge1");
        g_assert_cmpuint (count, ==, 1);
        gsnmp_target_set_context_name (target, "bridge1");
        g_assert_cmpuint (count, ==, 1);
        gsnmp_target_set_context_name (target, NULL);
        g_assert_cmpstr (gsnmp_target_get_context_name (target), ==, "");
        g_assert_cmpuint (count, ==, 2);

        count = 0;
        g_signal_connect (target, "notify::context-engine-id", G_CALLBACK (on_notify), &count);
        gsnmp_target_set_context_engine_id (target, engine_id);
        g_assert_true (g_bytes_equal (gsnmp_target_get_context_engine_id (target), engine_id));
        g_assert_cmpuint (count, ==, 1);
        gsnmp_target_set_context_engine_id (target, same_id);
        g_assert_cmpuint (count, ==, 1);
        gsnmp_target_set_context_engine_id (target, NULL);
        g_assert_null (gsnmp_target_get_context_engine_id (target));
        g_assert_cmpuint (count, ==, 2);
}

static void
test_properties_invalid (void)
{
        g_autoptr(GsnmpTarget) target = gsnmp_target_new ("127.0.0.1", NULL, NULL);

        g_test_summary ("A timeout of 0 or a max-repetitions of 0 is a programmer error");

        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*timeout_ms > 0*");
        gsnmp_target_set_timeout (target, 0);
        g_test_assert_expected_messages ();
        g_assert_cmpuint (gsnmp_target_get_timeout (target), ==, 1000);

        g_test_expect_message ("Gsnmp", G_LOG_LEVEL_CRITICAL, "*max_repetitions*");
        gsnmp_target_set_max_repetitions (target, 0);
        g_test_assert_expected_messages ();
        g_assert_cmpuint (gsnmp_target_get_max_repetitions (target), ==, 10);
}

/* ---------------------------------------------------------------------- */
/* Name resolution through a fake GResolver: never real DNS                */

#define FAKE_TYPE_RESOLVER (fake_resolver_get_type ())
G_DECLARE_FINAL_TYPE (FakeResolver, fake_resolver, FAKE, RESOLVER, GResolver)

typedef struct {
        GTask   *task;
        GSource *cancel_source;   /* (nullable) */
} HungLookup;

struct _FakeResolver {
        GResolver  parent_instance;

        guint      n_lookups;
        gboolean   sync_called;
        GPtrArray *hung;          /* (element-type HungLookup) lookups never answered */
};

G_DEFINE_FINAL_TYPE (FakeResolver, fake_resolver, G_TYPE_RESOLVER)

static void
hung_lookup_free (gpointer data)
{
        HungLookup *hung = data;

        if (hung->cancel_source != NULL) {
                g_source_destroy (hung->cancel_source);
                g_source_unref (hung->cancel_source);
        }
        g_object_unref (hung->task);
        g_free (hung);
}

static GList *
addresses_new (const char * const *strv)
{
        GList *list = NULL;

        for (guint i = 0; strv[i] != NULL; i++)
                list = g_list_append (list, g_inet_address_new_from_string (strv[i]));

        return list;
}

static gboolean
on_hung_cancelled (GCancellable *cancellable,
                   gpointer      user_data)
{
        FakeResolver *self = user_data;

        for (guint i = 0; i < self->hung->len; i++) {
                HungLookup *hung = g_ptr_array_index (self->hung, i);

                if (g_task_get_cancellable (hung->task) == cancellable) {
                        g_task_return_error_if_cancelled (hung->task);
                        g_ptr_array_remove_index (self->hung, i);
                        break;
                }
        }

        return G_SOURCE_REMOVE;
}

static GList *
fake_resolver_lookup_by_name (GResolver     *resolver,
                              const char    *hostname,
                              GCancellable  *cancellable,
                              GError       **error)
{
        FakeResolver *self = FAKE_RESOLVER (resolver);

        /* the engine must never block on a lookup */
        self->sync_called = TRUE;
        g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_INTERNAL, "blocking lookup of “%s”", hostname);
        return NULL;
}

static void
fake_resolver_lookup_by_name_async (GResolver           *resolver,
                                    const char          *hostname,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
        static const char * const agent[] = { "127.0.0.1", NULL };
        static const char * const dual[] = { "::1", "127.0.0.1", NULL };
        static const char * const v6only[] = { "::1", NULL };
        FakeResolver *self = FAKE_RESOLVER (resolver);
        g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);

        g_task_set_source_tag (task, fake_resolver_lookup_by_name_async);
        self->n_lookups++;

        if (g_str_equal (hostname, "agent.test")) {
                g_task_return_pointer (task, addresses_new (agent),
                                       (GDestroyNotify) g_resolver_free_addresses);
        } else if (g_str_equal (hostname, "dual.test")) {
                g_task_return_pointer (task, addresses_new (dual),
                                       (GDestroyNotify) g_resolver_free_addresses);
        } else if (g_str_equal (hostname, "v6only.test")) {
                g_task_return_pointer (task, addresses_new (v6only),
                                       (GDestroyNotify) g_resolver_free_addresses);
        } else if (g_str_equal (hostname, "hang.test") || g_str_equal (hostname, "deaf.test")) {
                /* hang.test answers only its cancellation; deaf.test not even
                 * that, and answers whatever the test tells it to later */
                HungLookup *hung = g_new0 (HungLookup, 1);

                hung->task = g_object_ref (task);
                if (g_str_equal (hostname, "deaf.test"))
                        g_task_set_check_cancellable (task, FALSE);
                else if (cancellable != NULL) {
                        hung->cancel_source = g_cancellable_source_new (cancellable);
                        g_source_set_callback (hung->cancel_source, G_SOURCE_FUNC (on_hung_cancelled),
                                               self, NULL);
                        g_source_attach (hung->cancel_source, g_main_context_get_thread_default ());
                }
                g_ptr_array_add (self->hung, hung);
        } else {
                g_task_return_new_error (task, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                                         "Fake resolver: no host “%s”", hostname);
        }
}

static GList *
fake_resolver_lookup_by_name_finish (GResolver     *resolver,
                                     GAsyncResult  *result,
                                     GError       **error)
{
        g_assert_true (g_task_is_valid (result, resolver));

        return g_task_propagate_pointer (G_TASK (result), error);
}

static void
fake_resolver_dispose (GObject *object)
{
        FakeResolver *self = FAKE_RESOLVER (object);

        /* answer whatever still hangs, so nothing leaks */
        while (self->hung != NULL && self->hung->len > 0) {
                HungLookup *hung = g_ptr_array_steal_index (self->hung, 0);

                g_task_return_new_error (hung->task, G_IO_ERROR, G_IO_ERROR_CLOSED,
                                         "Fake resolver went away");
                hung_lookup_free (hung);
        }

        G_OBJECT_CLASS (fake_resolver_parent_class)->dispose (object);
}

static void
fake_resolver_finalize (GObject *object)
{
        FakeResolver *self = FAKE_RESOLVER (object);

        g_ptr_array_unref (self->hung);

        G_OBJECT_CLASS (fake_resolver_parent_class)->finalize (object);
}

static void
fake_resolver_class_init (FakeResolverClass *klass)
{
        GObjectClass *object_class = G_OBJECT_CLASS (klass);
        GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

        object_class->dispose = fake_resolver_dispose;
        object_class->finalize = fake_resolver_finalize;
        resolver_class->lookup_by_name = fake_resolver_lookup_by_name;
        resolver_class->lookup_by_name_async = fake_resolver_lookup_by_name_async;
        resolver_class->lookup_by_name_finish = fake_resolver_lookup_by_name_finish;
}

static void
fake_resolver_init (FakeResolver *self)
{
        self->hung = g_ptr_array_new_with_free_func (hung_lookup_free);
}

typedef struct {
        TestFixture   base;        /* engine, agent, target from the shared fixture */
        FakeResolver *resolver;
        GResolver    *saved;
} ResolveFixture;

static void
resolve_fixture_setup (ResolveFixture *fixture,
                       gconstpointer   data)
{
        test_fixture_setup (&fixture->base, data);
        fixture->saved = g_resolver_get_default ();
        fixture->resolver = g_object_new (FAKE_TYPE_RESOLVER, NULL);
        g_resolver_set_default (G_RESOLVER (fixture->resolver));
}

static void
resolve_fixture_teardown (ResolveFixture *fixture,
                          gconstpointer   data)
{
        g_assert_false (fixture->resolver->sync_called);

        g_resolver_set_default (fixture->saved);
        g_clear_object (&fixture->saved);
        g_clear_object (&fixture->resolver);
        test_fixture_teardown (&fixture->base, data);
}

#define RESOLVE_TEST_ADD(path, config, func)                                    \
        g_test_add ((path), ResolveFixture, (config),                           \
                    resolve_fixture_setup, (func), resolve_fixture_teardown)

typedef struct {
        GsnmpEngine *engine;
        GsnmpPdu    *pdu;
        GError      *error;
        gboolean     done;
        guint        n_calls;
        gboolean     in_async;
} Request;

static void
on_get_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
        Request *r = user_data;

        g_assert_false (r->in_async);
        g_assert_cmpuint (r->n_calls, ==, 0);
        r->n_calls++;
        r->pdu = gsnmp_engine_get_finish (GSNMP_ENGINE (source), result, &r->error);
        g_assert_true ((r->pdu == NULL) != (r->error == NULL));
        r->done = TRUE;
}

static void
start_get (Request      *r,
           GsnmpEngine  *engine,
           GsnmpTarget  *target,
           GCancellable *cancellable)
{
        g_autoptr(GsnmpOid) oid = test_oid ("1.3.6.1.2.1.1.5.0");

        memset (r, 0, sizeof *r);
        r->engine = engine;
        r->in_async = TRUE;
        gsnmp_engine_get_async (engine, target, &oid, 1, cancellable, on_get_done, r);
        r->in_async = FALSE;
        g_assert_cmpuint (r->n_calls, ==, 0);
}

static void
request_clear (Request *r)
{
        g_clear_pointer (&r->pdu, gsnmp_pdu_unref);
        g_clear_error (&r->error);
}

static GsnmpTarget *
named_target (FakeAgent  *agent,
              const char *host)
{
        g_autoptr(GError) error = NULL;
        g_autofree char *address = g_strdup_printf ("%s:%u", host, fake_agent_get_port (agent));
        GsnmpTarget *target;

        target = gsnmp_target_new (address, NULL, &error);
        g_assert_no_error (error);
        gsnmp_target_set_timeout (target, TEST_LONG_TIMEOUT_MS);
        gsnmp_target_set_retries (target, 2);

        return target;
}

static void
assert_sys_name (Request *r)
{
        g_autofree char *value = NULL;

        g_assert_no_error (r->error);
        g_assert_nonnull (r->pdu);
        g_assert_cmpuint (gsnmp_pdu_get_error_status (r->pdu), ==, 0);
        g_assert_cmpuint (gsnmp_pdu_get_n_varbinds (r->pdu), ==, 1);
        value = gsnmp_varbind_get_string (gsnmp_pdu_get_varbind (r->pdu, 0));
        g_assert_cmpstr (value, ==, "fake");
}

static void
check_resolved_get (ResolveFixture *fixture,
                    const char     *host)
{
        g_autoptr(GsnmpTarget) target = NULL;
        Request r;

        TEST_RETURN_IF_SKIPPED (&fixture->base);

        target = named_target (fixture->base.agent, host);
        g_assert_null (gsnmp_target_get_inet_address (target));

        start_get (&r, fixture->base.engine, target, NULL);
        test_run_until (&r.done);
        assert_sys_name (&r);
        request_clear (&r);
        g_assert_cmpuint (fixture->resolver->n_lookups, >=, 1);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->base.agent), ==, 1);
}

static void
test_resolve_found (ResolveFixture *fixture,
                    gconstpointer   data)
{
        g_test_summary ("A name that resolves to 127.0.0.1 reaches the fake agent");
        check_resolved_get (fixture, "agent.test");
}

static void
test_resolve_prefers_ipv4 (ResolveFixture *fixture,
                           gconstpointer   data)
{
        g_test_summary ("A name with IPv6 and IPv4 addresses is reached over IPv4 by default");
        check_resolved_get (fixture, "dual.test");
}

static void
test_resolve_udp6 (ResolveFixture *fixture,
                   gconstpointer   data)
{
        g_test_summary ("“udp6:” picks the IPv6 address of a name");
        check_resolved_get (fixture, "udp6:dual.test");
}

static void
test_resolve_uri (ResolveFixture *fixture,
                  gconstpointer   data)
{
        g_test_summary ("An snmp:// URI with a community and a host name");
        check_resolved_get (fixture, "snmp://public@agent.test");
}

static void
check_resolve_error (ResolveFixture *fixture,
                     const char     *host,
                     GQuark          domain,
                     gint            code)
{
        g_autoptr(GsnmpTarget) target = NULL;
        Request r;

        target = named_target (fixture->base.agent, host);
        start_get (&r, fixture->base.engine, target, NULL);
        test_run_until (&r.done);
        g_assert_error (r.error, domain, code);
        g_test_message ("%s", r.error->message);
        request_clear (&r);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->base.engine), ==, 0);
        fake_agent_sync (fixture->base.agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->base.agent), ==, 0);
}

static void
test_resolve_not_found (ResolveFixture *fixture,
                        gconstpointer   data)
{
        g_test_summary ("A name that does not resolve: the resolver's error reaches _finish");
        check_resolve_error (fixture, "missing.test", G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND);
}

static void
test_resolve_no_ipv4 (ResolveFixture *fixture,
                      gconstpointer   data)
{
        g_test_summary ("“udp:” and a name with only an IPv6 address");
        check_resolve_error (fixture, "udp:v6only.test", G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND);
}

static void
test_resolve_timeout (ResolveFixture *fixture,
                      gconstpointer   data)
{
        g_autoptr(GsnmpTarget) target = NULL;
        Request r;

        g_test_summary ("A resolver that never answers: the engine's resolve timeout "
                        "fails the request with TIMED_OUT and cancels the lookup");

        g_assert_cmpuint (gsnmp_engine_get_resolve_timeout (fixture->base.engine), >, 0);
        gsnmp_engine_set_resolve_timeout (fixture->base.engine, 50);
        g_assert_cmpuint (gsnmp_engine_get_resolve_timeout (fixture->base.engine), ==, 50);

        target = named_target (fixture->base.agent, "hang.test");
        start_get (&r, fixture->base.engine, target, NULL);
        test_run_until (&r.done);
        g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);
        g_test_message ("%s", r.error->message);
        request_clear (&r);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->base.engine), ==, 0);

        /* the engine gave up on the lookup: it was cancelled */
        while (fixture->resolver->hung->len > 0)
                g_main_context_iteration (NULL, TRUE);
}

static gboolean
cancel_in_idle (gpointer user_data)
{
        g_cancellable_cancel (user_data);

        return G_SOURCE_REMOVE;
}

static void
test_resolve_cancel (ResolveFixture *fixture,
                     gconstpointer   data)
{
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GCancellable) cancellable = g_cancellable_new ();
        Request r;

        g_test_summary ("Cancelling a request while its name resolves");

        target = named_target (fixture->base.agent, "hang.test");
        start_get (&r, fixture->base.engine, target, cancellable);
        g_idle_add_full (G_PRIORITY_LOW, cancel_in_idle, g_object_ref (cancellable), g_object_unref);
        test_run_until (&r.done);
        g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
        request_clear (&r);
        g_assert_cmpuint (gsnmp_engine_get_n_pending (fixture->base.engine), ==, 0);
        while (fixture->resolver->hung->len > 0)
                g_main_context_iteration (NULL, TRUE);
}

static void
test_resolve_close (ResolveFixture *fixture,
                    gconstpointer   data)
{
        g_autoptr(GsnmpTarget) target = NULL;
        Request r;

        g_test_summary ("Closing the engine while a name resolves");

        target = named_target (fixture->base.agent, "hang.test");
        start_get (&r, fixture->base.engine, target, NULL);
        gsnmp_engine_close (fixture->base.engine);
        test_run_until (&r.done);
        g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CLOSED);
        request_clear (&r);
        while (fixture->resolver->hung->len > 0)
                g_main_context_iteration (NULL, TRUE);
}

static void
test_resolve_late_answer (ResolveFixture *fixture,
                          gconstpointer   data)
{
        g_autoptr(GsnmpTarget) target = NULL;
        Request r;

        g_test_summary ("A lookup that answers after the resolve timeout is ignored");

        gsnmp_engine_set_resolve_timeout (fixture->base.engine, 50);
        target = named_target (fixture->base.agent, "deaf.test");
        start_get (&r, fixture->base.engine, target, NULL);
        test_run_until (&r.done);
        g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT);

        /* answer the lookup now, with the agent's address */
        g_assert_cmpuint (fixture->resolver->hung->len, ==, 1);
        while (fixture->resolver->hung->len > 0) {
                HungLookup *hung = g_ptr_array_steal_index (fixture->resolver->hung, 0);
                static const char * const agent[] = { "127.0.0.1", NULL };

                g_task_return_pointer (hung->task, addresses_new (agent),
                                       (GDestroyNotify) g_resolver_free_addresses);
                hung_lookup_free (hung);
        }
        while (g_main_context_iteration (NULL, FALSE))
                ;
        g_assert_cmpuint (r.n_calls, ==, 1);
        request_clear (&r);
        fake_agent_sync (fixture->base.agent);
        g_assert_cmpuint (fake_agent_get_n_requests (fixture->base.agent), ==, 0);
}

static void
test_resolve_timeout_property (void)
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpEngine) engine = gsnmp_engine_new (&error);
        guint count = 0;
        guint value;

        g_assert_no_error (error);
        g_signal_connect (engine, "notify::resolve-timeout", G_CALLBACK (on_notify), &count);
        gsnmp_engine_set_resolve_timeout (engine, 1234);
        gsnmp_engine_set_resolve_timeout (engine, 1234);
        g_assert_cmpuint (count, ==, 1);
        g_object_get (engine, "resolve-timeout", &value, NULL);
        g_assert_cmpuint (value, ==, 1234);
}

static const TestFixtureConfig ipv6_config = { G_SOCKET_FAMILY_IPV6, GSNMP_PROTOCOL_VERSION_V2C };

int
main (int   argc,
      char *argv[])
{
        g_test_init (&argc, &argv, NULL);

        for (guint i = 0; i < G_N_ELEMENTS (address_cases); i++) {
                g_autofree char *escaped = g_strescape (address_cases[i].address, NULL);
                g_autofree char *path = NULL;

                /* GTest paths may not contain spaces or slashes reliably */
                g_strdelimit (escaped, " /", '_');
                path = g_strdup_printf ("/gsnmp/target/address/%s/%u-%s",
                                        address_cases[i].host ? "valid" : "invalid",
                                        i, escaped);
                g_test_add_data_func (path, &address_cases[i], test_address_parse);
        }
        g_test_add_func ("/gsnmp/target/address/default-port", test_address_default_port);
        g_test_add_func ("/gsnmp/target/address/too-long", test_address_too_long);
        g_test_add_func ("/gsnmp/target/address/object-new", test_address_object_new);
        g_test_add_func ("/gsnmp/target/credentials/uri-community-wins", test_uri_community_wins);
        g_test_add_func ("/gsnmp/target/credentials/uri-user-mismatch", test_uri_user_mismatch);

        g_test_add_func ("/gsnmp/target/properties/defaults", test_properties_defaults);
        g_test_add_func ("/gsnmp/target/properties/notify", test_properties_notify);
        g_test_add_func ("/gsnmp/target/properties/invalid", test_properties_invalid);

        RESOLVE_TEST_ADD ("/gsnmp/target/resolve/found", NULL, test_resolve_found);
        RESOLVE_TEST_ADD ("/gsnmp/target/resolve/prefers-ipv4", NULL, test_resolve_prefers_ipv4);
        RESOLVE_TEST_ADD ("/gsnmp/target/resolve/udp6-hint", &ipv6_config, test_resolve_udp6);
        RESOLVE_TEST_ADD ("/gsnmp/target/resolve/uri", NULL, test_resolve_uri);
        RESOLVE_TEST_ADD ("/gsnmp/target/resolve/not-found", NULL, test_resolve_not_found);
        RESOLVE_TEST_ADD ("/gsnmp/target/resolve/udp-hint-no-ipv4", NULL, test_resolve_no_ipv4);
        RESOLVE_TEST_ADD ("/gsnmp/target/resolve/timeout", NULL, test_resolve_timeout);
        RESOLVE_TEST_ADD ("/gsnmp/target/resolve/cancel", NULL, test_resolve_cancel);
        RESOLVE_TEST_ADD ("/gsnmp/target/resolve/close", NULL, test_resolve_close);
        RESOLVE_TEST_ADD ("/gsnmp/target/resolve/late-answer", NULL, test_resolve_late_answer);
        g_test_add_func ("/gsnmp/target/resolve/timeout-property", test_resolve_timeout_property);

        return g_test_run ();
}
