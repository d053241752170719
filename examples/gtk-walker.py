#!/usr/bin/python3
# gtk-walker.py - a small GTK 4 SNMP walker built on gsnmp's GsnmpWalk
#
# A window that asks for an agent address and credentials (a community for
# SNMPv1/v2c, or an SNMPv3 user with its security level, protocols and pass
# phrases) and a root OID, then walks the subtree with Gsnmp.Walk.  Each
# batch of variable bindings is appended to a Gio.ListStore shown by a
# Gtk.ColumnView (OID / type / value) as soon as it arrives, so the window
# never freezes; Cancel cancels the walk's Gio.Cancellable.
#
# It matches Net-SNMP's `snmpbulkwalk -v2c -c public -On udp:HOST:PORT OID`
# (or `snmpbulkwalk -v3 -u USER -l authPriv -a SHA -A ... -x AES -X ...`).
#
#   python3 examples/gtk-walker.py [--agent udp:127.0.0.1:161] [--root OID]
#           [--community public | --user U --auth-protocol SHA --auth-pass P
#            --priv-protocol AES --priv-pass P]
#
# Self-test mode (used by tests/interop-gtk.sh under Xvfb):
#
#   python3 examples/gtk-walker.py --self-test AGENT OUTPUT.png
#           [--min-rows N] [--min-batches N] [--cancel-after N]
#           [--expect end|cancelled|error] [--timeout S] [credentials]
#
# fills the form, clicks Walk, waits for the walk to end (or, with
# --cancel-after N, clicks Cancel once N rows are shown and waits for the
# walk to stop), saves a screenshot of the window to OUTPUT.png and exits 0
# when the walk stopped as expected (--expect) with at least --min-rows rows
# in at least --min-batches batches (1 on failure, 2 on the overall timeout).
#
# From a build tree: GI_TYPELIB_PATH=build/introspection
# LD_LIBRARY_PATH=build/gsnmp.

import argparse
import ctypes
import sys

import gi
gi.require_version('Gtk', '4.0')
gi.require_version('Gsk', '4.0')
gi.require_version('Graphene', '1.0')
gi.require_version('Gsnmp', '1.0')
from gi.repository import GLib, GObject, Gio, Graphene, Gtk, Pango, Gsnmp  # noqa: E402

VERSIONS = [('SNMPv1', Gsnmp.ProtocolVersion.V1),
            ('SNMPv2c', Gsnmp.ProtocolVersion.V2C),
            ('SNMPv3', Gsnmp.ProtocolVersion.V3)]
LEVELS = [('noAuthNoPriv', Gsnmp.SecurityLevel.NO_AUTH_NO_PRIV),
          ('authNoPriv', Gsnmp.SecurityLevel.AUTH_NO_PRIV),
          ('authPriv', Gsnmp.SecurityLevel.AUTH_PRIV)]
AUTH_PROTOCOLS = [('MD5', Gsnmp.AuthProtocol.MD5),
                  ('SHA', Gsnmp.AuthProtocol.SHA),
                  ('SHA-224', Gsnmp.AuthProtocol.SHA224),
                  ('SHA-256', Gsnmp.AuthProtocol.SHA256),
                  ('SHA-384', Gsnmp.AuthProtocol.SHA384),
                  ('SHA-512', Gsnmp.AuthProtocol.SHA512)]
PRIV_PROTOCOLS = [('DES', Gsnmp.PrivProtocol.DES),
                  ('AES', Gsnmp.PrivProtocol.AES),
                  ('AES-192', Gsnmp.PrivProtocol.AES192),
                  ('AES-256', Gsnmp.PrivProtocol.AES256),
                  ('AES-192-C', Gsnmp.PrivProtocol.AES192_CISCO),
                  ('AES-256-C', Gsnmp.PrivProtocol.AES256_CISCO),
                  ('3DES', Gsnmp.PrivProtocol.TRIPLE_DES)]

TYPE_NAMES = {
    Gsnmp.ValueType.INTEGER: 'INTEGER',
    Gsnmp.ValueType.OCTET_STRING: 'OCTET STRING',
    Gsnmp.ValueType.NULL: 'NULL',
    Gsnmp.ValueType.OBJECT_ID: 'OBJECT IDENTIFIER',
    Gsnmp.ValueType.IP_ADDRESS: 'IpAddress',
    Gsnmp.ValueType.COUNTER32: 'Counter32',
    Gsnmp.ValueType.GAUGE32: 'Gauge32',
    Gsnmp.ValueType.TIMETICKS: 'TimeTicks',
    Gsnmp.ValueType.OPAQUE: 'Opaque',
    Gsnmp.ValueType.COUNTER64: 'Counter64',
    Gsnmp.ValueType.NO_SUCH_OBJECT: 'noSuchObject',
    Gsnmp.ValueType.NO_SUCH_INSTANCE: 'noSuchInstance',
    Gsnmp.ValueType.END_OF_MIB_VIEW: 'endOfMibView',
}


def index_of(table, name):
    for i, (label, _) in enumerate(table):
        if label.lower() == name.lower():
            return i
    raise SystemExit('unknown choice “%s” (one of %s)'
                     % (name, ', '.join(label for label, _ in table)))


class Row(GObject.Object):
    """One variable binding as shown in the list."""
    __gtype_name__ = 'GtkWalkerRow'

    oid = GObject.Property(type=str, default='')
    type = GObject.Property(type=str, default='')
    value = GObject.Property(type=str, default='')

    def __init__(self, varbind):
        super().__init__()
        self.oid = varbind.get_oid().to_string()
        self.type = TYPE_NAMES.get(varbind.get_value_type(),
                                   str(varbind.get_value_type()))
        self.value = varbind.format(Gsnmp.FormatFlags.QUICK |
                                    Gsnmp.FormatFlags.VALUE_ONLY)


class WalkerWindow(Gtk.ApplicationWindow):
    def __init__(self, app, args):
        super().__init__(application=app, title='gsnmp walker')
        self.set_default_size(900, 640)
        self.engine = Gsnmp.Engine.new()
        self.walk = None
        self.cancellable = None
        # Callbacks for the self-test: called with (window) on each batch
        # and when a walk stops.
        self.on_batch = None
        self.on_stopped = None
        self.outcome = None     # 'end', 'cancelled' or 'error' once stopped

        self.store = Gio.ListStore(item_type=Row)

        box = Gtk.Box(orientation=Gtk.Orientation.VERTICAL, spacing=6)
        for side in ('top', 'bottom', 'start', 'end'):
            getattr(box, 'set_margin_' + side)(12)
        self.set_child(box)

        grid = Gtk.Grid(column_spacing=8, row_spacing=6)
        box.append(grid)

        def add(row, col, label, widget, width=1):
            lab = Gtk.Label(label=label, xalign=1)
            grid.attach(lab, col, row, 1, 1)
            grid.attach(widget, col + 1, row, width, 1)
            return widget

        def dropdown(table, selected):
            d = Gtk.DropDown.new_from_strings([label for label, _ in table])
            d.set_selected(selected)
            return d

        self.agent = add(0, 0, 'Agent', Gtk.Entry(text=args.agent, hexpand=True))
        self.root = add(0, 2, 'Root OID', Gtk.Entry(text=args.root, hexpand=True))
        self.version = add(1, 0, 'Version', dropdown(
            VERSIONS, 2 if args.user else index_of(VERSIONS, args.version)))
        self.community = add(1, 2, 'Community', Gtk.Entry(text=args.community))
        self.user = add(2, 0, 'User', Gtk.Entry(text=args.user or ''))
        self.level = add(2, 2, 'Level', dropdown(LEVELS, index_of(LEVELS, args.level)))
        self.auth_proto = add(3, 0, 'Authentication', dropdown(
            AUTH_PROTOCOLS, index_of(AUTH_PROTOCOLS, args.auth_protocol)))
        self.auth_pass = add(3, 2, 'Auth pass phrase', Gtk.PasswordEntry(
            text=args.auth_pass, show_peek_icon=True))
        self.priv_proto = add(4, 0, 'Privacy', dropdown(
            PRIV_PROTOCOLS, index_of(PRIV_PROTOCOLS, args.priv_protocol)))
        self.priv_pass = add(4, 2, 'Priv pass phrase', Gtk.PasswordEntry(
            text=args.priv_pass, show_peek_icon=True))
        self.version.connect('notify::selected', self.update_sensitivity)
        self.level.connect('notify::selected', self.update_sensitivity)

        buttons = Gtk.Box(spacing=6)
        self.walk_button = Gtk.Button(label='Walk')
        self.walk_button.add_css_class('suggested-action')
        self.walk_button.connect('clicked', self.on_walk_clicked)
        self.cancel_button = Gtk.Button(label='Cancel', sensitive=False)
        self.cancel_button.connect('clicked', self.on_cancel_clicked)
        self.status = Gtk.Label(label='Ready', xalign=0, hexpand=True,
                                ellipsize=Pango.EllipsizeMode.END)
        buttons.append(self.walk_button)
        buttons.append(self.cancel_button)
        buttons.append(self.status)
        box.append(buttons)

        view = Gtk.ColumnView(model=Gtk.NoSelection(model=self.store),
                              show_row_separators=True,
                              show_column_separators=True)
        for title, prop, width in (('OID', 'oid', 280),
                                   ('Type', 'type', 160),
                                   ('Value', 'value', -1)):
            factory = Gtk.SignalListItemFactory()
            factory.connect('setup', self.setup_cell)
            factory.connect('bind', self.bind_cell, prop)
            column = Gtk.ColumnViewColumn(title=title, factory=factory,
                                          fixed_width=width, expand=width < 0,
                                          resizable=True)
            view.append_column(column)
        scrolled = Gtk.ScrolledWindow(child=view, vexpand=True)
        box.append(scrolled)

        self.update_sensitivity()

    @staticmethod
    def setup_cell(factory, item):
        item.set_child(Gtk.Label(xalign=0, ellipsize=Pango.EllipsizeMode.END))

    @staticmethod
    def bind_cell(factory, item, prop):
        item.get_child().set_label(item.get_item().get_property(prop))

    def update_sensitivity(self, *unused):
        v3 = VERSIONS[self.version.get_selected()][1] == Gsnmp.ProtocolVersion.V3
        level = LEVELS[self.level.get_selected()][1]
        self.community.set_sensitive(not v3)
        for w in (self.user, self.level):
            w.set_sensitive(v3)
        auth = v3 and level != Gsnmp.SecurityLevel.NO_AUTH_NO_PRIV
        priv = v3 and level == Gsnmp.SecurityLevel.AUTH_PRIV
        for w in (self.auth_proto, self.auth_pass):
            w.set_sensitive(auth)
        for w in (self.priv_proto, self.priv_pass):
            w.set_sensitive(priv)

    def make_target(self):
        version = VERSIONS[self.version.get_selected()][1]
        if version == Gsnmp.ProtocolVersion.V3:
            level = LEVELS[self.level.get_selected()][1]
            auth, auth_pass = Gsnmp.AuthProtocol.NONE, None
            priv, priv_pass = Gsnmp.PrivProtocol.NONE, None
            if level != Gsnmp.SecurityLevel.NO_AUTH_NO_PRIV:
                auth = AUTH_PROTOCOLS[self.auth_proto.get_selected()][1]
                auth_pass = self.auth_pass.get_text()
            if level == Gsnmp.SecurityLevel.AUTH_PRIV:
                priv = PRIV_PROTOCOLS[self.priv_proto.get_selected()][1]
                priv_pass = self.priv_pass.get_text()
            credentials = Gsnmp.UsmUser.new(self.user.get_text(), auth, auth_pass,
                                            priv, priv_pass)
        else:
            credentials = Gsnmp.Community.new(version, self.community.get_text())
        return Gsnmp.Target.new(self.agent.get_text(), credentials)

    def on_walk_clicked(self, button):
        try:
            target = self.make_target()
            root = Gsnmp.Oid.new_from_string(self.root.get_text())
        except GLib.Error as e:
            self.stop('error', 'Error: ' + e.message)
            return
        self.store.remove_all()
        self.outcome = None
        self.walk = Gsnmp.Walk.new(self.engine, target, root)
        self.cancellable = Gio.Cancellable()
        self.walk_button.set_sensitive(False)
        self.cancel_button.set_sensitive(True)
        self.status.set_label('Walking %s …' % target.get_address())
        self.walk.next_async(self.cancellable, self.on_next, None)

    def on_cancel_clicked(self, button):
        if self.cancellable is not None:
            self.cancellable.cancel()

    def on_next(self, walk, result, data):
        try:
            batch = walk.next_finish(result)
        except GLib.Error as e:
            if e.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED):
                self.stop('cancelled', 'Cancelled after %d rows'
                          % self.store.get_n_items())
            else:
                self.stop('error', 'Error after %d rows: %s'
                          % (self.store.get_n_items(), e.message))
            return
        if not batch:
            self.stop('end', '%d rows in %d requests'
                      % (self.store.get_n_items(), walk.get_n_requests()))
            return
        # One items-changed signal per batch: the view updates once.
        self.store.splice(self.store.get_n_items(), 0, [Row(vb) for vb in batch])
        self.status.set_label('Walking … %d rows' % self.store.get_n_items())
        if self.on_batch is not None:
            self.on_batch(self)
        walk.next_async(self.cancellable, self.on_next, None)

    def stop(self, outcome, message):
        self.outcome = outcome
        self.status.set_label(message)
        self.walk_button.set_sensitive(True)
        self.cancel_button.set_sensitive(False)
        self.walk = None
        self.cancellable = None
        if self.on_stopped is not None:
            self.on_stopped(self)


def c_pointer(obj):
    """The address of the C instance behind a PyGObject wrapper.

    PyGObject hashes a GObject wrapper by that address; checked against the
    instance's GType before use."""
    address = hash(obj) & ((1 << (8 * ctypes.sizeof(ctypes.c_void_p))) - 1)
    gobject = ctypes.CDLL('libgobject-2.0.so.0')
    gobject.g_type_from_name.restype = ctypes.c_size_t
    gobject.g_type_from_name.argtypes = [ctypes.c_char_p]
    gobject.g_type_check_instance_is_a.restype = ctypes.c_int
    gobject.g_type_check_instance_is_a.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    gtype = gobject.g_type_from_name(obj.__gtype__.name.encode())
    if not gtype or not gobject.g_type_check_instance_is_a(address, gtype):
        raise RuntimeError('cannot find the C instance of %r' % obj)
    return address


class GrapheneRect(ctypes.Structure):
    _fields_ = [('x', ctypes.c_float), ('y', ctypes.c_float),
                ('width', ctypes.c_float), ('height', ctypes.c_float)]


def render_to_png_ctypes(snapshot, renderer, width, height, path):
    """snapshot → render node → texture → PNG, through ctypes.

    PyGObject 3.42 (Debian 12) cannot pass a GskRenderNode (a fundamental
    type) between Python and C, so this calls the same GTK functions as
    save_screenshot () does with pointers."""
    gtk = ctypes.CDLL('libgtk-4.so.1')
    gtk.gtk_snapshot_to_node.restype = ctypes.c_void_p
    gtk.gtk_snapshot_to_node.argtypes = [ctypes.c_void_p]
    gtk.gsk_renderer_render_texture.restype = ctypes.c_void_p
    gtk.gsk_renderer_render_texture.argtypes = [ctypes.c_void_p, ctypes.c_void_p,
                                                ctypes.POINTER(GrapheneRect)]
    gtk.gdk_texture_save_to_png.restype = ctypes.c_int
    gtk.gdk_texture_save_to_png.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    gtk.gsk_render_node_unref.argtypes = [ctypes.c_void_p]
    gobject = ctypes.CDLL('libgobject-2.0.so.0')
    gobject.g_object_unref.argtypes = [ctypes.c_void_p]

    c_node = gtk.gtk_snapshot_to_node(c_pointer(snapshot))
    if not c_node:
        raise RuntimeError('the window drew nothing')
    try:
        c_texture = gtk.gsk_renderer_render_texture(
            c_pointer(renderer), c_node, ctypes.byref(GrapheneRect(0, 0, width, height)))
    finally:
        gtk.gsk_render_node_unref(c_node)
    if not c_texture:
        raise RuntimeError('the renderer made no texture')
    try:
        return gtk.gdk_texture_save_to_png(c_texture, path.encode())
    finally:
        gobject.g_object_unref(c_texture)


def save_screenshot(window, path):
    """Renders @window (as on screen) into a PNG at @path."""
    width, height = window.get_width(), window.get_height()
    renderer = window.get_native().get_renderer()

    def take_snapshot():
        snapshot = Gtk.Snapshot()
        Gtk.WidgetPaintable(widget=window).snapshot(snapshot, width, height)
        return snapshot

    try:
        node = take_snapshot().to_node()
    except TypeError:
        # No GskRenderNode in this PyGObject: take a new snapshot (the
        # failed call consumed the first one) and go through ctypes.
        saved = render_to_png_ctypes(take_snapshot(), renderer, width, height, path)
    else:
        if node is None:
            raise RuntimeError('the window drew nothing')
        texture = renderer.render_texture(node, Graphene.Rect().init(0, 0, width, height))
        saved = texture.save_to_png(path)
    if not saved:
        raise RuntimeError('cannot write ' + path)
    return width, height


class SelfTest:
    """Drives a WalkerWindow like a user would and records the result."""

    def __init__(self, app, window, args):
        self.app = app
        self.window = window
        self.args = args
        self.status = 1
        self.cancel_clicked = False
        self.batches = 0
        window.on_batch = self.on_batch
        window.on_stopped = self.on_stopped
        GLib.timeout_add_seconds(args.timeout, self.on_timeout)
        # Start once the window is on screen.
        self.frames = 0
        window.add_tick_callback(self.start_tick)

    def log(self, message):
        print('gtk-walker self-test: ' + message, flush=True)

    def start_tick(self, widget, clock):
        self.frames += 1
        if self.frames < 2:
            return GLib.SOURCE_CONTINUE
        self.log('window mapped (%dx%d), clicking Walk'
                 % (widget.get_width(), widget.get_height()))
        self.window.walk_button.emit('clicked')
        return GLib.SOURCE_REMOVE

    def on_batch(self, window):
        self.batches += 1
        n = window.store.get_n_items()
        if (self.args.cancel_after and not self.cancel_clicked
                and n >= self.args.cancel_after):
            self.cancel_clicked = True
            self.log('%d rows, clicking Cancel' % n)
            window.cancel_button.emit('clicked')

    def on_stopped(self, window):
        n = window.store.get_n_items()
        self.log('walk stopped: %s, %d rows in %d batches, status “%s”'
                 % (window.outcome, n, self.batches, window.status.get_label()))
        want = self.args.expect
        if want is None:
            want = 'cancelled' if self.args.cancel_after else 'end'
        ok = (window.outcome == want and n >= self.args.min_rows
              and self.batches >= self.args.min_batches)
        if not ok:
            self.log('FAIL: wanted outcome %s, at least %d rows and %d batches'
                     % (want, self.args.min_rows, self.args.min_batches))
        # Let the list draw the last batch before taking the screenshot.
        frames = [0]

        def tick(widget, clock):
            frames[0] += 1
            if frames[0] < 3:
                return GLib.SOURCE_CONTINUE
            self.finish(0 if ok else 1)
            return GLib.SOURCE_REMOVE
        window.add_tick_callback(tick)
        window.queue_draw()

    def finish(self, status):
        try:
            w, h = save_screenshot(self.window, self.args.output)
            self.log('screenshot %s (%dx%d)' % (self.args.output, w, h))
        except Exception as e:  # noqa: BLE001 - any failure fails the test
            self.log('FAIL: screenshot: %s' % e)
            status = 1
        self.status = status
        self.app.quit()

    def on_timeout(self):
        self.log('FAIL: timed out after %d s' % self.args.timeout)
        if self.window.cancellable is not None:
            self.window.cancellable.cancel()
        self.status = 2
        try:
            save_screenshot(self.window, self.args.output)
        except Exception:  # noqa: BLE001
            pass
        self.app.quit()
        return GLib.SOURCE_REMOVE


def parse_args(argv):
    p = argparse.ArgumentParser(description='Walk an SNMP agent in a GTK 4 window.')
    p.add_argument('--agent', default='udp:127.0.0.1:161')
    p.add_argument('--root', default='1.3.6.1.2.1')
    p.add_argument('--version', default='SNMPv2c', help='SNMPv1, SNMPv2c or SNMPv3')
    p.add_argument('--community', default='public')
    p.add_argument('--user', help='an SNMPv3 user (selects SNMPv3)')
    p.add_argument('--level', default='authPriv')
    p.add_argument('--auth-protocol', default='SHA')
    p.add_argument('--auth-pass', default='')
    p.add_argument('--priv-protocol', default='AES')
    p.add_argument('--priv-pass', default='')
    p.add_argument('--self-test', nargs=2, metavar=('AGENT', 'OUTPUT.png'))
    p.add_argument('--min-rows', type=int, default=10)
    p.add_argument('--min-batches', type=int, default=0)
    p.add_argument('--cancel-after', type=int, default=0, metavar='N')
    p.add_argument('--expect', choices=('end', 'cancelled', 'error'),
                   help='how the self-test walk must stop (default: end, or '
                   'cancelled with --cancel-after)')
    p.add_argument('--timeout', type=int, default=60, metavar='SECONDS')
    args = p.parse_args(argv)
    args.output = None
    if args.self_test:
        args.agent, args.output = args.self_test
    return args


def main():
    args = parse_args(sys.argv[1:])
    app = Gtk.Application(application_id='org.gsnmp.GtkWalker',
                          flags=Gio.ApplicationFlags.NON_UNIQUE)
    state = {}

    def on_activate(app):
        window = WalkerWindow(app, args)
        if args.self_test:
            state['test'] = SelfTest(app, window, args)
        window.present()

    app.connect('activate', on_activate)
    status = app.run([sys.argv[0]])
    if args.self_test:
        return state['test'].status if 'test' in state else 1
    return status


if __name__ == '__main__':
    sys.exit(main())
