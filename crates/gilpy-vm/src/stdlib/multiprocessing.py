"""Processes, pools, queues and shared state, on _multiprocessing as CPython's are on its C parts.

Every process is a separate interpreter started with the "spawn" method: the main module is
imported again in the child, so code outside `if __name__ == "__main__":` runs there too.
Arguments, results and queue items are serialized on the way (the cost is real).
"""

import _multiprocessing
import os
import threading
import queue as _queue
import sys
import time as _time

# multiprocessing's own errors: its TimeoutError is not the built-in one, so `except
# TimeoutError:` does not catch what `AsyncResult.get(timeout=...)` raises, as in CPython.
class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


for _cls in (ProcessError, BufferTooShort, TimeoutError, AuthenticationError):
    _cls.__module__ = "multiprocessing.context"
del _cls


_start_method = None
_process_counter = 0


def get_start_method(allow_none=False):
    if _start_method is None and allow_none:
        return None
    return _start_method or "spawn"


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError("context has already been set")
    if method not in ("spawn", "fork", "forkserver", None):
        raise ValueError("cannot find context for %r" % (method,))
    if method in ("fork", "forkserver"):
        raise ValueError(
            "gilpy starts processes with 'spawn' only: %r would copy the parent's memory, "
            "which a browser cannot do" % (method,))
    _start_method = method


def get_all_start_methods():
    return ["spawn"]


def get_context(method=None):
    """The one context there is: this module (spawn)."""
    if method is not None and method != "spawn":
        set_start_method(method, force=True)
    import multiprocessing
    return multiprocessing


def cpu_count():
    count = _multiprocessing.cpu_count()
    if count is None:
        raise NotImplementedError("cannot determine number of cpus")
    return count


def freeze_support():
    pass


class Process:
    """A process: run() in a new interpreter once start() is called."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        global _process_counter
        _process_counter += 1
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs) if kwargs else {}
        self._name = name if name is not None else "%s-%d" % (type(self).__name__, _process_counter)
        self.daemon = bool(daemon)
        self._handle = None

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._handle is not None:
            raise AssertionError("cannot start a process twice")
        if type(self).run is Process.run:
            self._handle = _multiprocessing.start_process(
                self._target, self._args, self._kwargs, self._name)
        else:
            # A subclass with its own run(): the child rebuilds the object and calls it.
            self._handle = _multiprocessing.start_process(_run_process_object, (self,), {}, self._name)
        _children.append(self)
        _register_exit_hook()

    def join(self, timeout=None):
        if self._handle is None:
            raise AssertionError("can only join a started process")
        self._handle.join(timeout)

    def is_alive(self):
        return self._handle is not None and self._handle.exitcode() is None

    def terminate(self):
        if self._handle is not None:
            self._handle.terminate()

    def kill(self):
        if self._handle is not None:
            self._handle.kill()

    def close(self):
        pass

    @property
    def exitcode(self):
        if self._handle is None:
            return None
        return self._handle.exitcode()

    @property
    def pid(self):
        return None if self._handle is None else self._handle.pid()

    ident = pid

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        self._name = name

    def __repr__(self):
        if self._handle is None:
            status = "initial"
        elif self.exitcode is None:
            status = "started"
        else:
            status = "stopped exitcode=%s" % self.exitcode
        return "<%s name=%r %s>" % (type(self).__name__, self._name, status)


def _run_process_object(process):
    process._handle = None
    process.run()


_children = []


class _CurrentProcess:
    @property
    def name(self):
        return _multiprocessing.process_name()

    @name.setter
    def name(self, name):
        _multiprocessing.set_process_name(name)

    @property
    def pid(self):
        return os.getpid()

    ident = pid
    daemon = False

    def __repr__(self):
        return "<_MainProcess name=%r parent=None started>" % self.name \
            if self.name == "MainProcess" else "<Process name=%r started>" % self.name


def current_process():
    return _CurrentProcess()


def parent_process():
    return None


def active_children():
    return [p for p in _children if p.is_alive()]


# ---- queues and pipes ----

class Queue:
    """A queue between processes; items are serialized on put and rebuilt on get."""

    def __init__(self, maxsize=0):
        self._channel = _multiprocessing.Channel()
        self._maxsize = maxsize
        # Held while a put checks for room and adds, so that two putters never both take
        # the last place (CPython counts the places with a semaphore).
        self._put_lock = _multiprocessing.SemLock()

    def put(self, obj, block=True, timeout=None):
        if self._maxsize <= 0:
            self._channel.put(obj)
            return
        deadline = None if timeout is None else _time.monotonic() + timeout
        while True:
            with self._put_lock:
                if self._channel.qsize() < self._maxsize:
                    self._channel.put(obj)
                    return
            if not block or (deadline is not None and _time.monotonic() >= deadline):
                raise _queue.Full
            _time.sleep(0.001)

    def put_nowait(self, obj):
        self.put(obj, False)

    def get(self, block=True, timeout=None):
        if not block:
            timeout = 0
        got, obj = self._channel.get(timeout)
        if not got:
            raise _queue.Empty
        return obj

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return self._channel.qsize()

    def empty(self):
        return self._channel.qsize() == 0

    def full(self):
        return 0 < self._maxsize <= self._channel.qsize()

    def close(self):
        pass

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


SimpleQueue = Queue


class JoinableQueue(Queue):
    def __init__(self, maxsize=0):
        super().__init__(maxsize)
        self._unfinished = Value("i", 0)
        self._done = _multiprocessing.Channel()

    def put(self, obj, block=True, timeout=None):
        with self._unfinished.get_lock():
            self._unfinished.value += 1
        try:
            super().put(obj, block, timeout)
        except _queue.Full:
            with self._unfinished.get_lock():
                self._unfinished.value -= 1
            raise

    def task_done(self):
        with self._unfinished.get_lock():
            if self._unfinished.value <= 0:
                raise ValueError("task_done() called too many times")
            self._unfinished.value -= 1
            if self._unfinished.value == 0:
                self._done.put(True)

    def join(self):
        while self._unfinished.value:
            self._done.get(0.05)


class Connection:
    """One end of a Pipe."""

    def __init__(self, incoming, outgoing):
        self._incoming = incoming
        self._outgoing = outgoing
        self.closed = False

    def _check_open(self):
        if self.closed:
            raise OSError("handle is closed")

    def send(self, obj):
        self._check_open()
        if self._outgoing is None:
            raise OSError("connection is read-only")
        self._outgoing.put(obj)

    def recv(self):
        self._check_open()
        if self._incoming is None:
            raise OSError("connection is write-only")
        got, obj = self._incoming.get(None)
        return obj

    def poll(self, timeout=0.0):
        self._check_open()
        return self._incoming is not None and self._incoming.qsize() > 0

    def close(self):
        self.closed = True


def Pipe(duplex=True):
    a_to_b = _multiprocessing.Channel()
    if not duplex:
        return Connection(a_to_b, None), Connection(None, a_to_b)
    b_to_a = _multiprocessing.Channel()
    return Connection(b_to_a, a_to_b), Connection(a_to_b, b_to_a)


# ---- shared state ----

def Lock():
    return _multiprocessing.SemLock()


class RLock:
    """A lock between processes that its owner (a thread of a process) may take again."""

    def __init__(self):
        self._lock = _multiprocessing.SemLock()
        # Who holds it, as one number (process id and thread), and how many times.
        self._owner = _multiprocessing.SharedCell(0)
        self._depth = _multiprocessing.SharedCell(0)

    @staticmethod
    def _me():
        return os.getpid() * (1 << 32) + threading.get_ident() % (1 << 32) + 1

    def _is_mine(self):
        return self._owner.get() == self._me()

    def _count(self):
        return self._depth.get() if self._is_mine() else 0

    def acquire(self, block=True, timeout=None):
        if self._is_mine():
            self._depth.set(self._depth.get() + 1)
            return True
        if not block or timeout is None:
            taken = self._lock.acquire(block)
        else:
            taken = self._lock.acquire(True, timeout)
        if taken:
            self._owner.set(self._me())
            self._depth.set(1)
        return taken

    def release(self):
        if not self._is_mine():
            raise AssertionError("attempt to release recursive lock not owned by thread")
        depth = self._depth.get() - 1
        self._depth.set(depth)
        if depth == 0:
            self._owner.set(0)
            self._lock.release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


class Semaphore:
    """A counter between processes: acquire() takes one (waiting while it is zero), release()
    gives one back. The count is tokens in a channel, so a waiter sleeps until one comes."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._tokens = _multiprocessing.Channel()
        for _ in range(value):
            self._tokens.put(None)

    def acquire(self, block=True, timeout=None):
        got, _ = self._tokens.get(timeout if block else 0)
        return got

    def release(self):
        self._tokens.put(None)

    def get_value(self):
        return self._tokens.qsize()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()


class BoundedSemaphore(Semaphore):
    """A Semaphore that refuses to be released above its initial value."""

    def __init__(self, value=1):
        super().__init__(value)
        self._bound = value
        self._release_lock = _multiprocessing.SemLock()

    def release(self):
        with self._release_lock:
            if self._tokens.qsize() >= self._bound:
                raise ValueError("semaphore or lock released too many times")
            self._tokens.put(None)


class Condition:
    """A condition variable between processes, as CPython's `multiprocessing.synchronize`
    builds it from semaphores: who sleeps, who woke, and the one sleepers wait on."""

    def __init__(self, lock=None):
        self._lock = lock if lock is not None else RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)

    def acquire(self, block=True, timeout=None):
        if not block or timeout is None:
            return self._lock.acquire(block)
        return self._lock.acquire(True, timeout)

    def _check_owned(self, message):
        if isinstance(self._lock, RLock) and not self._lock._is_mine():
            raise AssertionError(message)

    def release(self):
        return self._lock.release()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *exc):
        return self._lock.__exit__(*exc)

    def wait(self, timeout=None):
        self._check_owned("must acquire() condition before using wait()")
        self._sleeping_count.release()
        # Let go of the lock entirely, however many times an RLock's owner took it.
        count = self._lock._count() if isinstance(self._lock, RLock) else 1
        for _ in range(count):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()
            for _ in range(count):
                self._lock.acquire()

    def notify(self, n=1):
        self._check_owned("lock is not owned")
        # Sleepers that timed out since the last notify count no more.
        while self._woken_count.acquire(False):
            self._sleeping_count.acquire(False)
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            sleepers += 1
        if sleepers:
            for _ in range(sleepers):
                self._woken_count.acquire()
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(sys.maxsize)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else _time.monotonic() + timeout
        waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - _time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event:
    """A flag between processes that waiters sleep on until it is set (CPython's: a Condition
    and a Semaphore that holds one token while the flag is set)."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False


class Barrier(threading.Barrier):
    """threading.Barrier between processes: its state and count live in shared memory and its
    condition is a process Condition, as in CPython."""

    def __init__(self, parties, action=None, timeout=None):
        self._shared = (_multiprocessing.SharedCell(0), _multiprocessing.SharedCell(0))
        super().__init__(parties, action, timeout)
        self._cond = Condition()

    @property
    def _state(self):
        return self._shared[0].get()

    @_state.setter
    def _state(self, value):
        self._shared[0].set(value)

    @property
    def _count(self):
        return self._shared[1].get()

    @_count.setter
    def _count(self, value):
        self._shared[1].set(value)


# The C types of the typecodes: name, and for integers their bits and signedness.
_C_TYPES = {
    "b": ("byte", 8, True), "B": ("ubyte", 8, False), "h": ("short", 16, True),
    "H": ("ushort", 16, False), "i": ("int", 32, True), "I": ("uint", 32, False),
    "l": ("long", 64, True), "L": ("ulong", 64, False), "q": ("long", 64, True),
    "Q": ("ulong", 64, False), "f": ("float", 0, True), "d": ("double", 0, True),
}


def _c_value(typecode, value):
    """`value` as a C variable of `typecode` holds it, as ctypes converts: floats for "f" and
    "d", integers wrapped to their width, one byte for "c", one character for "u", and a
    TypeError for the wrong kind."""
    if typecode == "c":
        if isinstance(value, int) and 0 <= value < 256:
            return bytes([value])
        if isinstance(value, bytes) and len(value) == 1:
            return value
        raise TypeError("one character bytes, bytearray or integer expected")
    if typecode == "u":
        if isinstance(value, str) and len(value) == 1:
            return value
        raise TypeError("one character unicode string expected")
    name, bits, signed = _C_TYPES.get(typecode, (None, 0, True))
    if name is None:
        return value
    if not bits:
        if not isinstance(value, (int, float)):
            raise TypeError("must be real number, not %s" % type(value).__name__)
        return float(value)
    if not isinstance(value, int):
        if sys.version_info >= (3, 10):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(value).__name__)
        if isinstance(value, float):
            raise TypeError("int expected instead of float")
        raise TypeError("an integer is required (got type %s)" % type(value).__name__)
    value = int(value) & ((1 << bits) - 1)
    if signed and value >= 1 << (bits - 1):
        value -= 1 << bits
    return value


def _c_type_name(typecode):
    if typecode == "c":
        return "c_char"
    if typecode == "u":
        return "c_wchar"
    name = _C_TYPES.get(typecode, (None,))[0]
    if name is None:
        raise TypeError("unsupported typecode %r (gilpy has %s)"
                        % (typecode, ", ".join(sorted(_C_TYPES) + ["c", "u"])))
    return "c_" + name


def _c_zero(typecode):
    return b"\x00" if typecode == "c" else "\x00" if typecode == "u" else 0


class _SharedCValue:
    """A C value in shared memory, as ctypes makes one (`c_int(5)`); `value` reads and
    writes it."""

    def __init__(self, typecode, cell):
        self._typecode = typecode
        self._cell = cell

    @property
    def value(self):
        return self._cell.get()

    @value.setter
    def value(self, value):
        self._cell.set(_c_value(self._typecode, value))

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.value)

    def __reduce__(self):
        return _rebuild_c_value, (self._typecode, self._cell)


class _SharedCArray:
    """A fixed-length C array in shared memory (`c_int_Array_3`)."""

    def __init__(self, typecode, cells):
        self._typecode = typecode
        self._cells = cells

    def __len__(self):
        return len(self._cells)

    def _cell(self, index):
        if not -len(self._cells) <= index < len(self._cells):
            raise IndexError("invalid index")
        return self._cells[index]

    def __getitem__(self, index):
        if isinstance(index, slice):
            items = [cell.get() for cell in self._cells[index]]
            return b"".join(items) if self._typecode == "c" else items
        return self._cell(index).get()

    def __setitem__(self, index, value):
        if isinstance(index, slice):
            cells = self._cells[index]
            if len(value) != len(cells):
                raise ValueError("Can only assign sequence of same size")
            if self._typecode == "c":
                value = [bytes([b]) for b in value]
            for cell, item in zip(cells, value):
                cell.set(_c_value(self._typecode, item))
            return
        self._cell(index).set(_c_value(self._typecode, value))

    @property
    def value(self):
        """A char array's text, up to its first NUL."""
        if self._typecode != "c":
            raise AttributeError("'%s' object has no attribute 'value'" % type(self).__name__)
        return self[:].split(b"\x00")[0]

    def __repr__(self):
        return "<multiprocessing.sharedctypes.%s object at %s>" % (type(self).__name__, hex(id(self)))

    def __reduce__(self):
        return _rebuild_c_array, (self._typecode, self._cells)


_c_classes = {}


def _c_class(name, base):
    cls = _c_classes.get(name)
    if cls is None:
        cls = _c_classes[name] = type(name, (base,), {})
        cls.__module__ = "ctypes" if base is _SharedCValue else "multiprocessing.sharedctypes"
    return cls


def _rebuild_c_value(typecode, cell):
    return _c_class(_c_type_name(typecode), _SharedCValue)(typecode, cell)


def _rebuild_c_array(typecode, cells):
    name = "%s_Array_%d" % (_c_type_name(typecode), len(cells))
    return _c_class(name, _SharedCArray)(typecode, cells)


def RawValue(typecode_or_type, *args):
    """A C value in shared memory, without a lock."""
    _c_type_name(typecode_or_type)
    initial = _c_value(typecode_or_type, args[0] if args else _c_zero(typecode_or_type))
    return _rebuild_c_value(typecode_or_type, _multiprocessing.SharedCell(initial))


def RawArray(typecode_or_type, size_or_initializer):
    """A C array in shared memory, without a lock."""
    _c_type_name(typecode_or_type)
    if isinstance(size_or_initializer, int):
        initial = [_c_zero(typecode_or_type)] * size_or_initializer
    elif typecode_or_type == "c" and isinstance(size_or_initializer, bytes):
        initial = [bytes([b]) for b in size_or_initializer]
    else:
        initial = list(size_or_initializer)
    cells = [_multiprocessing.SharedCell(_c_value(typecode_or_type, v)) for v in initial]
    return _rebuild_c_array(typecode_or_type, cells)


class Synchronized:
    """A shared value with the lock that guards it: `with v.get_lock(): v.value += 1`."""

    def __init__(self, obj, lock=None):
        self._obj = obj
        self._lock = RLock() if lock is None else lock
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    # Each read or write takes the lock, as CPython's; `v.value += 1` still takes it twice,
    # so other processes may change the value between the read and the write.
    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, value):
        with self._lock:
            self._obj.value = value

    def __repr__(self):
        return "<%s wrapper for %s>" % (type(self).__name__, self._obj)


class SynchronizedArray(Synchronized):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, index):
        with self._lock:
            return self._obj[index]

    def __setitem__(self, index, value):
        with self._lock:
            self._obj[index] = value

    @property
    def value(self):
        with self._lock:
            return self._obj.value


def _synchronized(obj, lock, wrapper):
    if lock is False:
        return obj
    if lock in (True, None):
        lock = RLock()
    if not hasattr(lock, "acquire"):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return wrapper(obj, lock)


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A C value in shared memory with a lock (an RLock unless given one, none if False)."""
    return _synchronized(RawValue(typecode_or_type, *args), lock, Synchronized)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A C array in shared memory with a lock (an RLock unless given one, none if False)."""
    return _synchronized(RawArray(typecode_or_type, size_or_initializer), lock, SynchronizedArray)


# ---- managers ----

def _manager_serve(requests):
    """The manager's server process: it keeps the shared objects and runs the proxies' calls on
    them, in the order they arrive, as CPython's manager process does. A call that may wait (a
    lock, a queue, an event) runs on a thread of its own, so that it does not hold up the rest."""
    objects = {}
    while True:
        got, request = requests.get(None)
        if request is None:
            return
        reply, ident, method, args, kwargs = request
        if method in _MAY_WAIT:
            threading.Thread(target=_manager_call, daemon=True,
                             args=(objects, reply, ident, method, args, kwargs)).start()
        else:
            _manager_call(objects, reply, ident, method, args, kwargs)


# Methods of managed objects that may block until another process acts.
_MAY_WAIT = ("acquire", "__enter__", "get", "put", "wait", "join")


def _manager_call(objects, reply, ident, method, args, kwargs):
    try:
        if method == "#create":
            objects[ident] = _MANAGED_TYPES[args[0]](*args[1], **kwargs)
            result = None
        elif method == "#getattr":
            result = getattr(objects[ident], args[0])
        elif method == "#setattr":
            result = setattr(objects[ident], args[0], args[1])
        else:
            result = getattr(objects[ident], method)(*args, **kwargs)
            if type(result).__name__ in ("dict_keys", "dict_values", "dict_items"):
                # Views cannot cross processes; CPython's DictProxy gives lists too.
                result = list(result)
        reply.put((True, result))
    except Exception as exc:
        reply.put((False, exc))


class Namespace:
    """A bag of attributes (`Manager().Namespace()`)."""

    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ", ".join("%s=%r" % item for item in self.__dict__.items() if not item[0].startswith("_"))
        return "Namespace(%s)" % items


class _ManagedValue:
    def __init__(self, typecode, value, lock=True):
        self._typecode = typecode
        self.value = value

    def get(self):
        return self.value

    def set(self, value):
        self.value = value

    def __repr__(self):
        return "%s(%r, %r)" % (type(self).__name__, self._typecode, self.value)


_MANAGED_TYPES = {
    "dict": dict,
    "list": list,
    "Value": _ManagedValue,
    "Namespace": Namespace,
    "Lock": threading.Lock,
    "RLock": threading.Lock,
    "Semaphore": threading.Semaphore,
    "BoundedSemaphore": threading.BoundedSemaphore,
    "Event": threading.Event,
    "Queue": _queue.Queue,
    "JoinableQueue": _queue.Queue,
}


class BaseProxy:
    """Stands for an object in the manager's process: each method call goes there and its result
    comes back serialized, as with CPython's proxies."""

    def __init__(self, requests, ident, typeid):
        self._requests = requests
        self._id = ident
        self._typeid = typeid

    def _callmethod(self, methodname, args=(), kwds={}):
        reply = _multiprocessing.Channel()
        self._requests.put((reply, self._id, methodname, tuple(args), dict(kwds)))
        got, (ok, value) = reply.get(None)
        if not ok:
            raise value
        return value

    def __repr__(self):
        return "<%s object, typeid %r at 0x%x>" % (type(self).__name__, self._typeid, id(self))

    def __str__(self):
        return self._callmethod("__repr__")


def _proxy_methods(*names):
    """Proxy methods that forward a call of the same name."""
    def make(name):
        def method(self, *args, **kwds):
            return self._callmethod(name, args, kwds)
        method.__name__ = name
        return method
    return {name: make(name) for name in names}


DictProxy = type("DictProxy", (BaseProxy,), _proxy_methods(
    "__contains__", "__delitem__", "__getitem__", "__len__", "__setitem__", "clear", "copy",
    "get", "pop", "popitem", "setdefault", "update"))
DictProxy.keys = lambda self: list(self._callmethod("keys"))
DictProxy.values = lambda self: list(self._callmethod("values"))
DictProxy.items = lambda self: list(self._callmethod("items"))
DictProxy.__iter__ = lambda self: iter(self._callmethod("copy"))

ListProxy = type("ListProxy", (BaseProxy,), _proxy_methods(
    "__contains__", "__delitem__", "__getitem__", "__len__", "__setitem__", "append", "count",
    "extend", "index", "insert", "pop", "remove", "reverse", "sort"))
ListProxy.__iter__ = lambda self: iter(self._callmethod("copy"))
ListProxy.__iadd__ = lambda self, other: (self._callmethod("extend", (other,)), self)[1]

AcquirerProxy = type("AcquirerProxy", (BaseProxy,), _proxy_methods("acquire", "release"))
AcquirerProxy.__enter__ = lambda self: self._callmethod("acquire")
AcquirerProxy.__exit__ = lambda self, *exc: self._callmethod("release")

EventProxy = type("EventProxy", (BaseProxy,), _proxy_methods("is_set", "set", "clear", "wait"))

QueueProxy = type("QueueProxy", (BaseProxy,), _proxy_methods(
    "put", "get", "put_nowait", "get_nowait", "qsize", "empty", "full", "task_done", "join"))


class ValueProxy(BaseProxy):
    def get(self):
        return self._callmethod("get")

    def set(self, value):
        return self._callmethod("set", (value,))

    value = property(get, set)


class NamespaceProxy(BaseProxy):
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self._callmethod("#getattr", (name,))

    def __setattr__(self, name, value):
        if name.startswith("_"):
            return object.__setattr__(self, name, value)
        return self._callmethod("#setattr", (name, value))


class SyncManager:
    """`multiprocessing.Manager()`: a server process that holds shared objects, and proxies to
    them that any process may use."""

    def __init__(self):
        self._requests = _multiprocessing.Channel()
        self._process = None
        self._count = 0

    def start(self):
        self._process = Process(target=_manager_serve, args=(self._requests,), daemon=True)
        self._process.name = "SyncManager-%d" % _process_counter
        self._process.start()

    def shutdown(self):
        if self._process is not None and self._process.is_alive():
            self._requests.put(None)
            self._process.join()

    def __enter__(self):
        if self._process is None:
            self.start()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown()

    def _create(self, typeid, proxytype, *args, **kwds):
        self._count += 1
        ident = "%s-%d" % (typeid, self._count)
        proxy = proxytype(self._requests, ident, typeid)
        proxy._callmethod("#create", (typeid, args), kwds)
        return proxy

    def dict(self, *args, **kwds):
        return self._create("dict", DictProxy, *args, **kwds)

    def list(self, *args):
        return self._create("list", ListProxy, *args)

    def Value(self, typecode, value, lock=True):
        return self._create("Value", ValueProxy, typecode, value)

    def Namespace(self, **kwds):
        return self._create("Namespace", NamespaceProxy, **kwds)

    def Lock(self):
        return self._create("Lock", AcquirerProxy)

    def RLock(self):
        return self._create("RLock", AcquirerProxy)

    def Semaphore(self, value=1):
        return self._create("Semaphore", AcquirerProxy, value)

    def BoundedSemaphore(self, value=1):
        return self._create("BoundedSemaphore", AcquirerProxy, value)

    def Event(self):
        return self._create("Event", EventProxy)

    def Queue(self, maxsize=0):
        return self._create("Queue", QueueProxy, maxsize)

    JoinableQueue = Queue


def Manager():
    manager = SyncManager()
    manager.start()
    return manager


_exit_hook_registered = False


def _register_exit_hook():
    """CPython registers multiprocessing's exit hook with atexit as the first process starts
    (when `multiprocessing.util` is imported): the program's callbacks registered before that
    run after the children are joined, those registered after it, before."""
    global _exit_hook_registered
    if not _exit_hook_registered:
        _exit_hook_registered = True
        import _gilpy_atexit
        _gilpy_atexit.register(_shutdown)


def _shutdown():
    """At exit, as CPython's atexit hook: wait for non-daemon children, stop daemon ones."""
    for child in list(_children):
        if child.daemon:
            child.terminate()
        else:
            child.join()


# ---- pools ----

def _pool_worker(tasks, results, initializer, initargs, maxtasks=None):
    """A pool worker process: runs chunks of calls until told to stop (None), or until it has
    run `maxtasks` of them (the pool then starts another in its place)."""
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        completed += 1
        got, task = tasks.get(None)
        if task is None:
            return
        job, index, func, kind, chunk = task
        try:
            if kind == "star":
                value = [func(*args) for args in chunk]
            elif kind == "apply":
                args, kwds = chunk
                value = func(*args, **kwds)
            else:
                value = [func(x) for x in chunk]
            results.put((job, index, True, value))
        except Exception as exc:
            results.put((job, index, False, exc))


class AsyncResult:
    """The result of apply_async or map_async, once the workers have delivered it."""

    def __init__(self, pool, chunks, callback=None, error_callback=None, single=False):
        self._pool = pool
        self._event = threading.Event()
        self._parts = [None] * chunks
        self._left = chunks
        self._error = None
        self._callback = callback
        self._error_callback = error_callback
        self._single = single
        if chunks == 0:
            self._finish()

    def _deliver(self, index, ok, value):
        if not ok:
            if self._error is None:
                self._error = value
        else:
            self._parts[index] = value
        self._left -= 1
        if self._left == 0:
            self._finish()

    def _finish(self):
        if self._error is None and self._callback is not None:
            self._callback(self._value())
        if self._error is not None and self._error_callback is not None:
            self._error_callback(self._error)
        self._event.set()

    def _value(self):
        if self._single:
            return self._parts[0]
        return [item for part in self._parts for item in part]

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("%r not ready" % self)
        return self._error is None

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        if not self._event.wait(timeout):
            raise TimeoutError
        if self._error is not None:
            raise self._error
        return self._value()


class Pool:
    """Worker processes that take chunks of calls from one queue and return results on another."""

    def __init__(self, processes=None, initializer=None, initargs=(), maxtasksperchild=None):
        if processes is None:
            processes = cpu_count()
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        self._tasks = _multiprocessing.Channel()
        self._results = _multiprocessing.Channel()
        self._jobs = {}
        self._job_counter = 0
        self._state = "RUN"
        self._lock = threading.Lock()
        self._workers = []
        self._worker_args = (self._tasks, self._results, initializer, initargs, maxtasksperchild)
        for i in range(processes):
            self._start_worker()
        self._broken_error = RuntimeError("the pool's worker processes have all exited")
        self._break_on_crash = False
        # CPython's pool runs three handler threads (workers, tasks, results); ours is the
        # last of them, and the names of the other two are taken, so that later threads are
        # numbered as there.
        threading._new_thread_name(None)
        threading._new_thread_name(None)
        self._handler = threading.Thread(target=self._handle_results, daemon=True)
        self._handler.start()

    def _start_worker(self):
        # Named as CPython names them: the kind, then the process counter.
        worker = Process(target=_pool_worker, args=self._worker_args)
        worker.name = "SpawnPoolWorker-%d" % _process_counter
        # Daemons, as in CPython: finalization stops them instead of waiting for them.
        worker.daemon = True
        worker.start()
        self._workers.append(worker)

    def _maintain_pool(self):
        """Workers that ended after their `maxtasksperchild` tasks are replaced while there
        is work (CPython's `_maintain_pool`)."""
        if self._worker_args[-1] is None:
            return
        if self._state != "RUN" and not (self._jobs and self._state != "TERMINATE"):
            return
        for worker in list(self._workers):
            if worker.exitcode == 0:
                worker.join()
                self._workers.remove(worker)
                self._start_worker()

    def _handle_results(self):
        while True:
            got, item = self._results.get(0.05)
            self._maintain_pool()
            if not got:
                if self._state != "RUN" and not self._jobs:
                    return
                exits = [w.exitcode for w in self._workers]
                if self._jobs and (all(code is not None for code in exits) or (
                        self._break_on_crash and any(code not in (None, 0) for code in exits))):
                    # Every worker is gone (an error while they started, such as a missing
                    # main guard): CPython would wait forever; we fail the waiting calls. A
                    # ProcessPoolExecutor breaks as soon as one worker dies, as CPython's does.
                    error = self._broken_error
                    with self._lock:
                        jobs = list(self._jobs.values())
                        self._jobs.clear()
                    for result in jobs:
                        result._error = error
                        result._left = 0
                        result._finish()
                    return
                continue
            if item is None:
                return  # terminate() or join() ends the handler
            job, index, ok, value = item
            with self._lock:
                result = self._jobs.get(job)
            if result is None:
                continue
            result._deliver(index, ok, value)
            if result.ready():
                with self._lock:
                    self._jobs.pop(job, None)

    def _check_running(self):
        if self._state != "RUN":
            raise ValueError("Pool not running")

    def _submit(self, func, kind, chunks, callback=None, error_callback=None, single=False):
        self._check_running()
        with self._lock:
            self._job_counter += 1
            job = self._job_counter
            result = AsyncResult(self, len(chunks), callback, error_callback, single)
            if chunks:
                self._jobs[job] = result
        for index, chunk in enumerate(chunks):
            try:
                self._tasks.put((job, index, func, kind, chunk))
            except Exception as error:
                # CPython pickles the task in a handler thread: a call that cannot be
                # pickled (a lambda) fails its result, not the submitting call.
                result._deliver(index, False, error)
                if result.ready():
                    with self._lock:
                        self._jobs.pop(job, None)
        return result

    def _chunks(self, iterable, chunksize):
        items = list(iterable)
        if chunksize is None:
            # CPython's choice: about four chunks per worker.
            chunksize, extra = divmod(len(items), len(self._workers) * 4)
            if extra:
                chunksize += 1
        if not items:
            return []
        chunksize = max(1, chunksize)
        return [items[i:i + chunksize] for i in range(0, len(items), chunksize)]

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        return self._submit(func, "apply", [(tuple(args), dict(kwds))],
                            callback, error_callback, single=True)

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._submit(func, "map", self._chunks(iterable, chunksize), callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self.map_async(func, iterable, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._submit(func, "star", self._chunks(iterable, chunksize), callback, error_callback)

    def starmap(self, func, iterable, chunksize=None):
        return self.starmap_async(func, iterable, chunksize).get()

    def imap(self, func, iterable, chunksize=1):
        """Results in order, each as soon as it and those before it are in: an error raises
        when iteration reaches its item, as CPython's IMapIterator does."""
        jobs = [self.map_async(func, chunk, len(chunk))
                for chunk in self._chunks(iterable, chunksize)]

        def results():
            for job in jobs:
                yield from job.get()
        return results()

    def imap_unordered(self, func, iterable, chunksize=1):
        """Results as they come in, whatever the order of their items."""
        jobs = [self.map_async(func, chunk, len(chunk))
                for chunk in self._chunks(iterable, chunksize)]

        def results():
            pending = list(jobs)
            while pending:
                done = [job for job in pending if job.ready()]
                if not done:
                    pending[0].wait(0.005)
                    continue
                for job in done:
                    pending.remove(job)
                    yield from job.get()
        return results()

    def close(self):
        if self._state == "RUN":
            self._state = "CLOSE"
            for _ in self._workers:
                self._tasks.put(None)

    def terminate(self):
        self._state = "TERMINATE"
        for worker in self._workers:
            worker.terminate()
        self._stop_handler()

    def _stop_handler(self):
        # As CPython's terminate and join, which join the pool's handler threads.
        if self._handler.is_alive() and self._handler is not threading.current_thread():
            self._results.put(None)
            self._handler.join()

    def join(self):
        if self._state == "RUN":
            raise ValueError("Pool is still running")
        for worker in self._workers:
            worker.join()
        if not self._jobs:
            self._stop_handler()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()
