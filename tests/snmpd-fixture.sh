#!/usr/bin/env bash
# snmpd-fixture.sh - a throw-away Net-SNMP snmpd on loopback for gsnmp's tests
#
# Usage (as a program):
#   snmpd-fixture.sh start DIR   start snmpd with its state in DIR (created if
#                                missing) and print shell assignments:
#                                  FIXTURE_PORT=…  FIXTURE_PID=…  FIXTURE_DIR=…
#                                  FIXTURE_ENGINE_ID=0x…  FIXTURE_IPV6=0|1
#                                  FIXTURE_SNMPCONFPATH=…  FIXTURE_CLIENT_PERSIST=…
#                                so a caller can `eval "$(snmpd-fixture.sh start "$d")"`
#   snmpd-fixture.sh stop DIR    stop that snmpd (by the pid stored in DIR) and
#                                remove DIR
#
# Usage (sourced): `. snmpd-fixture.sh` defines snmpd_fixture_start DIR (which
# also sets the FIXTURE_* variables in the calling shell) and
# snmpd_fixture_stop DIR, without changing the caller's shell options.
#
# Environment:
#   FIXTURE_ROWS=N           also serve an N-row column .1.3.6.1.4.1.99999.2.1.2.<i>
#                            = STRING "row-<i>" (walk benchmarks)
#   FIXTURE_START_TIMEOUT=S  seconds to wait for snmpd to answer (default 30,
#                            plus 1 per 1000 FIXTURE_ROWS)
#   FIXTURE_WATCH_PID=PID    also stop snmpd as soon as process PID is gone
#                            (a test sets its own $$, so that snmpd does not
#                            outlive a test that was killed)
#   SNMPD=path               the snmpd binary (default: snmpd from PATH, then
#                            /usr/sbin/snmpd)
#
# What the agent serves (besides Net-SNMP's own MIB modules):
#   sysName "gsnmp-fixture", sysLocation "gsnmp-test-lab"; sysContact is
#   writable with community "private".
#   Communities: rocommunity "public" and rwcommunity "private", from
#   127.0.0.1 and ::1 only.
#   SNMPv3 users (createUser + rouser/rwuser), the same set as the project's
#   Net-SNMP peer reference: nanp (noAuthNoPriv), md5user … sha512user
#   (authNoPriv), md5des … sha512aes256 (authPriv); shaaes and sha256aes256
#   are read-write. See write_config below for pass phrases.
#   A static subtree .1.3.6.1.4.1.99999 of every value type:
#     .1.N.0   read-only `override` values: INTEGER, Counter32, Gauge32,
#              TimeTicks, OCTET STRING (text, empty, binary, long binary,
#              non-ASCII, quotes, newline, tab, backslash, trailing NUL),
#              OBJECT IDENTIFIER; .1.27.0 is an `override ... null`, which
#              snmpd serves as noSuchInstance
#     .2.1.2.i optional FIXTURE_ROWS column (written in descending order,
#              which makes snmpd register them fast: 20,000 rows start in
#              about 5 s here; a -Cr50 bulkwalk of them takes about 1.4 s,
#              bound by snmpd's per-instance lookups)
#     .3.N.0   values served by a `pass` script, for the types `override`
#              cannot give: IpAddress, Counter64, Opaque (plain and float);
#              .3.1.0 (IpAddress) also accepts SET
#     .4.N.0   writable (`override -rw`) INTEGER, Gauge32, TimeTicks,
#              OCTET STRING, OBJECT IDENTIFIER, Counter32
#
# Nothing here needs root, binds anything but 127.0.0.1/::1, or uses a fixed
# port: the port is picked free at start (retried if snmpd loses a race).

# The engine ID follows from "engineID TEXT": 0x80001f8804 || hex(TEXT).
FIXTURE_ENGINE_TEXT=gsnmpfixture

fixture_have_ipv6 ()
{
        grep -q '^00000000000000000000000000000001' /proc/net/if_inet6 2>/dev/null
}

fixture_hex ()
{
        printf '%s' "$1" | od -An -tx1 | tr -d ' \n'
}

fixture_python ()
{
        if [ -x /usr/bin/python3 ]; then
                echo /usr/bin/python3
        elif command -v python3 >/dev/null 2>&1; then
                command -v python3
        fi
}

# Print a UDP port that is free on 127.0.0.1 (and on ::1 when $1 = 1).
fixture_free_port ()
{
        local want6=$1 py port n
        py=$(fixture_python)
        if [ -n "$py" ]; then
                "$py" - "$want6" <<'EOF' && return 0
import socket, sys
want6 = sys.argv[1] == "1"
for _ in range(50):
    s4 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s4.bind(("127.0.0.1", 0))
    port = s4.getsockname()[1]
    ok = True
    if want6:
        s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        try:
            s6.bind(("::1", port))
        except OSError:
            ok = False
        s6.close()
    s4.close()
    if ok and port >= 1024:
        print(port)
        sys.exit(0)
sys.exit(1)
EOF
        fi
        # Fallback: probe random high ports with ss.
        command -v ss >/dev/null 2>&1 || return 1
        for n in $(seq 1 100); do
                port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
                if [ -z "$(ss -Hlnu "sport = :$port" 2>/dev/null)" ]; then
                        echo "$port"
                        return 0
                fi
        done
        return 1
}

# The pass script: read-only IpAddress, Counter64 and Opaque values, in OID
# order, and a writable IpAddress at .3.1.0.
fixture_write_pass_script ()
{
        local f=$1
        cat > "$f" <<'EOF'
#!/bin/sh
# snmpd "pass" helper of gsnmp's snmpd-fixture.sh: -g OID (get),
# -n OID (getnext), -s OID TYPE VALUE (set).
values='.1.3.6.1.4.1.99999.3.1.0 ipaddress 192.0.2.33
.1.3.6.1.4.1.99999.3.2.0 counter64 18446744073709551615
.1.3.6.1.4.1.99999.3.3.0 counter64 4294967296
.1.3.6.1.4.1.99999.3.4.0 opaque 01 02 03 fe ff
.1.3.6.1.4.1.99999.3.5.0 opaque 9f 78 04 3f c0 00 00
.1.3.6.1.4.1.99999.3.6.0 counter64 0'
case "$1" in
-s)
        [ "$2" = .1.3.6.1.4.1.99999.3.1.0 ] || echo not-writable
        exit 0 ;;
-g|-n) ;;
*) exit 0 ;;
esac
printf '%s\n' "$values" | awk -v mode="$1" -v req="$2" '
function cmp(a, b,    x, y, n, m, i) {
        n = split(substr(a, 2), x, ".")
        m = split(substr(b, 2), y, ".")
        for (i = 1; i <= n && i <= m; i++) {
                if (x[i] + 0 < y[i] + 0) return -1
                if (x[i] + 0 > y[i] + 0) return 1
        }
        return n < m ? -1 : (n > m ? 1 : 0)
}
{
        c = cmp($1, req)
        if ((mode == "-g" && c == 0) || (mode == "-n" && c > 0)) {
                v = $3
                for (i = 4; i <= NF; i++) v = v " " $i
                print $1; print $2; print v
                exit
        }
}'
EOF
        chmod 755 "$f"
}

fixture_write_config ()
{
        local dir=$1 port=$2 ipv6=$3 conf addr
        conf="$dir/snmpd.conf"
        addr="udp:127.0.0.1:${port}"
        [ "$ipv6" = 1 ] && addr="${addr},udp6:[::1]:${port}"
        fixture_write_pass_script "$dir/pass.sh"
        {
                cat <<EOF
# generated by gsnmp's snmpd-fixture.sh - loopback only
agentAddress ${addr}
engineID ${FIXTURE_ENGINE_TEXT}
sysName gsnmp-fixture
sysLocation gsnmp-test-lab
# sysContact deliberately not set here, so that SET on sysContact.0 works

rocommunity public 127.0.0.1
rwcommunity private 127.0.0.1
EOF
                if [ "$ipv6" = 1 ]; then
                        printf 'rocommunity6 public ::1\nrwcommunity6 private ::1\n'
                fi
                cat <<'EOF'

# SNMPv3 USM users (pass phrases of at least 8 characters)
createUser nanp
createUser md5user      MD5     md5password
createUser shauser      SHA     shapassword
createUser sha224user   SHA-224 sha224password
createUser sha256user   SHA-256 sha256password
createUser sha384user   SHA-384 sha384password
createUser sha512user   SHA-512 sha512password
createUser md5des       MD5     md5despass    DES       md5despriv
createUser shades       SHA     shadespass    DES       shadespriv
createUser shaaes       SHA     shaaespass    AES       shaaespriv
createUser shaaes192    SHA     shaaes192pass AES-192   shaaes192priv
createUser shaaes256    SHA     shaaes256pass AES-256   shaaes256priv
createUser shaaes192c   SHA     shaaes192cpas AES-192-C shaaes192cpriv
createUser shaaes256c   SHA     shaaes256cpas AES-256-C shaaes256cpriv
createUser md5aes256    MD5     md5aes256pass AES-256   md5aes256priv
createUser md5aes256c   MD5     md5aes256cpas AES-256-C md5aes256cpriv
createUser sha256aes    SHA-256 sha256aespass AES       sha256aespriv
createUser sha256aes256 SHA-256 sha256pass    AES-256   aes256priv
createUser sha512aes256 SHA-512 sha512pass    AES-256   aes256priv2

rouser nanp noauth
rouser md5user auth
rouser shauser auth
rouser sha224user auth
rouser sha256user auth
rouser sha384user auth
rouser sha512user auth
rouser md5des priv
rouser shades priv
rwuser shaaes priv
rouser shaaes192 priv
rouser shaaes256 priv
rouser shaaes192c priv
rouser shaaes256c priv
rouser md5aes256 priv
rouser md5aes256c priv
rouser sha256aes priv
rwuser sha256aes256 priv
rouser sha512aes256 priv

# Static values of every type override can serve (read-only)
override .1.3.6.1.4.1.99999.1.1.0 integer 42
override .1.3.6.1.4.1.99999.1.2.0 integer -17
override .1.3.6.1.4.1.99999.1.3.0 integer 2147483647
override .1.3.6.1.4.1.99999.1.4.0 integer -2147483648
override .1.3.6.1.4.1.99999.1.5.0 integer 0
override .1.3.6.1.4.1.99999.1.6.0 counter 4294967295
override .1.3.6.1.4.1.99999.1.7.0 counter 0
override .1.3.6.1.4.1.99999.1.8.0 unsigned 123456
override .1.3.6.1.4.1.99999.1.9.0 uinteger 4294967295
override .1.3.6.1.4.1.99999.1.10.0 timeticks 0
override .1.3.6.1.4.1.99999.1.11.0 timeticks 8640000
override .1.3.6.1.4.1.99999.1.12.0 timeticks 4294967295
override .1.3.6.1.4.1.99999.1.13.0 timeticks 12345678
override .1.3.6.1.4.1.99999.1.14.0 octet_str "hello world"
override .1.3.6.1.4.1.99999.1.15.0 octet_str ""
override .1.3.6.1.4.1.99999.1.16.0 octet_str 0x00010203fffe
override .1.3.6.1.4.1.99999.1.17.0 octet_str 0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021
override .1.3.6.1.4.1.99999.1.18.0 octet_str 0x68c3a96c6c6f
override .1.3.6.1.4.1.99999.1.19.0 octet_str 0x61202271756f7465642220776f7264
override .1.3.6.1.4.1.99999.1.20.0 octet_str 0x6c696e65310a6c696e6532
override .1.3.6.1.4.1.99999.1.21.0 octet_str 0x746162096865726520
override .1.3.6.1.4.1.99999.1.22.0 octet_str 0x6261636b5c736c617368
override .1.3.6.1.4.1.99999.1.23.0 octet_str 0x747261696c696e6700
override .1.3.6.1.4.1.99999.1.24.0 octet_str 0x414243
override .1.3.6.1.4.1.99999.1.25.0 object_id .1.3.6.1.4.1.99999.1
override .1.3.6.1.4.1.99999.1.26.0 object_id .0.0
override .1.3.6.1.4.1.99999.1.27.0 null
override .1.3.6.1.4.1.99999.1.28.0 octet_str 0x0000000000000000000000000000000000
override .1.3.6.1.4.1.99999.1.29.0 octet_str 0xc0a80001
override .1.3.6.1.4.1.99999.1.30.0 octet_str "x"

# Types override cannot serve come from a pass script
EOF
                echo "pass .1.3.6.1.4.1.99999.3 /bin/sh $dir/pass.sh"
                cat <<'EOF'

# Writable values (community "private")
override -rw .1.3.6.1.4.1.99999.4.1.0 integer 1
override -rw .1.3.6.1.4.1.99999.4.2.0 unsigned 2
override -rw .1.3.6.1.4.1.99999.4.3.0 timeticks 3
override -rw .1.3.6.1.4.1.99999.4.4.0 octet_str "four"
override -rw .1.3.6.1.4.1.99999.4.5.0 object_id .1.3.6.1.4.1.99999.4.5
override -rw .1.3.6.1.4.1.99999.4.6.0 counter 6
EOF
                if [ -n "${FIXTURE_ROWS:-}" ]; then
                        echo
                        echo "# FIXTURE_ROWS=${FIXTURE_ROWS}"
                        awk -v n="$FIXTURE_ROWS" 'BEGIN {
                                for (i = n; i >= 1; i--)
                                        printf "override .1.3.6.1.4.1.99999.2.1.2.%d octet_str \"row-%d\"\n", i, i
                        }'
                fi
        } > "$conf"
        mkdir -p "$dir/client" "$dir/client-persist"
        # Net-SNMP's tools: no MIB files, numeric output stays stable
        printf 'mibs :\n' > "$dir/client/snmp.conf"
}

fixture_snmpd ()
{
        if [ -n "${SNMPD:-}" ]; then
                echo "$SNMPD"
        elif command -v snmpd >/dev/null 2>&1; then
                command -v snmpd
        elif [ -x /usr/sbin/snmpd ]; then
                echo /usr/sbin/snmpd
        fi
}

fixture_log_tail ()
{
        local dir=$1
        echo "--- last lines of $dir/snmpd.log:" >&2
        tail -n 20 "$dir/snmpd.log" >&2 2>/dev/null
        tail -n 20 "$dir/snmpd.out" >&2 2>/dev/null
}

# Is $1 a live snmpd using fixture directory $2?
fixture_pid_is_ours ()
{
        local pid=$1 dir=$2
        [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
        [ -r "/proc/$pid/cmdline" ] || return 0
        tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$dir/snmpd.conf"
}

# Stops snmpd $2 once process $3 has exited (or snmpd itself is gone).
fixture_start_watchdog ()
{
        local dir=$1 pid=$2 watch=$3 conf
        conf="$dir/snmpd.conf"
        (
                while kill -0 "$watch" 2>/dev/null && kill -0 "$pid" 2>/dev/null; do
                        sleep 1
                done
                if [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$conf"; then
                        kill -TERM "$pid" 2>/dev/null
                fi
        ) < /dev/null > /dev/null 2>&1 &
        echo $! > "$dir/watchdog.pid"
}

snmpd_fixture_stop ()
{
        local dir=${1:-} pid n
        if [ -z "$dir" ]; then
                echo "snmpd-fixture.sh: stop needs a directory" >&2
                return 2
        fi
        [ -d "$dir" ] || return 0
        dir=$(cd "$dir" && pwd)
        pid=$(cat "$dir/watchdog.pid" 2>/dev/null)
        if [ -n "$pid" ]; then
                kill -TERM "$pid" 2>/dev/null
        fi
        pid=$(cat "$dir/fixture.pid" 2>/dev/null)
        if fixture_pid_is_ours "$pid" "$dir"; then
                kill -TERM "$pid" 2>/dev/null
                for n in $(seq 1 50); do
                        kill -0 "$pid" 2>/dev/null || break
                        sleep 0.1
                done
                if kill -0 "$pid" 2>/dev/null; then
                        kill -KILL "$pid" 2>/dev/null
                fi
        fi
        # only remove what looks like a fixture directory
        if [ -f "$dir/fixture.pid" ] || [ -f "$dir/snmpd.conf" ]; then
                rm -rf "$dir"
        fi
        return 0
}

# Start snmpd on a free port; $1 = dir. Sets FIXTURE_* and prints them.
snmpd_fixture_start ()
{
        local dir=${1:-} snmpd ipv6=0 port pid attempt deadline answered timeout

        if [ -z "$dir" ]; then
                echo "snmpd-fixture.sh: start needs a directory" >&2
                return 2
        fi
        snmpd=$(fixture_snmpd)
        if [ -z "$snmpd" ]; then
                echo "snmpd-fixture.sh: snmpd not found (install Debian's snmpd package)" >&2
                return 1
        fi
        if ! command -v snmpget >/dev/null 2>&1; then
                echo "snmpd-fixture.sh: snmpget not found (install Debian's snmp package)" >&2
                return 1
        fi
        if [ -n "${FIXTURE_ROWS:-}" ] && ! [ "$FIXTURE_ROWS" -ge 0 ] 2>/dev/null; then
                echo "snmpd-fixture.sh: FIXTURE_ROWS must be a number, not “$FIXTURE_ROWS”" >&2
                return 2
        fi
        timeout=${FIXTURE_START_TIMEOUT:-$(( 30 + ${FIXTURE_ROWS:-0} / 1000 ))}
        if ! [ "$timeout" -gt 0 ] 2>/dev/null; then
                echo "snmpd-fixture.sh: FIXTURE_START_TIMEOUT must be a number of seconds" >&2
                return 2
        fi
        mkdir -p "$dir/persist" || return 1
        dir=$(cd "$dir" && pwd)
        chmod 700 "$dir" "$dir/persist"
        fixture_have_ipv6 && ipv6=1

        for attempt in 1 2 3 4 5; do
                port=$(fixture_free_port "$ipv6")
                if [ -z "$port" ]; then
                        echo "snmpd-fixture.sh: no free UDP port found on loopback" >&2
                        return 1
                fi
                fixture_write_config "$dir" "$port" "$ipv6"
                : > "$dir/snmpd.log"
                # -f: stay in the foreground (we background it and own its pid);
                # -C -c: read only our config; -Lf: log to a file; -r: no root
                # checks; -I -smux: smux would bind 127.0.0.1:199; -p: pid file.
                SNMP_PERSISTENT_DIR="$dir/persist" SNMPCONFPATH="$dir" MIBS= \
                        "$snmpd" -f -C -c "$dir/snmpd.conf" -Lf "$dir/snmpd.log" \
                        -p "$dir/snmpd.pid" -r -I -smux \
                        < /dev/null > "$dir/snmpd.out" 2>&1 &
                pid=$!
                echo "$pid" > "$dir/fixture.pid"

                answered=0
                deadline=$(( SECONDS + timeout ))
                while [ "$SECONDS" -le "$deadline" ]; do
                        if ! kill -0 "$pid" 2>/dev/null; then
                                break
                        fi
                        if SNMPCONFPATH="$dir/client" SNMP_PERSISTENT_DIR="$dir/client-persist" \
                           MIBS= snmpget -v2c -c public -r0 -t0.3 "udp:127.0.0.1:${port}" \
                           1.3.6.1.2.1.1.5.0 >/dev/null 2>&1; then
                                answered=1
                                break
                        fi
                        sleep 0.1
                done
                if [ "$answered" = 1 ]; then
                        break
                fi
                if kill -0 "$pid" 2>/dev/null; then
                        echo "snmpd-fixture.sh: snmpd (pid $pid) did not answer on udp:127.0.0.1:${port} within ${timeout} s" >&2
                        fixture_log_tail "$dir"
                        kill -KILL "$pid" 2>/dev/null
                        wait "$pid" 2>/dev/null
                        return 1
                fi
                wait "$pid" 2>/dev/null
                # snmpd exited: lost the race for the port? then try another one
                if grep -q 'Error opening specified endpoint' "$dir/snmpd.log" "$dir/snmpd.out" 2>/dev/null \
                   && [ "$attempt" -lt 5 ]; then
                        continue
                fi
                echo "snmpd-fixture.sh: snmpd exited during start-up (port ${port})" >&2
                fixture_log_tail "$dir"
                return 1
        done
        if [ "$answered" != 1 ]; then
                echo "snmpd-fixture.sh: could not start snmpd" >&2
                return 1
        fi

        if [ -n "${FIXTURE_WATCH_PID:-}" ]; then
                fixture_start_watchdog "$dir" "$pid" "$FIXTURE_WATCH_PID"
        fi

        FIXTURE_PORT=$port
        FIXTURE_PID=$pid
        FIXTURE_DIR=$dir
        FIXTURE_ENGINE_ID=0x80001f8804$(fixture_hex "$FIXTURE_ENGINE_TEXT")
        FIXTURE_IPV6=$ipv6
        FIXTURE_SNMPCONFPATH=$dir/client
        FIXTURE_CLIENT_PERSIST=$dir/client-persist
        printf 'FIXTURE_PORT=%s\nFIXTURE_PID=%s\nFIXTURE_DIR=%q\nFIXTURE_ENGINE_ID=%s\n' \
                "$FIXTURE_PORT" "$FIXTURE_PID" "$FIXTURE_DIR" "$FIXTURE_ENGINE_ID"
        printf 'FIXTURE_IPV6=%s\nFIXTURE_SNMPCONFPATH=%q\nFIXTURE_CLIENT_PERSIST=%q\n' \
                "$FIXTURE_IPV6" "$FIXTURE_SNMPCONFPATH" "$FIXTURE_CLIENT_PERSIST"
        return 0
}

# Run as a program (not sourced)?
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
        set -u
        case "${1:-}" in
        start)
                snmpd_fixture_start "${2:-}" || exit $?
                ;;
        stop)
                snmpd_fixture_stop "${2:-}" || exit $?
                ;;
        *)
                sed -n -e '/^# What the agent serves/q' -e '2,$p' "$0" >&2
                exit 2
                ;;
        esac
fi
