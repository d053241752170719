#!/usr/bin/env bash
# interop-v3.sh - gsnmp's SNMPv3 options against Net-SNMP's tools
#
# Starts snmpd (tests/snmpd-fixture.sh) on a free loopback port and, for
# every SNMPv3 user of the fixture (read from its snmpd.conf, so a user added
# there is tested here too), runs snmpget, snmpgetnext, snmpbulkget (and
# snmpbulkwalk of a static subtree when gsnmp has bulkwalk) and gsnmp with
# the same arguments under LC_ALL=C, comparing stdout, stderr and the exit
# status byte for byte; SET with the read-write users; then the failures:
# wrong pass phrases and protocols, unknown users, levels above the user's,
# short pass phrases, bad -l/-a/-x/-e/-E values, the checks Net-SNMP makes
# before it sends, and engine discovery that times out.
#
# Normalisations, as in interop-tool.sh: the "snmpget: " (snmpgetnext,
# snmpbulkget, snmpset, snmpbulkwalk) program-name prefix on stderr reads
# "gsnmp: " (the name of GSNMP_TOOL), and stderr is compared up to the
# "USAGE:" line (Net-SNMP then prints its whole help, gsnmp a hint).
#
# Environment: GSNMP_TOOL (the built gsnmp), GSNMP_SOURCE_ROOT; set by
# tests/meson.build. One line per check: "PASS name" or "FAIL name" and a
# diff; exits 1 if any check failed, 77 (skip) without Net-SNMP.
# All traffic stays on 127.0.0.1 and ::1.

. "$(dirname "$0")/interop-lib.sh"

interop_need snmpget snmpgetnext snmpbulkget snmpset
interop_init v3
interop_start_snmpd
SYSNAME=1.3.6.1.2.1.1.5.0

HAVE_BULKWALK=0
if command -v snmpbulkwalk >/dev/null 2>&1 &&
   ! "$TOOL" bulkwalk --help 2>&1 | grep -q 'unknown command'; then
        HAVE_BULKWALK=1
fi

# pair NAME COMMAND ARGS...: runs "snmpCOMMAND ARGS" and "gsnmp COMMAND
# ARGS" and compares.
pair ()
{
        local name=$1 cmd=$2 nrc grc ok=1
        shift 2

        timeout 60 "snmp$cmd" "$@" > "$WORK/n.out" 2> "$WORK/n.raw"
        nrc=$?
        timeout 60 "$TOOL" "$cmd" "$@" > "$WORK/g.out" 2> "$WORK/g.raw"
        grc=$?
        normalize_netsnmp_err "$WORK/n.raw" > "$WORK/n.err"
        normalize_gsnmp_err "$WORK/g.raw" > "$WORK/g.err"

        cmp -s "$WORK/n.out" "$WORK/g.out" || ok=0
        cmp -s "$WORK/n.err" "$WORK/g.err" || ok=0
        [ "$nrc" = "$grc" ] || ok=0
        if [ $ok = 1 ]; then
                pass "$name"
                return 0
        fi
        fail "$name"
        echo "    command: $cmd $*"
        [ "$nrc" = "$grc" ] || echo "    exit status: Net-SNMP $nrc, gsnmp $grc"
        diff -u --label "snmp$cmd stdout" --label "gsnmp stdout" "$WORK/n.out" "$WORK/g.out" | head -40 | sed 's/^/    /'
        diff -u --label "snmp$cmd stderr" --label "gsnmp stderr" "$WORK/n.err" "$WORK/g.err" | head -20 | sed 's/^/    /'
        return 1
}

# gsnmp_only NAME EXPECTED-RC EXPECTED-STDERR COMMAND ARGS...: where gsnmp
# differs from Net-SNMP on purpose (see the tool's documentation).
gsnmp_only ()
{
        local name=$1 want_rc=$2 want_err=$3 rc
        shift 3
        timeout 60 "$TOOL" "$@" > "$WORK/g.out" 2> "$WORK/g.raw"
        rc=$?
        normalize_gsnmp_err "$WORK/g.raw" > "$WORK/g.err"
        if [ "$rc" = "$want_rc" ] && [ "$(cat "$WORK/g.err")" = "$want_err" ] && [ ! -s "$WORK/g.out" ]; then
                pass "$name"
        else
                fail "$name"
                echo "    command: $*"
                echo "    exit status $rc (want $want_rc); stderr:"
                sed 's/^/    /' "$WORK/g.err"
                echo "    want:"
                echo "$want_err" | sed 's/^/    /'
        fi
}

# A UDP port on 127.0.0.1 where nothing listens (for timeouts)
unused_port ()
{
        local p n
        if [ -n "$PY" ]; then
                "$PY" -c 'import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
                return
        fi
        for n in $(seq 1 100); do
                p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
                if [ -z "$(ss -Hlnu "sport = :$p" 2>/dev/null)" ]; then
                        echo "$p"
                        return
                fi
        done
}

# The fixture's users: "createUser NAME [AUTH PASS [PRIV PASS]]" and
# "rouser|rwuser NAME LEVEL" in its snmpd.conf.
declare -A U_AUTH U_APASS U_PRIV U_XPASS U_RW
USERS=()
while read -r kw name auth apass priv xpass _; do
        USERS+=("$name")
        U_AUTH[$name]=${auth:-}
        U_APASS[$name]=${apass:-}
        U_PRIV[$name]=${priv:-}
        U_XPASS[$name]=${xpass:-}
        U_RW[$name]=0
done < <(grep '^createUser ' "$FIXTURE_DIR/snmpd.conf")
while read -r kw name _; do
        U_RW[$name]=1
done < <(grep '^rwuser ' "$FIXTURE_DIR/snmpd.conf")
if [ "${#USERS[@]}" -lt 19 ]; then
        fail "the fixture has ${#USERS[@]} SNMPv3 users, expected at least 19"
fi

# user_args NAME: the options that authenticate as that user at its level
user_args ()
{
        local u=$1
        if [ -n "${U_PRIV[$u]}" ]; then
                echo "-v3 -u $u -l authPriv -a ${U_AUTH[$u]} -A ${U_APASS[$u]} -x ${U_PRIV[$u]} -X ${U_XPASS[$u]}"
        elif [ -n "${U_AUTH[$u]}" ]; then
                echo "-v3 -u $u -l authNoPriv -a ${U_AUTH[$u]} -A ${U_APASS[$u]}"
        else
                echo "-v3 -u $u -l noAuthNoPriv"
        fi
}

STATIC=""
for i in $(seq 1 30); do STATIC="$STATIC $B.1.$i.0"; done
PASSED_TYPES="$B.3.1.0 $B.3.2.0 $B.3.3.0 $B.3.4.0 $B.3.5.0 $B.3.6.0"

echo "# snmpd ${FIXTURE_PID} on ${A}, engine ID ${FIXTURE_ENGINE_ID}, ${#USERS[@]} SNMPv3 users"

echo "# every user: get, getnext, bulkget"
for u in "${USERS[@]}"; do
        V=$(user_args "$u")
        pair "$u get sysName" get -On $V "$A" $SYSNAME
        pair "$u get every static type" get -On $V "$A" $STATIC
        pair "$u get IpAddress, Counter64, Opaque" get -On $V "$A" $PASSED_TYPES
        pair "$u get noSuchObject and noSuchInstance" get -On $V "$A" 1.3.6.1.2.1.1.99.0 $SYSNAME 1.3.6.1.2.1.1.5.99
        pair "$u getnext" getnext -On $V "$A" $B $B.1.26.0 $B.3.6.0 1.3.6.1.6.3.99
        pair "$u bulkget -Cr40" bulkget -On $V -Cr40 "$A" $B
        pair "$u bulkget -Cn1 -Cr3" bulkget -On $V -Cn1 -Cr3 "$A" $SYSNAME $B.1.1.0 $B.4.5
        if [ "$HAVE_BULKWALK" = 1 ]; then
                pair "$u bulkwalk static subtree" bulkwalk -On $V "$A" $B.1
        fi
done
if [ "$HAVE_BULKWALK" = 0 ]; then
        skip "bulkwalk: no snmpbulkwalk or no gsnmp bulkwalk"
fi

echo "# set"
for u in "${USERS[@]}"; do
        V=$(user_args "$u")
        if [ "${U_RW[$u]}" = 1 ]; then
                pair "$u set INTEGER" set -On $V "$A" $B.4.1.0 i 42
                pair "$u set several" set -On $V "$A" $B.4.2.0 u 7 $B.4.4.0 s "v3 $u" $B.4.5.0 o 1.3.6.1.4.1.99999.4.5.1
                pair "$u set sysContact" set -On $V "$A" 1.3.6.1.2.1.1.4.0 s "$u@example.invalid"
                pair "$u set read-only object (notWritable)" set -On $V "$A" $B.3.2.0 a 10.0.0.1
                pair "$u set wrong type" set -On $V "$A" $B.4.1.0 s x
                pair "$u set -Cq" set -On $V -Cq "$A" $B.4.1.0 i 43
        fi
done
pair "set as read-only user shauser (noAccess)" set -On $(user_args shauser) "$A" $B.4.1.0 i 5
pair "set as read-only user md5des (noAccess)" set -On $(user_args md5des) "$A" $B.4.1.0 i 5
pair "set as noAuthNoPriv user nanp (noAccess)" set -On $(user_args nanp) "$A" $B.4.1.0 i 5
pair "set as rw user shaaes below its level (authorizationError)" set -On -v3 -u shaaes -l authNoPriv -a SHA -A shaaespass "$A" $B.4.1.0 i 5

echo "# option spellings"
pair "-l 1" get -On -v3 -u nanp -l 1 "$A" $SYSNAME
pair "-l noauth" get -On -v3 -u nanp -l noauth "$A" $SYSNAME
pair "-l NANP" get -On -v3 -u nanp -l NANP "$A" $SYSNAME
pair "-l 2" get -On -v3 -u md5user -l 2 -a MD5 -A md5password "$A" $SYSNAME
pair "-l auth" get -On -v3 -u md5user -l auth -a MD5 -A md5password "$A" $SYSNAME
pair "-l anp" get -On -v3 -u md5user -l anp -a md5 -A md5password "$A" $SYSNAME
pair "-l 3" get -On -v3 -u shaaes -l 3 -a SHA -A shaaespass -x AES -X shaaespriv "$A" $SYSNAME
pair "-l priv" get -On -v3 -u shaaes -l priv -a SHA -A shaaespass -x AES -X shaaespriv "$A" $SYSNAME
pair "-l AP" get -On -v3 -u shaaes -l AP -a SHA -A shaaespass -x AES -X shaaespriv "$A" $SYSNAME
pair "-l AuthPriv (case)" get -On -v3 -u shaaes -l AuthPriv -a sha -A shaaespass -x aes -X shaaespriv "$A" $SYSNAME
pair "default level noAuthNoPriv" get -On -v3 -u nanp "$A" $SYSNAME
pair "default level of an authPriv user (authorizationError)" get -On -v3 -u shaaes "$A" $SYSNAME
pair "default -a is MD5" get -On -v3 -u md5user -l authNoPriv -A md5password "$A" $SYSNAME
pair "default -x is DES" get -On -v3 -u md5des -l authPriv -A md5despass -X md5despriv "$A" $SYSNAME
pair "-a s (prefix of SHA)" get -On -v3 -u shauser -l anp -a s -A shapassword "$A" $SYSNAME
pair "-a SHA-1" get -On -v3 -u shauser -l anp -a SHA-1 -A shapassword "$A" $SYSNAME
pair "-a SHA1" get -On -v3 -u shauser -l anp -a SHA1 -A shapassword "$A" $SYSNAME
pair "-a m (prefix of MD5)" get -On -v3 -u md5user -l anp -a m -A md5password "$A" $SYSNAME
pair "-a SHA-2 (prefix of SHA-224)" get -On -v3 -u sha224user -l anp -a SHA-2 -A sha224password "$A" $SYSNAME
pair "-a sha256" get -On -v3 -u sha256user -l anp -a sha256 -A sha256password "$A" $SYSNAME
pair "-a SHA384" get -On -v3 -u sha384user -l anp -a SHA384 -A sha384password "$A" $SYSNAME
pair "-a sha512" get -On -v3 -u sha512user -l anp -a sha512 -A sha512password "$A" $SYSNAME
pair "-x a (prefix of AES)" get -On -v3 -u shaaes -l ap -a SHA -A shaaespass -x a -X shaaespriv "$A" $SYSNAME
pair "-x AES-128" get -On -v3 -u shaaes -l ap -a SHA -A shaaespass -x AES-128 -X shaaespriv "$A" $SYSNAME
pair "-x AES128" get -On -v3 -u shaaes -l ap -a SHA -A shaaespass -x AES128 -X shaaespriv "$A" $SYSNAME
pair "-x aes192" get -On -v3 -u shaaes192 -l ap -a SHA -A shaaes192pass -x aes192 -X shaaes192priv "$A" $SYSNAME
pair "-x AES256" get -On -v3 -u shaaes256 -l ap -a SHA -A shaaes256pass -x AES256 -X shaaes256priv "$A" $SYSNAME
pair "-x AES192C" get -On -v3 -u shaaes192c -l ap -a SHA -A shaaes192cpas -x AES192C -X shaaes192cpriv "$A" $SYSNAME
pair "-x aes256c" get -On -v3 -u shaaes256c -l ap -a SHA -A shaaes256cpas -x aes256c -X shaaes256cpriv "$A" $SYSNAME
pair "-x AES-192- (prefix of AES-192-C)" get -On -v3 -u shaaes192c -l ap -a SHA -A shaaes192cpas -x AES-192- -X shaaes192cpriv "$A" $SYSNAME
pair "-x d (prefix of DES)" get -On -v3 -u shades -l ap -a SHA -A shadespass -x d -X shadespriv "$A" $SYSNAME
pair "options glued: -uNAME -lap -aSHA" get -On -v3 -ushaaes -lap -aSHA -Ashaaespass -xAES -Xshaaespriv "$A" $SYSNAME
pair "options after the agent and the OIDs" get "$A" $SYSNAME -On -v3 -u shaaes -l ap -a SHA -A shaaespass -x AES -X shaaespriv
pair "higher-level protocols ignored at authNoPriv" get -On -v3 -u md5user -l anp -a MD5 -A md5password -x AES -X whatever1 "$A" $SYSNAME
pair "auth options ignored at noAuthNoPriv" get -On -v3 -u nanp -l nanp -a SHA -A whatever1 "$A" $SYSNAME
pair "-Oqv" get -On -Oqv $(user_args sha512aes256) "$A" $STATIC
pair "-OQ getnext" getnext -On -OQ $(user_args shaaes256c) "$A" $B.1.13.0 1.3.6.1.6.3.99
pair "-Cf get" get -On -Cf $(user_args md5aes256) "$A" $SYSNAME 1.3.6.1.2.1.1.99.0

echo "# engine IDs and contexts"
E=$FIXTURE_ENGINE_ID
pair "-e the agent's engine ID" get -On $(user_args shaaes) -e "$E" "$A" $SYSNAME
pair "-e without 0x" get -On $(user_args sha256aes256) -e "${E#0x}" "$A" $SYSNAME
pair "-e and -E" get -On $(user_args nanp) -e "$E" -E "$E" "$A" $SYSNAME
pair "-E the agent's engine ID" get -On $(user_args md5user) -E "$E" "$A" $SYSNAME
pair "-E another engine ID (snmpd ignores it)" get -On $(user_args md5user) -E 0x80001f8804aabbccdd "$A" $SYSNAME
pair "-E 0X prefix" get -On $(user_args nanp) -E 0X80001F8804AABBCCDD "$A" $SYSNAME
pair "-n empty context" get -On $(user_args shaaes) -n "" "$A" $SYSNAME
pair "-n unknown context (snmpd drops it)" get -On $(user_args nanp) -n nosuchcontext -r0 -t0.5 "$A" $SYSNAME
pair "-e too short" get -On -v3 -u nanp -e 0x80001f88 "$A" $SYSNAME
pair "-e too long" get -On -v3 -u nanp -e "0x$(printf 'ab%.0s' $(seq 1 33))" "$A" $SYSNAME
pair "-e 32 bytes" get -On -v3 -u nanp -e "0x$(printf 'ab%.0s' $(seq 1 32))" -r0 -t0.3 "udp:127.0.0.1:$(unused_port)" $SYSNAME
pair "-e not hex" get -On -v3 -u nanp -e 0x80001f88zz "$A" $SYSNAME
pair "-e odd digits" get -On -v3 -u nanp -e 0x80001f88041 "$A" $SYSNAME
pair "-e empty" get -On -v3 -u nanp -e "" "$A" $SYSNAME
pair "-E too short" get -On -v3 -u nanp -E 0x8000 "$A" $SYSNAME
pair "-E not hex" get -On -v3 -u nanp -E xyz "$A" $SYSNAME
pair "-e with spaces" get -On $(user_args nanp) -e "80 00 1f 88 04 67 73 6e 6d 70 66 69 78 74 75 72 65" "$A" $SYSNAME

echo "# errors from the agent"
pair "wrong auth pass phrase (MD5)" get -On -v3 -u md5user -l anp -a MD5 -A wrongpassword "$A" $SYSNAME
pair "wrong auth pass phrase (SHA-512)" getnext -On -v3 -u sha512user -l anp -a SHA-512 -A wrongpassword "$A" $SYSNAME
pair "wrong auth pass phrase, authPriv" bulkget -On -v3 -u shaaes -l ap -a SHA -A wrongpassword -x AES -X shaaespriv "$A" $SYSNAME
pair "wrong auth pass phrase, set" set -On -v3 -u sha256aes256 -l ap -a SHA-256 -A wrongpassword -x AES-256 -X aes256priv "$A" $B.4.1.0 i 1
pair "wrong auth protocol (SHA for MD5)" get -On -v3 -u md5user -l anp -a SHA -A md5password "$A" $SYSNAME
pair "wrong auth protocol (SHA-256 for SHA-512)" get -On -v3 -u sha512user -l anp -a SHA-256 -A sha512password "$A" $SYSNAME
pair "unknown user, noAuthNoPriv" get -On -v3 -u nosuchuser "$A" $SYSNAME
pair "unknown user, authPriv" getnext -On -v3 -u nosuchuser -l ap -a SHA -A something1 -x AES -X something2 "$A" $SYSNAME
pair "unknown user, bulkget" bulkget -On -v3 -u nosuchuser "$A" $SYSNAME
pair "unknown user, set" set -On -v3 -u nosuchuser "$A" $B.4.1.0 i 1
pair "unknown user of 32 bytes" get -On -v3 -u abcdefghijabcdefghijabcdefghijab "$A" $SYSNAME
pair "level above the user's: authNoPriv for nanp" get -On -v3 -u nanp -l anp -a MD5 -A nanppassword "$A" $SYSNAME
pair "level above the user's: authPriv for md5user" get -On -v3 -u md5user -l ap -a MD5 -A md5password -X md5password "$A" $SYSNAME
pair "level above the user's: set" set -On -v3 -u md5user -l ap -a MD5 -A md5password -X md5password "$A" $B.4.1.0 i 1
pair "wrong priv pass phrase, AES (no report: timeout)" get -On -v3 -u shaaes -l ap -a SHA -A shaaespass -x AES -X wrongpriv1 -r0 -t1 "$A" $SYSNAME
pair "wrong priv pass phrase, DES (no report: timeout)" get -On -v3 -u md5des -l ap -a MD5 -A md5despass -x DES -X wrongpriv1 -r0 -t1 "$A" $SYSNAME
pair "wrong priv pass phrase, AES-256-C, set" set -On -v3 -u shaaes256c -l ap -a SHA -A shaaes256cpas -x AES-256-C -X wrongpriv1 -r0 -t1 "$A" $B.4.1.0 i 1
# snmpd reports a decryption error only when the AES ciphertext is not a
# whole number of DES blocks; for one GET of sysName.0 the scoped PDU is 50
# to 53 bytes long (a request-id of 1 to 4 bytes), never a multiple of 8.
pair "wrong priv protocol: AES for a DES user (decryption error)" get -On -v3 -u md5des -l ap -a MD5 -A md5despass -x AES -X md5despriv -r0 -t1 "$A" $SYSNAME
pair "wrong priv protocol: DES for an AES user (timeout)" get -On -v3 -u shaaes -l ap -a SHA -A shaaespass -x DES -X shaaespriv -r0 -t1 "$A" $SYSNAME
pair "wrong priv protocol: AES-256 for AES-256-C" get -On -v3 -u shaaes256c -l ap -a SHA -A shaaes256cpas -x AES-256 -X shaaes256cpriv -r0 -t1 "$A" $SYSNAME

echo "# checks before sending"
pair "no -u" get -On -v3 "$A" $SYSNAME
pair "-u empty" getnext -On -v3 -u "" "$A" $SYSNAME
pair "no -u, set" set -On -v3 "$A" $B.4.1.0 i 1
pair "no -u, bulkget" bulkget -On -v3 "$A" $SYSNAME
pair "authNoPriv without -A" get -On -v3 -u md5user -l anp -a MD5 "$A" $SYSNAME
pair "authPriv without -X" get -On -v3 -u md5des -l ap -a MD5 -A md5despass "$A" $SYSNAME
pair "authPriv with -x AES without -X" set -On -v3 -u shaaes -l ap -a SHA -A shaaespass -x AES "$A" $B.4.1.0 i 1
pair "authPriv without -A and -X" bulkget -On -v3 -u shaaes -l ap "$A" $SYSNAME
pair "authPriv with -a and -X, without -A" get -On -v3 -u shaaes -l ap -a SHA -x AES -X shaaespriv "$A" $SYSNAME
pair "-a NOAUTH at authNoPriv" get -On -v3 -u md5user -l anp -a NOAUTH "$A" $SYSNAME
pair "-a empty (NOAUTH) at authPriv" get -On -v3 -u shaaes -l ap -a "" "$A" $SYSNAME
pair "-a NOAUTH at noAuthNoPriv" get -On -v3 -u nanp -a NOAUTH "$A" $SYSNAME
pair "-x NOPRIV at authPriv" get -On -v3 -u shaaes -l ap -a SHA -A shaaespass -x NOPRIV -X shaaespriv "$A" $SYSNAME
pair "-x empty (NOPRIV) at authPriv" getnext -On -v3 -u shaaes -l ap -a SHA -A shaaespass -x "" -X shaaespriv "$A" $SYSNAME
pair "bad OID before the checks" get -On -v3 -u md5user -l anp -a MD5 "$A" foo
pair "OID starting with 3 and no -u" get -On -v3 "$A" 3.1
pair "OID starting with 3 at authPriv without -X" get -On -v3 -u shaaes -l ap -a SHA -A shaaespass "$A" 3.1
pair "bulkget -Cr-1 and no -u" bulkget -On -v3 -Cr-1 "$A" $SYSNAME
pair "bulkget -Cn-1 with a user" bulkget -On -v3 -u nanp -Cn-1 "$A" $SYSNAME
pair "set OID value starting with 5, no -u" set -On -v3 "$A" $B.4.5.0 o 5.1

echo "# pass phrases"
pair "-A short" get -On -v3 -u md5user -l anp -A short "$A" $SYSNAME
pair "-A of 7 characters" get -On -v3 -u md5user -l anp -a SHA-512 -A 1234567 "$A" $SYSNAME
pair "-A empty" get -On -v3 -u md5user -l anp -A "" "$A" $SYSNAME
pair "-X short" get -On -v3 -u shaaes -l ap -a SHA -A shaaespass -X short "$A" $SYSNAME
pair "-A and -X short: -A first" get -On -v3 -u shaaes -l ap -a SHA -A short -X short "$A" $SYSNAME
pair "-X short with -a only" get -On -v3 -u shaaes -l ap -a SHA -X short "$A" $SYSNAME
pair "-X without -a and -A" get -On -v3 -u shaaes -l ap -X shaaespriv "$A" $SYSNAME
pair "-X short without -a and -A" get -On -v3 -u shaaes -l ap -X short "$A" $SYSNAME
pair "-A short even with -v2c" get -On -v2c -c public -A short "$A" $SYSNAME
pair "-X short with -v1" getnext -On -v1 -c public -a MD5 -X 1234 "$A" $SYSNAME
pair "-A short at noAuthNoPriv" get -On -v3 -u nanp -l nanp -A short "$A" $SYSNAME
pair "-A short and no hostname" get -On -v3 -u md5user -A short
pair "-A short before a missing community" get -On -v2c -A short "$A" $SYSNAME
pair "-A short, set" set -On -v3 -u shaaes -l ap -A short "$A" $B.4.1.0 i 1
pair "-A short, bulkget" bulkget -On -v3 -u shaaes -l ap -A short "$A" $SYSNAME
pair "-A of 8 characters is enough" get -On -v3 -u md5user -l anp -A 12345678 "$A" $SYSNAME
pair "-A given twice: the last one counts" get -On -v3 -u md5user -l anp -A short -A md5password "$A" $SYSNAME
EXTRA_NORMALIZE="s/^(Error: no hashfn for authtype)snmp(get|getnext|bulkget|set): /\\1${PROG}: /"
pair "-a NOAUTH with -A" get -On -v3 -u md5user -l anp -a NOAUTH -A md5password "$A" $SYSNAME
pair "-a NOAUTH with -X" get -On -v3 -u shaaes -l ap -a NOAUTH -X shaaespriv "$A" $SYSNAME
EXTRA_NORMALIZE=
pair "-a NOAUTH with a short -A" get -On -v3 -u md5user -l anp -a NOAUTH -A short "$A" $SYSNAME

echo "# bad option values"
pair "-l bogus" get -On -v3 -u nanp -l bogus "$A" $SYSNAME
pair "-l empty" get -On -v3 -u nanp -l "" "$A" $SYSNAME
pair "-l 4" get -On -v3 -u nanp -l 4 "$A" $SYSNAME
pair "-l authpri (no prefixes)" get -On -v3 -u nanp -l authpri "$A" $SYSNAME
pair "-a bogus" get -On -v3 -u md5user -l anp -a bogus -A md5password "$A" $SYSNAME
pair "-a SHA-1024" get -On -v3 -u md5user -l anp -a SHA-1024 -A md5password "$A" $SYSNAME
pair "-a MD5X" get -On -v3 -u md5user -l anp -a MD5X -A md5password "$A" $SYSNAME
pair "-x bogus" get -On -v3 -u shaaes -l ap -A shaaespass -x bogus -X shaaespriv "$A" $SYSNAME
pair "-x 3DES (not in Debian's Net-SNMP)" get -On -v3 -u shaaes -l ap -A shaaespass -x 3DES -X shaaespriv "$A" $SYSNAME
pair "-x AES-512" get -On -v3 -u shaaes -l ap -A shaaespass -x AES-512 -X shaaespriv "$A" $SYSNAME
pair "-x DES-C" set -On -v3 -u shaaes -l ap -A shaaespass -x DES-C -X shaaespriv "$A" $B.4.1.0 i 1
pair "-l without an argument" get -On -v3 -u nanp "$A" $SYSNAME -l
pair "-u without an argument" bulkget -On -v3 "$A" $SYSNAME -u
pair "-l bogus before -a bogus" get -On -v3 -u nanp -l bogus -a bogus "$A" $SYSNAME
pair "-a bogus before -A short" get -On -v3 -u nanp -A short -a bogus "$A" $SYSNAME
gsnmp_only "-Z is not supported" 1 \
        "$PROG: option -Z is not supported: gsnmp learns the agent’s engine boots and time by discovery" \
        get -On $(user_args md5user) -Z 1,100 "$A" $SYSNAME

echo "# discovery and timeouts"
PORT0=$(unused_port)
U0="udp:127.0.0.1:${PORT0}"
pair "discovery timeout, get" get -On $(user_args nanp) -r0 -t0.3 "$U0" $SYSNAME
pair "discovery timeout, getnext" getnext -On $(user_args shaaes) -r0 -t0.3 "$U0" $SYSNAME
pair "discovery timeout, bulkget" bulkget -On $(user_args md5user) -r0 -t0.3 "$U0" $SYSNAME
pair "discovery timeout, set" set -On $(user_args sha256aes256) -r0 -t0.3 "$U0" $B.4.1.0 i 1
pair "discovery timeout with a retry" get -On $(user_args nanp) -r1 -t0.2 "$U0" $SYSNAME
pair "discovery timeout before the user name check" get -On -v3 -r0 -t0.3 "$U0" $SYSNAME
pair "discovery timeout before the level check" get -On -v3 -u md5user -l anp -a NOAUTH -r0 -t0.3 "$U0" $SYSNAME
pair "discovery timeout before the pass phrase check" get -On -v3 -u md5des -l ap -A md5despass -r0 -t0.3 "$U0" $SYSNAME
pair "discovery timeout before -Cr-1" bulkget -On -v3 -u nanp -Cr-1 -r0 -t0.3 "$U0" $SYSNAME
pair "discovery timeout before a bad first sub-identifier" get -On -v3 -u nanp -r0 -t0.3 "$U0" 3.1
pair "bad OID before discovery" get -On $(user_args nanp) -r0 -t0.3 "$U0" foo
pair "bad OID before discovery, bulkget" bulkget -On $(user_args nanp) -r0 -t0.3 "$U0" foo
pair "bad set value before discovery" set -On $(user_args shaaes) -r0 -t0.3 "$U0" $B.4.1.0 i x
if [ "$HAVE_BULKWALK" = 1 ]; then
        pair "discovery timeout, bulkwalk" bulkwalk -On $(user_args shaaes) -r0 -t0.3 "$U0" $B.1
        pair "wrong pass phrase, bulkwalk" bulkwalk -On -v3 -u md5user -l anp -a MD5 -A wrongpassword "$A" $B.1
        pair "unknown user, bulkwalk" bulkwalk -On -v3 -u nosuchuser "$A" $B.1
fi
pair "no discovery with -e: request timeout" get -On $(user_args shaaes) -e "$E" -r0 -t0.3 "$U0" $SYSNAME
pair "no discovery with -e: bulkget timeout" bulkget -On $(user_args nanp) -e "$E" -r0 -t0.3 "$U0" $SYSNAME
pair "no discovery with -e: no -u" get -On -v3 -e "$E" -r0 -t0.3 "$U0" $SYSNAME
pair "no discovery with -e: level check" get -On -v3 -u md5des -l ap -A md5despass -e "$E" -r0 -t0.3 "$U0" $SYSNAME

echo "# IPv6"
if [ "${FIXTURE_IPV6:-0}" = 1 ]; then
        pair "udp6:[::1] authPriv get" get -On $(user_args sha512aes256) "udp6:[::1]:${FIXTURE_PORT}" $SYSNAME $B.1.14.0
        pair "udp6:[::1] authPriv getnext" getnext -On $(user_args sha512aes256) "udp6:[::1]:${FIXTURE_PORT}" $B
        pair "udp6:[::1] authPriv bulkget" bulkget -On $(user_args sha512aes256) -Cr5 "udp6:[::1]:${FIXTURE_PORT}" $B
        pair "udp6:[::1] set" set -On $(user_args sha256aes256) "udp6:[::1]:${FIXTURE_PORT}" $B.4.1.0 i 6
        pair "[::1]:port noAuthNoPriv" get -On $(user_args nanp) "[::1]:${FIXTURE_PORT}" $SYSNAME
        pair "udp6:[::1] wrong pass phrase" get -On -v3 -u sha512user -l anp -a SHA-512 -A wrongpassword "udp6:[::1]:${FIXTURE_PORT}" $SYSNAME
else
        skip "SNMPv3 over IPv6: no ::1"
fi

interop_finish
