#!/usr/bin/env bash
# install-prefix.sh PREFIX LIBDIR - the installed library, used from outside
# the build tree: `meson install --destdir` into a temporary directory, then
#   - a C program built with `pkg-config --cflags --libs gsnmp-1.0` (the
#     installed .pc, its prefix moved into the DESTDIR) and run with
#     LD_LIBRARY_PATH on the installed libdir,
#   - a Python script (/usr/bin/python3) with GI_TYPELIB_PATH and PYTHONPATH
#     on the installed typelib and overrides,
#   - a GJS script with GI_TYPELIB_PATH and GJS_PATH likewise,
# each doing a GET against the snmpd fixture and checking that what it loaded
# (library, typelib, overrides) came from the installed files, never from the
# build or source tree. These are the variables README.md's Install section
# gives. PASS/FAIL lines; exit 1 on failure.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

. "$(dirname "$0")/interop-lib.sh"
interop_init install
interop_need snmpd

PREFIX=$1
LIBDIR=$2
case $LIBDIR in /*) ;; *) LIBDIR=$PREFIX/$LIBDIR ;; esac
BUILD=$(cd "$(dirname "$TOOL")/.." && pwd)
DEST=$WORK/dest

if ! meson install -C "$BUILD" --destdir "$DEST" --no-rebuild --quiet >"$WORK/install.log" 2>&1; then
        fail "meson install --destdir" "$(tail -20 "$WORK/install.log")"
        interop_finish
fi
pass "meson install --destdir"

interop_start_snmpd
L=$DEST$LIBDIR
P=$DEST$PREFIX
# only the installed files: nothing of the build tree in the environment
unset GI_TYPELIB_PATH PYTHONPATH GJS_PATH
export LD_LIBRARY_PATH=$L

# --- C, with pkg-config ------------------------------------------------------
cat >"$WORK/outside.c" <<'CEOF'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <gsnmp/gsnmp.h>

int
main (int argc, char *argv[])
{
        g_autoptr(GError) error = NULL;
        g_autoptr(GsnmpEngine) engine = NULL;
        g_autoptr(GsnmpTarget) target = NULL;
        g_autoptr(GsnmpOid) oid = gsnmp_oid_new_from_string ("1.3.6.1.2.1.1.5.0", NULL);
        g_autoptr(GsnmpPdu) pdu = NULL;
        g_autofree char *value = NULL;
        Dl_info info;

        setlocale (LC_ALL, "");
        if (dladdr ((void *) gsnmp_engine_new, &info) == 0)
                return 3;
        printf ("library %s\n", info.dli_fname);
        engine = g_object_new (GSNMP_TYPE_ENGINE, NULL);
        target = gsnmp_target_new (argv[1], NULL, &error);
        if (target != NULL)
                pdu = gsnmp_engine_get (engine, target, &oid, 1, NULL, &error);
        if (pdu == NULL) {
                fprintf (stderr, "%s\n", error->message);
                return 1;
        }
        value = gsnmp_varbind_get_string (gsnmp_pdu_get_varbind (pdu, 0));
        printf ("sysName %s\n", value);
        return 0;
}
CEOF
# gsnmp-1.0.pc says prefix=PREFIX; installed under DEST it is at DEST/PREFIX,
# as if meson had been given --prefix=DEST/PREFIX (PKG_CONFIG_SYSROOT_DIR
# would move GLib's flags too, pkgconf's --define-prefix does not know
# Debian's multiarch libdir)
mkdir -p "$WORK/pkgconfig"
sed "s|^prefix=.*|prefix=$P|" "$L/pkgconfig/gsnmp-1.0.pc" >"$WORK/pkgconfig/gsnmp-1.0.pc"
export PKG_CONFIG_PATH=$WORK/pkgconfig
if flags=$(pkg-config --cflags --libs gsnmp-1.0 2>"$WORK/pc.err") &&
   cc -o "$WORK/outside" "$WORK/outside.c" $flags 2>"$WORK/cc.err"; then
        pass "c: built with pkg-config --cflags --libs gsnmp-1.0 ($flags)"
else
        fail "c: built with pkg-config" "$(cat "$WORK/pc.err" "$WORK/cc.err" | head -20)"
fi
unset PKG_CONFIG_PATH
out=$("$WORK/outside" "snmp://public@127.0.0.1:$FIXTURE_PORT" 2>&1)
if [[ $out == "library $L/libgsnmp-1.0.so.0"*$'\n'"sysName gsnmp-fixture" ]]; then
        pass "c: ran against the installed library"
else
        fail "c: ran against the installed library" "$out"
fi

# --- Python ---------------------------------------------------------------------
overrides=$(find "$DEST" -path '*/gi/overrides/Gsnmp.py' | head -n 1)
pypath=${overrides%/gi/overrides/Gsnmp.py}
out=$(GI_TYPELIB_PATH=$L/girepository-1.0 PYTHONPATH=$pypath /usr/bin/python3 - "$FIXTURE_PORT" <<'PYEOF' 2>&1
import sys
import gi
gi.require_version('GIRepository', '2.0')
gi.require_version('Gsnmp', '1.0')
from gi.repository import GIRepository, Gsnmp
import gi.overrides.Gsnmp
print('typelib', GIRepository.Repository.get_default().get_typelib_path('Gsnmp'))
print('overrides', gi.overrides.Gsnmp.__file__)
pdu = Gsnmp.Engine().get(Gsnmp.Target.new('udp:127.0.0.1:' + sys.argv[1], None), ['1.3.6.1.2.1.1.5.0'])
print('sysName', pdu[0].value.decode())
PYEOF
)
if [[ -n $overrides ]] && [[ $out == "typelib $L/girepository-1.0/Gsnmp-1.0.typelib"$'\n'"overrides $DEST/"*"/gi/overrides/Gsnmp.py"$'\n'"sysName gsnmp-fixture" ]]; then
        pass "python: installed typelib and overrides (${overrides#"$DEST"})"
else
        fail "python: installed typelib and overrides" "$out"
fi

# --- GJS -------------------------------------------------------------------------
cat >"$WORK/outside.js" <<'JSEOF'
import GIRepository from 'gi://GIRepository?version=2.0';
import Gsnmp from 'gi://Gsnmp?version=1.0';
print(`typelib ${GIRepository.Repository.get_default().get_typelib_path('Gsnmp')}`);
print(`overrides ${Gsnmp._overridesFile}`);
const engine = new Gsnmp.Engine();
const pdu = await engine.get_async(Gsnmp.Target.new(`udp:127.0.0.1:${ARGV[0]}`, null),
    [Gsnmp.Oid.new_from_string('1.3.6.1.2.1.1.5.0')]);
print(`sysName ${new TextDecoder().decode(pdu.get_varbind(0).value)}`);
JSEOF
out=$(GI_TYPELIB_PATH=$L/girepository-1.0 GJS_PATH=$P/share/gjs-1.0 gjs -m "$WORK/outside.js" "$FIXTURE_PORT" 2>&1)
if [ -f "$P/share/gjs-1.0/overrides/Gsnmp.js" ] &&
   [[ $out == "typelib $L/girepository-1.0/Gsnmp-1.0.typelib"$'\n'"overrides Gsnmp.js"$'\n'"sysName gsnmp-fixture" ]]; then
        pass "gjs: installed typelib and overrides"
else
        fail "gjs: installed typelib and overrides" "$out"
fi

interop_finish
