# Gsnmp.py - PyGObject overrides for gsnmp
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Installed into PyGObject's overrides directory (gi/overrides), as GTK and
# GStreamer install theirs; `from gi.repository import Gsnmp` loads it.
# What it adds to the typelib's API:
#
# - native values: `varbind.value` is bytes (OCTET STRING, Opaque), int
#   (INTEGER, Counter32, Gauge32, TimeTicks, Counter64), str (IpAddress,
#   OBJECT IDENTIFIER) or None (NULL and the exceptions noSuchObject,
#   noSuchInstance, endOfMibView; `varbind.is_exception()` tells them apart);
#   `varbind.oid` and `varbind.type`; `oid, value = varbind`;
# - Oid and Varbind compare by value, hash (usable as dict keys and in sets),
#   print (`str()` is the dotted OID or Net-SNMP's `OID = TYPE: value`) and
#   repr; `Gsnmp.Oid('1.3.6.1.2.1.1.1.0')` and OIDs given as strings wherever
#   a call takes Gsnmp.Oid;
# - `for vb in pdu`, `len(pdu)`, `pdu[i]`; `for vb in walk` (synchronous) and
#   `async for vb in walk` (asyncio);
# - awaitables: every `_async` method called without a callback returns an
#   asyncio future, e.g. `pdu = await engine.get_async(target, oids)`, in a
#   plain `asyncio.run(main())` program: while such a future is pending the
#   engine's GLib main context is driven from asyncio's event loop (its file
#   descriptors are watched with loop.add_reader(), its timeouts with
#   loop.call_later()). Cancelling the future cancels the request;
# - an exception that escapes a callback given to an `_async` method prints
#   its traceback and ends the program with status 1 (SystemExit), as it
#   would in a synchronous script, instead of being printed and forgotten
#   while a main loop waits forever.

import asyncio
import ctypes
import functools
import sys
import traceback

from ..module import get_introspection_module
from ..overrides import override
from gi.repository import GLib, Gio

Gsnmp = get_introspection_module('Gsnmp')

__all__ = []


# ---------------------------------------------------------------------------
# OIDs

def _to_oid(value):
    if isinstance(value, Gsnmp.Oid):
        return value
    if isinstance(value, str):
        return Gsnmp.Oid.new_from_string(value)
    return Gsnmp.Oid.new(list(value))


class Oid(Gsnmp.Oid):
    """An object identifier: `Gsnmp.Oid('1.3.6.1.2.1.1.1.0')`,
    `Gsnmp.Oid([1, 3, 6, 1])`. Compares with Oids and strings, hashes by
    value, iterates over its sub-identifiers."""

    def __new__(cls, value):
        return _to_oid(value)

    def __init__(self, *args, **kwargs):
        pass

    def __eq__(self, other):
        if isinstance(other, (Gsnmp.Oid, str)):
            try:
                return self.equal(_to_oid(other))
            except GLib.Error:
                return False
        return NotImplemented

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __lt__(self, other):
        return self.compare(_to_oid(other)) < 0

    def __le__(self, other):
        return self.compare(_to_oid(other)) <= 0

    def __gt__(self, other):
        return self.compare(_to_oid(other)) > 0

    def __ge__(self, other):
        return self.compare(_to_oid(other)) >= 0

    def __hash__(self):
        return hash(tuple(self.get_ids()))

    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return "Gsnmp.Oid('%s')" % self.to_string()

    def __len__(self):
        return self.get_length()

    def __iter__(self):
        return iter(self.get_ids())

    def __getitem__(self, index):
        return self.get_ids()[index]

    def __contains__(self, other):
        """`child in root`: whether @other is in the subtree of this OID."""
        return _to_oid(other).has_prefix(self)


Oid = override(Oid)
__all__.append('Oid')


# ---------------------------------------------------------------------------
# Varbinds

_VT = Gsnmp.ValueType
_UNSIGNED = (_VT.COUNTER32, _VT.GAUGE32, _VT.TIMETICKS)
_OCTETS = (_VT.OCTET_STRING, _VT.OPAQUE)


def _native(vb):
    t = vb.get_value_type()
    if t == _VT.INTEGER:
        return vb.get_integer()
    if t in _OCTETS:
        return bytes(vb.get_octets() or b'')
    if t in _UNSIGNED:
        return vb.get_unsigned()
    if t == _VT.COUNTER64:
        return vb.get_counter64()
    if t == _VT.OBJECT_ID:
        return vb.get_oid_value().to_string()
    if t == _VT.IP_ADDRESS:
        return vb.get_ip_address().to_string()
    return None   # NULL and the exceptions


class Varbind(Gsnmp.Varbind):
    """A variable binding. `vb.oid`, `vb.type` and `vb.value` (a native
    Python value); `oid, value = vb`; `str(vb)` is Net-SNMP's format."""

    @property
    def oid(self):
        return self.get_oid()

    @property
    def type(self):
        return self.get_value_type()

    @property
    def value(self):
        return _native(self)

    def __iter__(self):
        return iter((self.get_oid(), _native(self)))

    def __eq__(self, other):
        if not isinstance(other, Gsnmp.Varbind):
            return NotImplemented
        return (self.get_oid().equal(other.get_oid()) and
                self.get_value_type() == other.get_value_type() and
                _native(self) == _native(other))

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self):
        return hash((tuple(self.get_oid().get_ids()), int(self.get_value_type()), _native(self)))

    def __str__(self):
        return self.to_string()

    def __repr__(self):
        return '<Gsnmp.Varbind %s %s %r>' % (self.get_oid().to_string(),
                                             self.get_value_type().value_nick,
                                             _native(self))


Varbind = override(Varbind)
__all__.append('Varbind')


# ---------------------------------------------------------------------------
# PDUs, walks, tables

class Pdu(Gsnmp.Pdu):
    """`for vb in pdu`, `len(pdu)`, `pdu[i]`."""

    def __iter__(self):
        return iter(self.get_varbinds())

    def __len__(self):
        return self.get_n_varbinds()

    def __bool__(self):
        # a PDU is a PDU even without variable bindings
        return True

    def __getitem__(self, index):
        return self.get_varbinds()[index]

    def __repr__(self):
        return '<Gsnmp.Pdu %s request-id=%d error-status=%d error-index=%d %r>' % (
            self.get_pdu_type().value_nick, self.get_request_id(),
            self.get_error_status(), self.get_error_index(), self.get_varbinds())


Pdu = override(Pdu)
__all__.append('Pdu')


class Walk(Gsnmp.Walk):
    """`for vb in walk` runs the walk synchronously, batch by batch;
    `async for vb in walk` awaits each batch."""

    def __iter__(self):
        while True:
            batch = self.next(None)
            if not batch:
                return
            yield from batch

    async def _aiter(self):
        while True:
            batch = await self.next_async()
            if not batch:
                return
            for vb in batch:
                yield vb

    def __aiter__(self):
        return self._aiter()


Walk = override(Walk)
__all__.append('Walk')


# ---------------------------------------------------------------------------
# Driving a GLib main context from asyncio's event loop

_glib = ctypes.CDLL('libglib-2.0.so.0')
_glib.g_main_context_acquire.argtypes = [ctypes.c_void_p]
_glib.g_main_context_acquire.restype = ctypes.c_int
_glib.g_main_context_release.argtypes = [ctypes.c_void_p]
_glib.g_main_context_release.restype = None
_glib.g_main_context_prepare.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
_glib.g_main_context_prepare.restype = ctypes.c_int


class _PollFD(ctypes.Structure):
    _fields_ = [('fd', ctypes.c_int), ('events', ctypes.c_ushort), ('revents', ctypes.c_ushort)]


_glib.g_main_context_query.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.POINTER(ctypes.c_int),
                                       ctypes.POINTER(_PollFD), ctypes.c_int]
_glib.g_main_context_query.restype = ctypes.c_int

_G_IO_IN = GLib.IOCondition.IN | GLib.IOCondition.PRI | GLib.IOCondition.HUP | GLib.IOCondition.ERR
_G_IO_OUT = GLib.IOCondition.OUT


def _context_pointer(context):
    # PyGObject hashes a boxed value by its C pointer
    return hash(context) & ((1 << (8 * ctypes.sizeof(ctypes.c_void_p))) - 1)


class _ContextDriver:
    """Runs a GLib main context from an asyncio event loop while something
    holds it: watches the context's file descriptors with add_reader() /
    add_writer() and its next timeout with call_later(), and iterates the
    context (without blocking) when one fires."""

    def __init__(self, loop, context):
        self.loop = loop
        self.context = context
        self.pointer = _context_pointer(context)
        self.holds = 0
        self.readers = set()
        self.writers = set()
        self.timer = None
        self.scheduled = False
        self.fds = (_PollFD * 16)()

    def hold(self):
        self.holds += 1
        self.schedule()

    def release(self):
        self.holds -= 1
        self.schedule()

    def schedule(self):
        if not self.scheduled and not self.loop.is_closed():
            self.scheduled = True
            self.loop.call_soon(self.run)

    def run(self):
        self.scheduled = False
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        # Dispatch what is ready; a bounded number of rounds so that
        # asyncio's own callbacks get their turn
        for _ in range(64):
            if not self.context.iteration(False):
                break
        if self.holds > 0:
            self.arm()
        else:
            self.watch({}, {})

    def arm(self):
        if not _glib.g_main_context_acquire(self.pointer):
            # Another thread runs this context: it will dispatch for us
            self.watch({}, {})
            self.timer = self.loop.call_later(0.01, self.schedule)
            return
        try:
            priority = ctypes.c_int(0)
            ready = _glib.g_main_context_prepare(self.pointer, ctypes.byref(priority))
            timeout = ctypes.c_int(-1)
            while True:
                n = _glib.g_main_context_query(self.pointer, priority.value, ctypes.byref(timeout),
                                               self.fds, len(self.fds))
                if n <= len(self.fds):
                    break
                self.fds = (_PollFD * n)()
        finally:
            _glib.g_main_context_release(self.pointer)
        readers = set()
        writers = set()
        for i in range(n):
            fd, events = self.fds[i].fd, self.fds[i].events
            if events & _G_IO_IN:
                readers.add(fd)
            if events & _G_IO_OUT:
                writers.add(fd)
        self.watch(readers, writers)
        if ready:
            self.schedule()
        elif timeout.value >= 0:
            self.timer = self.loop.call_later(timeout.value / 1000.0, self.schedule)

    def watch(self, readers, writers):
        for fd in self.readers - set(readers):
            self.loop.remove_reader(fd)
        for fd in set(readers) - self.readers:
            self.loop.add_reader(fd, self.schedule)
        for fd in self.writers - set(writers):
            self.loop.remove_writer(fd)
        for fd in set(writers) - self.writers:
            self.loop.add_writer(fd, self.schedule)
        self.readers = set(readers)
        self.writers = set(writers)


_drivers = {}


def _driver(loop, context):
    key = (id(loop), _context_pointer(context))
    driver = _drivers.get(key)
    if driver is None or driver.loop is not loop:
        # forget drivers of closed loops
        for k in [k for k, d in _drivers.items() if d.loop.is_closed()]:
            del _drivers[k]
        driver = _drivers[key] = _ContextDriver(loop, context)
    return driver


# ---------------------------------------------------------------------------
# Callbacks and awaitables for the _async methods

def _callback_exited(callback):
    """Wraps a callback so that an exception escaping it ends the program
    (with its traceback), instead of leaving a main loop waiting forever."""
    @functools.wraps(callback)
    def wrapper(*args):
        try:
            return callback(*args)
        except SystemExit:
            raise
        except BaseException:
            traceback.print_exc()
            print('gsnmp: an exception escaped a callback; exiting', file=sys.stderr)
            raise SystemExit(1)
    return wrapper


def _visible_args(info):
    """Names of the Python-visible arguments of a method, in order."""
    args = info.get_arguments()
    hidden = set()
    for a in args:
        length = a.get_type().get_array_length()
        if length >= 0:
            hidden.add(length)
        if a.get_closure() >= 0:
            hidden.add(a.get_closure())
        if a.get_destroy() >= 0:
            hidden.add(a.get_destroy())
    # direction 1 is GI_DIRECTION_OUT: returned, not passed
    return [a.get_name() for i, a in enumerate(args)
            if i not in hidden and a.get_direction() != 1]


def _oid_converters(info, names):
    """For each visible argument that takes a Gsnmp.Oid or an array of them,
    a function that also accepts strings."""
    by_name = {a.get_name(): a for a in info.get_arguments()}
    converters = {}
    for i, name in enumerate(names):
        t = by_name[name].get_type()
        if t.get_tag_as_string() == 'array':
            t = t.get_param_type(0)
            is_array = True
        else:
            is_array = False
        if t.get_tag_as_string() != 'interface':
            continue
        iface = t.get_interface()
        if iface.get_namespace() != 'Gsnmp' or iface.get_name() != 'Oid':
            continue
        if is_array:
            converters[i] = lambda v: None if v is None else [_to_oid(x) for x in v]
        else:
            converters[i] = lambda v: None if v is None else _to_oid(v)
    return converters


def _convert(converters, names, args, kwargs):
    if not converters:
        return args, kwargs
    args = list(args)
    for i, conv in converters.items():
        if i < len(args):
            args[i] = conv(args[i])
        elif names[i] in kwargs:
            kwargs[names[i]] = conv(kwargs[names[i]])
    return args, kwargs


def _engine_of(obj):
    return obj if isinstance(obj, Gsnmp.Engine) else obj.get_engine()


def _wrap_async(cls, name):
    info = getattr(cls, name)
    finish = getattr(cls, name[:-len('_async')] + '_finish')
    names = _visible_args(info)
    callback_at = names.index('callback')
    cancellable_at = names.index('cancellable')
    converters = _oid_converters(info, names)

    def method(self, *args, **kwargs):
        args, kwargs = _convert(converters, names, args, kwargs)
        callback = kwargs.pop('callback', args[callback_at] if len(args) > callback_at else None)
        if callback is not None:
            args = list(args[:callback_at]) + [_callback_exited(callback)] + list(args[callback_at + 1:])
            return info(self, *args, **kwargs)

        # No callback: return an asyncio future
        args = list(args[:callback_at])
        cancellable = kwargs.pop('cancellable', None)
        if len(args) > cancellable_at:
            cancellable = args[cancellable_at]
        else:
            args += [None] * (cancellable_at + 1 - len(args))
        if kwargs:
            raise TypeError('%s() got unexpected keyword arguments %s' % (name, list(kwargs)))
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise RuntimeError('%s() without a callback returns an awaitable and needs a '
                               'running asyncio event loop; outside asyncio pass a callback '
                               'or use the synchronous form (%s())'
                               % (name, name[:-len('_async')])) from None
        if cancellable is None:
            cancellable = Gio.Cancellable()
        args[cancellable_at] = cancellable
        future = loop.create_future()
        driver = _driver(loop, _engine_of(self).get_main_context())

        def done(source, result, *user_data):
            try:
                value = finish(source, result)
            except GLib.Error as e:
                if not future.done():
                    future.set_exception(e)
            except BaseException as e:  # noqa: B036 (handed to the awaiting task)
                if not future.done():
                    future.set_exception(e)
            else:
                if not future.done():
                    future.set_result(value)
            finally:
                driver.release()

        def on_future_done(f):
            if f.cancelled():
                cancellable.cancel()

        future.add_done_callback(on_future_done)
        driver.hold()
        try:
            info(self, *args, done)
        except BaseException:
            driver.release()
            raise
        return future

    method.__name__ = name
    method.__doc__ = ('%s(...): called with a callback, as the C function; called without '
                      'one inside asyncio, returns a future to await.' % name)
    setattr(cls, name, method)


def _wrap_sync(cls, name):
    info = getattr(cls, name)
    names = _visible_args(info)
    converters = _oid_converters(info, names)
    if not converters:
        return

    def method(self, *args, **kwargs):
        args, kwargs = _convert(converters, names, args, kwargs)
        return info(self, *args, **kwargs)

    method.__name__ = name
    method.__doc__ = getattr(info, '__doc__', None)
    setattr(cls, name, method)


class Engine(Gsnmp.Engine):
    """The local SNMP entity. `Gsnmp.Engine()` opens it. Requests have a
    synchronous form (`engine.get(target, oids)`), a callback form and an
    awaitable form (`await engine.get_async(target, oids)`)."""


Engine = override(Engine)
__all__.append('Engine')

for _cls in (Engine, Walk):
    for _name in dir(Gsnmp.Engine if _cls is Engine else Gsnmp.Walk):
        if _name.endswith('_async') and hasattr(_cls, _name[:-len('_async')] + '_finish'):
            _wrap_async(_cls, _name)
for _name in ('get', 'get_next', 'get_bulk', 'get_table', 'get_table_columns',
              'send_trap', 'send_inform', 'send_v1_trap', 'notify', 'walk', 'discover'):
    if hasattr(Gsnmp.Engine, _name) and hasattr(getattr(Gsnmp.Engine, _name), 'get_arguments'):
        _wrap_sync(Engine, _name)
