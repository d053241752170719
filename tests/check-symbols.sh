#!/bin/sh
# Fails when the shared library exports any symbol that is not gsnmp_*:
# Net-SNMP's libnetsnmp is loaded into many desktop processes and owns snmp_*.
set -eu
lib=$1
bad=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ { print $3 }' | grep -v '^gsnmp_' || true)
if [ -n "$bad" ]; then
  echo "symbols exported without the gsnmp_ prefix:" >&2
  echo "$bad" >&2
  exit 1
fi
n=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/' | wc -l)
if [ "$n" -eq 0 ]; then
  echo "no symbols exported at all from $lib" >&2
  exit 1
fi
echo "ok: $n symbols, all gsnmp_*"
