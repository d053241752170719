#!/usr/bin/env bash
# Installs the Debian 12 packages gsnmp needs.
#   bash .ci/deps.sh demo   what .ci/demo needs: the build tools, GLib and
#                           libgcrypt (it talks to gsnmp's own agent)
#   bash .ci/deps.sh        (or full) everything to build, test, fuzz and
#                           benchmark: also introspection, PyGObject, GJS,
#                           gi-docgen, valgrind, clang, GTK and Xvfb
# Idempotent: packages already present are left alone, and apt-get update runs
# only when something is missing.
set -euo pipefail
DEMO_PKGS=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libgcrypt20-dev
  python3 iproute2 procps
)
FULL_PKGS=(
  "${DEMO_PKGS[@]}"
  snmp snmpd
  gobject-introspection libgirepository1.0-dev
  snmptrapd libsnmp-dev
  valgrind clang libclang-rt-14-dev
  python3-gi gir1.2-glib-2.0 gjs
  gi-docgen gir1.2-gtk-4.0 xvfb xauth imagemagick locales
)
case "${1:-full}" in
  demo) PKGS=("${DEMO_PKGS[@]}") ;;
  full) PKGS=("${FULL_PKGS[@]}") ;;
  *) echo "usage: $0 [demo|full]" >&2; exit 2 ;;
esac
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  echo "deps.sh: installing ${#missing[@]} packages (a few minutes on a fresh machine): ${missing[*]}"
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
fi
# Debian's snmpd package may start a system daemon on port 161. The tests and the
# benchmark start their own daemons on free high ports, so this is only tidiness:
# stop the packaged service through its init system, or by its own pid file; never
# by process name, so daemons started by anyone else are left alone.
if [ -f /run/snmpd.pid ]; then
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl stop snmpd snmptrapd >/dev/null 2>&1 || true
  else
    pid=$(cat /run/snmpd.pid 2>/dev/null || true)
    case "$pid" in
      ''|*[!0-9]*) ;;
      *) if [ "$(cat /proc/"$pid"/comm 2>/dev/null)" = snmpd ]; then kill "$pid" 2>/dev/null || true; fi ;;
    esac
  fi
fi
exit 0
