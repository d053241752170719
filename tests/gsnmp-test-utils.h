/* gsnmp-test-utils.h - an in-process fake SNMP agent and test helpers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The fake agent is a UDP GSocket on 127.0.0.1:0 or [::1]:0 attached to the
 * thread-default GMainContext of the thread that created it: the engine under
 * test and the agent share one thread and one context, so no threads are
 * needed.  Its behaviour is scripted and event-driven (drop the first N copies
 * of a request, answer twice, answer from another port, …), never timed.
 */
#pragma once

#include <gio/gio.h>

#include "gsnmp.h"
#include "gsnmp-message-private.h"
#include "gsnmp-pdu-private.h"

G_BEGIN_DECLS

/* Every wait is bounded by this many seconds; reaching it fails the test
 * instead of hanging it (valgrind on a loaded machine is slow: be generous). */
#ifndef TEST_SAFETY_TIMEOUT_S
#define TEST_SAFETY_TIMEOUT_S 120
#endif

/* Timeouts for requests that must succeed (ms): long, so that a slow run
 * (valgrind, ASan) never retransmits by accident.  Tests that must time out
 * set short timeouts themselves. */
#define TEST_LONG_TIMEOUT_MS 10000

/* The error-status, value and string of the "poisoned" answers the agent sends
 * before the real one when spoof_first, wrong_id_first or garbage_first is set:
 * if the engine accepted one of them, the test sees these. */
#define FAKE_AGENT_POISON_STATUS 5      /* genErr */
#define FAKE_AGENT_POISON_STRING "poison"

typedef enum {
        FAKE_AGENT_GARBAGE_NONE      = 0,
        FAKE_AGENT_GARBAGE_RANDOM    = 1 << 0,   /* bytes that are not an SNMP message */
        FAKE_AGENT_GARBAGE_TRUNCATED = 1 << 1,   /* a poisoned answer cut short */
        FAKE_AGENT_GARBAGE_TRAILING  = 1 << 2,   /* a poisoned answer plus trailing bytes */
        FAKE_AGENT_GARBAGE_EMPTY     = 1 << 3,   /* a zero-length datagram */
        FAKE_AGENT_GARBAGE_ALL       = 0xf,
} FakeAgentGarbage;

/* One datagram the agent received. */
typedef struct {
        GBytes         *datagram;   /* the raw bytes, as received */
        GsnmpMessage    message;    /* decoded; message.pdu is NULL if undecodable */
        GSocketAddress *from;
        guint           copy;       /* 1 for the first datagram with this
                                     * request-id, 2 for the first retransmission, … */
} FakeAgentRequest;

typedef struct _FakeAgent FakeAgent;

/* Called for every request received, after it was recorded.  Return TRUE to
 * take over (the agent then does nothing more with it), FALSE to let the
 * scripted behaviour handle it. */
typedef gboolean (*FakeAgentHook) (FakeAgent              *agent,
                                   const FakeAgentRequest *request,
                                   gpointer                user_data);

struct _FakeAgent {
        /* Behaviour: set by tests at any time. */
        gboolean          black_hole;       /* never answer */
        guint             drop_first;       /* drop the first N copies of each request */
        gboolean          hold;             /* keep requests until fake_agent_release() */
        gboolean          answer_in_idle;   /* answer from a G_PRIORITY_LOW idle, in batches */
        guint             n_answers;        /* copies of each answer; 0 means 1 */
        gboolean          spoof_first;      /* first a poisoned answer from another port */
        gboolean          wrong_id_first;   /* first a poisoned answer with another request-id */
        gboolean          spoof_address_first; /* first a poisoned answer from 127.0.0.2, same port (IPv4) */
        gboolean          wrong_community_first; /* first a poisoned answer with another community */
        gboolean          wrong_version_first;   /* first a poisoned answer in the other version */
        gboolean          wrong_type_first;      /* first a poisoned PDU that is not a Response */
        FakeAgentGarbage  garbage_first;    /* first these malformed datagrams */
        gboolean          poison_only;      /* send only the bad datagrams, never the real answer */
        guint32           error_status;     /* answer with this error-status … */
        guint32           error_index;      /* … and error-index, echoing the request's varbinds */
        FakeAgentHook     hook;
        gpointer          hook_data;

        /* Observations: read by tests. */
        GPtrArray        *requests;         /* (element-type FakeAgentRequest): every datagram */
        guint             n_answered;       /* requests answered (not counting duplicates) */
        guint             max_outstanding;  /* most request-ids received and not yet answered */

        /*< private >*/
        GSocketFamily     family;
        GSocket          *socket;
        GSocket          *spoof_socket;
        GSocket          *spoof_address_socket;
        GSocket          *sync_socket;
        GSource          *source;
        GSource          *idle;
        GMainContext     *context;
        guint16           port;
        GTree            *mib;              /* GsnmpOid → GsnmpVarbind */
        GHashTable       *copies;           /* request-id → copies received */
        GHashTable       *unanswered;       /* request-ids not yet answered */
        GPtrArray        *held;             /* (element-type FakeAgentRequest) (not owned) */
        guint             sync_sent;
        guint             sync_seen;
};

/* Binds a new agent to the loopback address of @family on port 0 and
 * attaches it to the thread-default main context.  Returns NULL with @error
 * set when that address cannot be bound (no ::1). */
FakeAgent    *fake_agent_new               (GSocketFamily           family,
                                            GError                **error);
void          fake_agent_free              (FakeAgent              *agent);

guint16       fake_agent_get_port          (FakeAgent              *agent);
/* "127.0.0.1:PORT" or "[::1]:PORT" (free with g_free()) */
char         *fake_agent_get_address       (FakeAgent              *agent);
/* A target for this agent with a community and a long timeout. */
GsnmpTarget  *fake_agent_new_target        (FakeAgent              *agent,
                                            GsnmpProtocolVersion    version,
                                            const char             *community);

/* The agent's MIB: a sorted table answering GET, GETNEXT, GETBULK and SET. */
void          fake_agent_set_varbind       (FakeAgent              *agent,
                                            GsnmpVarbind           *varbind);
void          fake_agent_set_integer       (FakeAgent              *agent,
                                            const char             *oid,
                                            gint32                  value);
void          fake_agent_set_string        (FakeAgent              *agent,
                                            const char             *oid,
                                            const char             *value);
/* (transfer none) (nullable) */
GsnmpVarbind *fake_agent_lookup            (FakeAgent              *agent,
                                            const char             *oid);
/* Fills the MIB with a few system-group objects (see the .c). */
void          fake_agent_add_system_group  (FakeAgent              *agent);

/* Answers every held request now (hold mode and answer_in_idle). */
void          fake_agent_release           (FakeAgent              *agent);
/* Answers one request now, per the scripted behaviour (for hooks). */
void          fake_agent_answer            (FakeAgent              *agent,
                                            const FakeAgentRequest *request);
guint         fake_agent_get_n_requests    (FakeAgent              *agent);
guint         fake_agent_get_n_outstanding (FakeAgent              *agent);
/* (transfer none) */
FakeAgentRequest *fake_agent_get_request   (FakeAgent              *agent,
                                            guint                   index);
/* Waits until the agent has read everything sent to it before this call:
 * sends a marker datagram from a private socket and iterates the context
 * until the agent reads it (datagrams are queued in order). */
void          fake_agent_sync              (FakeAgent              *agent);

/* Iterates the thread-default main context until *flag is TRUE, or fails the
 * test after TEST_SAFETY_TIMEOUT_S seconds. */
void          test_run_until               (gboolean               *flag);
/* Likewise until *counter >= n. */
void          test_run_until_count         (guint                  *counter,
                                            guint                   n);
/* Likewise until @condition returns TRUE. */
void          test_run_until_cond          (gboolean              (*condition) (gpointer data),
                                            gpointer                data);

GsnmpOid     *test_oid                     (const char             *str);

/* Engine tests use a fixture, libqmi style. */
typedef struct {
        GsnmpEngine *engine;
        FakeAgent   *agent;        /* NULL when the test was skipped */
        GsnmpTarget *target;
} TestFixture;

/* Fixture data for TEST_ADD_DATA: which agent and target to set up. */
typedef struct {
        GSocketFamily        family;    /* G_SOCKET_FAMILY_INVALID means IPv4 */
        GsnmpProtocolVersion version;
} TestFixtureConfig;

void          test_fixture_setup           (TestFixture            *fixture,
                                            gconstpointer           data);
void          test_fixture_teardown        (TestFixture            *fixture,
                                            gconstpointer           data);

#define TEST_ADD(path, func)                                            \
        g_test_add ((path), TestFixture, NULL,                          \
                    test_fixture_setup, (func), test_fixture_teardown)

#define TEST_ADD_DATA(path, config, func)                               \
        g_test_add ((path), TestFixture, (config),                      \
                    test_fixture_setup, (func), test_fixture_teardown)

/* At the top of a fixture test that may have been skipped in setup. */
#define TEST_RETURN_IF_SKIPPED(fixture)                                 \
        G_STMT_START {                                                  \
                if ((fixture)->agent == NULL)                           \
                        return;                                         \
        } G_STMT_END

G_END_DECLS
