/* gsnmp-agent-private.h - the agent's request processing, for the receive
 * path and the tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */
#pragma once

#include <sys/socket.h>

#include "gsnmp-agent.h"
#include "gsnmp-transport-private.h"
#include "gsnmp-view.h"

G_BEGIN_DECLS

/* Who asks and what they may see: the outcome of the security layer. */
typedef struct {
        GsnmpProtocolVersion  version;
        const char           *context_name;  /* NULL: the default context */
        GsnmpView            *read_view;     /* NULL: everything readable */
        GsnmpView            *write_view;    /* NULL: nothing writable */
        gsize                 max_size;      /* room for the encoded PDU */
} GsnmpAgentAccess;

/* Called once per processed request with the Response-PDU (transfer
 * none), or with NULL when there is nothing to send (the agent was
 * closed, or the PDU is not a request).  May be called before
 * gsnmp_agent_process() returns. */
typedef void (*GsnmpAgentResponseFunc) (GsnmpAgent *agent,
                                        GsnmpPdu   *response,
                                        gpointer    user_data);

/* RFC 3416 §4.2: answers a GetRequest, GetNextRequest, GetBulkRequest or
 * SetRequest PDU from the providers of the access's context. */
void      gsnmp_agent_process          (GsnmpAgent             *self,
                                        const GsnmpAgentAccess *access,
                                        GsnmpPdu               *request,
                                        GsnmpAgentResponseFunc  callback,
                                        gpointer                user_data);

/* Feeds one datagram to the agent as if @transport had read it from
 * @from (the fuzz target's entry point). */
void      gsnmp_agent_receive          (GsnmpAgent             *self,
                                        GsnmpTransport         *transport,
                                        const struct sockaddr  *from,
                                        socklen_t               from_len,
                                        const guint8           *data,
                                        gsize                   length);

/* The size of one varbind in a PDU, BER-encoded. */
gsize     gsnmp_agent_varbind_size     (GsnmpVarbind           *vb);

/* The agent's counters, served by the built-in groups. */
typedef enum {
        GSNMP_AGENT_STAT_IN_PKTS,                  /* snmpInPkts */
        GSNMP_AGENT_STAT_OUT_PKTS,                 /* snmpOutPkts */
        GSNMP_AGENT_STAT_BAD_VERSIONS,             /* snmpInBadVersions */
        GSNMP_AGENT_STAT_BAD_COMMUNITY_NAMES,      /* snmpInBadCommunityNames */
        GSNMP_AGENT_STAT_BAD_COMMUNITY_USES,       /* snmpInBadCommunityUses */
        GSNMP_AGENT_STAT_ASN_PARSE_ERRS,           /* snmpInASNParseErrs */
        GSNMP_AGENT_STAT_SILENT_DROPS,             /* snmpSilentDrops */
        GSNMP_AGENT_STAT_PROXY_DROPS,              /* snmpProxyDrops */
        GSNMP_AGENT_STAT_UNKNOWN_SECURITY_MODELS,  /* snmpUnknownSecurityModels */
        GSNMP_AGENT_STAT_INVALID_MSGS,             /* snmpInvalidMsgs */
        GSNMP_AGENT_STAT_UNKNOWN_PDU_HANDLERS,     /* snmpUnknownPDUHandlers */
        GSNMP_AGENT_STAT_UNSUPPORTED_SEC_LEVELS,   /* usmStatsUnsupportedSecLevels */
        GSNMP_AGENT_STAT_NOT_IN_TIME_WINDOWS,      /* usmStatsNotInTimeWindows */
        GSNMP_AGENT_STAT_UNKNOWN_USER_NAMES,       /* usmStatsUnknownUserNames */
        GSNMP_AGENT_STAT_UNKNOWN_ENGINE_IDS,       /* usmStatsUnknownEngineIDs */
        GSNMP_AGENT_STAT_WRONG_DIGESTS,            /* usmStatsWrongDigests */
        GSNMP_AGENT_STAT_DECRYPTION_ERRORS,        /* usmStatsDecryptionErrors */
        GSNMP_AGENT_STAT_IN_REQUESTS,              /* requests processed */
        GSNMP_AGENT_STAT_OUT_TOO_BIGS,             /* snmpOutTooBigs */
        GSNMP_AGENT_STAT_UNKNOWN_CONTEXTS,         /* snmpUnknownContexts */
        GSNMP_AGENT_STAT_UNAVAILABLE_CONTEXTS,     /* snmpUnavailableContexts: stays 0, every
                                                    * known context is available */
        GSNMP_AGENT_N_STATS
} GsnmpAgentStat;

guint64   gsnmp_agent_get_stat         (GsnmpAgent             *self,
                                        GsnmpAgentStat          stat);
guint64   gsnmp_agent_count            (GsnmpAgent             *self,
                                        GsnmpAgentStat          stat);

/* sysORTable: the number of rows, the uptime of the last change and a
 * serial that changes with the rows. */
guint     gsnmp_agent_get_capabilities (GsnmpAgent             *self,
                                        guint32                *last_change,
                                        guint                  *serial);
void      gsnmp_agent_get_capability   (GsnmpAgent             *self,
                                        guint                   index,
                                        GsnmpOid              **id,
                                        const char            **descr,
                                        guint32                *uptime);

/* Hundredths of a second since the agent was created (sysUpTime). */
guint32   gsnmp_agent_get_uptime       (GsnmpAgent             *self);

/* The number of SNMP requests being processed. */
guint     gsnmp_agent_get_n_processing (GsnmpAgent             *self);

G_END_DECLS
