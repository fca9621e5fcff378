"""Threads and the synchronisation primitives, built on _thread as CPython's threading.py is.

Blocking waits all end in a _thread lock's acquire, which gives the GIL up while it waits.
"""

import _thread
import sys

# Loaded before any thread starts: threads calling `iter(f, sentinel)` at once must not find it
# half-made (gilpy's imports take no per-module lock yet).
import _gilpy_iteration
del _gilpy_iteration
from time import monotonic as _time

_allocate_lock = _thread.allocate_lock
get_ident = _thread.get_ident
get_native_id = _thread.get_ident
TIMEOUT_MAX = _thread.TIMEOUT_MAX
stack_size = _thread.stack_size
Lock = _thread.allocate_lock
ThreadError = RuntimeError

# Since 3.10 a thread's default name carries its target's name: "Thread-1 (worker)".
_NAME_TARGET = sys.version_info >= (3, 10)


# In Rust, as CPython's `_thread.RLock` is in C: owner, count, and what Condition.wait needs
# (`_release_save`, `_acquire_restore`, `_is_owned`).
RLock = _thread.RLock


class Condition:
    """Waiting for a state change: each waiter blocks on a lock of its own, which notify frees."""

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        self._lock = lock
        self.acquire = lock.acquire
        self.release = lock.release
        # A lock that knows its owner (an RLock) lends Condition its own ways to let go and
        # take back, as CPython's Condition takes them.
        for name in ("_release_save", "_acquire_restore", "_is_owned"):
            try:
                setattr(self, name, getattr(lock, name))
            except AttributeError:
                pass
        self._waiters = []

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __repr__(self):
        return "<Condition(%s, %d)>" % (self._lock, len(self._waiters))

    def _release_save(self):
        self._lock.release()

    def _acquire_restore(self, state):
        self._lock.acquire()

    def _is_owned(self):
        # A plain lock has no owner: held and not acquirable is as close as we get.
        if self._lock.acquire(False):
            self._lock.release()
            return False
        return True

    def wait(self, timeout=None):
        if not self._is_owned():
            raise RuntimeError("cannot wait on un-acquired lock")
        waiter = _allocate_lock()
        waiter.acquire()
        self._waiters.append(waiter)
        saved_state = self._release_save()
        gotit = False
        try:
            if timeout is None:
                waiter.acquire()
                gotit = True
            elif timeout > 0:
                gotit = waiter.acquire(True, timeout)
            else:
                gotit = waiter.acquire(False)
            return gotit
        finally:
            self._acquire_restore(saved_state)
            if not gotit:
                try:
                    self._waiters.remove(waiter)
                except ValueError:
                    pass

    def wait_for(self, predicate, timeout=None):
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _time() + waittime
                else:
                    waittime = endtime - _time()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        if not self._is_owned():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken = self._waiters[:n]
        del self._waiters[:n]
        for waiter in woken:
            waiter.release()

    def notify_all(self):
        self.notify(len(self._waiters))

    notifyAll = notify_all


class Semaphore:
    """A counter of free slots: acquire takes one, waiting while there is none."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        self._cond = Condition(Lock())
        self._value = value

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        rc = False
        endtime = None
        with self._cond:
            while self._value == 0:
                if not blocking:
                    break
                if timeout is not None:
                    if endtime is None:
                        endtime = _time() + timeout
                    else:
                        timeout = endtime - _time()
                        if timeout <= 0:
                            break
                self._cond.wait(timeout)
            else:
                self._value -= 1
                rc = True
        return rc

    __enter__ = acquire

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            self._value += n
            self._cond.notify(n)

    def __exit__(self, t, v, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    """A semaphore that refuses to be released more often than acquired."""

    def __init__(self, value=1):
        super().__init__(value)
        self._initial_value = value

    def release(self, n=1):
        if n < 1:
            raise ValueError("n must be one or more")
        with self._cond:
            if self._value + n > self._initial_value:
                raise ValueError("Semaphore released too many times")
            self._value += n
            self._cond.notify(n)


class Event:
    """A flag threads can wait for."""

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = False

    def is_set(self):
        return self._flag

    def isSet(self):
        _deprecated("isSet() is deprecated, use is_set() instead")
        return self.is_set()

    def set(self):
        with self._cond:
            self._flag = True
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag = False

    def wait(self, timeout=None):
        with self._cond:
            signaled = self._flag
            if not signaled:
                signaled = self._cond.wait(timeout)
            return signaled


class BrokenBarrierError(RuntimeError):
    pass


class Barrier:
    """Lets `parties` threads wait for each other; each wait returns a distinct index."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be >= 1")
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties
        self._state = 0  # 0 filling, 1 draining, -1 resetting, -2 broken
        self._count = 0

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            self._enter()
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._release()
                else:
                    self._wait(timeout)
                return index
            finally:
                self._count -= 1
                self._exit()

    def _enter(self):
        while self._state in (-1, 1):
            self._cond.wait()
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 0

    def _release(self):
        try:
            if self._action:
                self._action()
            self._state = 1
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _wait(self, timeout):
        if not self._cond.wait_for(lambda: self._state != 0, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError
        assert self._state == 1

    def _exit(self):
        if self._count == 0:
            if self._state in (-1, 1):
                self._state = 0
                self._cond.notify_all()

    def reset(self):
        with self._cond:
            if self._count > 0:
                if self._state == 0:
                    self._state = -1
                elif self._state == -2:
                    self._state = -1
            else:
                self._state = 0
            self._cond.notify_all()

    def abort(self):
        with self._cond:
            self._break()

    def _break(self):
        self._state = -2
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state == 0:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state == -2


# Threads by identity once running; threads being started wait in _limbo.
_active = {}
_limbo = {}
_active_limbo_lock = RLock()
_thread_count = 0


def _new_thread_name(target):
    global _thread_count
    _thread_count += 1
    name = "Thread-%d" % _thread_count
    if _NAME_TARGET and target is not None:
        try:
            name += " (%s)" % target.__name__
        except AttributeError:
            pass
    return name


class ExceptHookArgs:
    def __init__(self, exc_type, exc_value, exc_traceback, thread):
        self.exc_type = exc_type
        self.exc_value = exc_value
        self.exc_traceback = exc_traceback
        self.thread = thread


def excepthook(args):
    """Prints an exception that ended a thread, as CPython's threading.excepthook does."""
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else get_ident()
    _thread._print_exception("Exception in thread %s:" % name, args.exc_value)


if sys.version_info >= (3, 10):
    # The original hook, to put back after replacing it.
    __excepthook__ = excepthook


class Thread:
    """A thread of control: run() in a new thread once start() is called."""

    # A subclass whose __init__ forgets Thread's is told so, in CPython's words, before any
    # attribute __init__ sets is missed.
    _initialized = False

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        assert group is None, "group argument must be None for now"
        if kwargs is None:
            kwargs = {}
        self._target = target
        self._name = str(name) if name is not None else _new_thread_name(target)
        self._args = args
        self._kwargs = kwargs
        if daemon is not None:
            self._daemonic = daemon
        else:
            self._daemonic = current_thread().daemon
        self._ident = None
        self._started = Event()
        self._is_stopped = False
        self._done = None
        self._initialized = True

    def __repr__(self):
        assert self._initialized, "Thread.__init__() was not called"
        status = "initial"
        if self._started.is_set():
            status = "started"
        if self._is_stopped:
            status = "stopped"
        if self._daemonic:
            status += " daemon"
        if self._ident is not None:
            status += " %s" % self._ident
        return "<%s(%s, %s)>" % (self.__class__.__name__, self._name, status)

    def start(self):
        if not self._initialized:
            raise RuntimeError("thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("threads can only be started once")
        self._done = _allocate_lock()
        self._done.acquire()
        with _active_limbo_lock:
            _limbo[self] = self
        try:
            _thread.start_new_thread(self._bootstrap, ())
        except Exception:
            with _active_limbo_lock:
                del _limbo[self]
            raise
        self._started.wait()

    def run(self):
        try:
            if self._target is not None:
                self._target(*self._args, **self._kwargs)
        finally:
            del self._target, self._args, self._kwargs

    def _bootstrap(self):
        self._ident = get_ident()
        with _active_limbo_lock:
            _active[self._ident] = self
            del _limbo[self]
        self._started.set()
        try:
            self.run()
        except BaseException as exc:
            excepthook(ExceptHookArgs(type(exc), exc, exc.__traceback__, self))
        finally:
            with _active_limbo_lock:
                _active.pop(self._ident, None)
            self._is_stopped = True
            self._done.release()

    def join(self, timeout=None):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if not self._started.is_set():
            raise RuntimeError("cannot join thread before it is started")
        if self is current_thread():
            raise RuntimeError("cannot join current thread")
        if self._is_stopped:
            return
        if timeout is None:
            acquired = self._done.acquire()
        else:
            acquired = self._done.acquire(True, max(timeout, 0))
        if acquired:
            self._done.release()

    def is_alive(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._started.is_set() and not self._is_stopped

    @property
    def name(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._name

    @name.setter
    def name(self, name):
        assert self._initialized, "Thread.__init__() not called"
        self._name = str(name)

    @property
    def ident(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def native_id(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._ident

    @property
    def daemon(self):
        assert self._initialized, "Thread.__init__() not called"
        return self._daemonic

    @daemon.setter
    def daemon(self, daemonic):
        if not self._initialized:
            raise RuntimeError("Thread.__init__() not called")
        if self._started.is_set():
            raise RuntimeError("cannot set daemon status of active thread")
        self._daemonic = daemonic

    def isDaemon(self):
        _deprecated("isDaemon() is deprecated, get the daemon attribute instead")
        return self.daemon

    def setDaemon(self, daemonic):
        _deprecated("setDaemon() is deprecated, set the daemon attribute instead")
        self.daemon = daemonic

    def getName(self):
        _deprecated("getName() is deprecated, get the name attribute instead")
        return self.name

    def setName(self, name):
        _deprecated("setName() is deprecated, set the name attribute instead")
        self.name = name


class _MainThread(Thread):
    def __init__(self):
        Thread.__init__(self, name="MainThread", daemon=False)
        self._started.set()
        self._ident = get_ident()
        _active[self._ident] = self


class _DummyThread(Thread):
    """Stands for a thread started by _thread directly."""

    def __init__(self):
        Thread.__init__(self, name="Dummy-%d" % get_ident(), daemon=True)
        self._started.set()
        self._ident = get_ident()
        _active[self._ident] = self

    def join(self, timeout=None):
        raise RuntimeError("cannot join a dummy thread")


class Timer(Thread):
    """Calls a function after `interval` seconds, unless cancelled first."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        self.finished = Event()

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class local:
    """Attributes that each thread sets and sees on its own (CPython's _threading_local).

    Each thread gets its own dict on first use; a subclass's __init__ runs again, with the
    arguments the object was made with, in each thread that uses it.
    """

    def __new__(cls, *args, **kwargs):
        if (args or kwargs) and cls.__init__ is object.__init__:
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        # The creating thread's dict exists already: the class call runs __init__ in it.
        object.__setattr__(self, "_local__dicts", {get_ident(): {}})
        object.__setattr__(self, "_local__args", (args, kwargs))
        return self

    def __getattribute__(self, name):
        if name.startswith("_local__"):
            return object.__getattribute__(self, name)
        own = _local_dict(self)
        if name == "__dict__":
            return own
        # A property on the class wins over the thread's own attributes, as on any object.
        if name in own and not _is_property(type(self), name):
            return own[name]
        if type(self) is not local:
            return object.__getattribute__(self, name)
        try:
            return object.__getattribute__(self, name)
        except AttributeError:
            # Named as CPython's C type is.
            raise AttributeError(
                f"'_thread._local' object has no attribute '{name}'") from None

    def __setattr__(self, name, value):
        if name == "__dict__":
            raise AttributeError(
                "'%s' object attribute '__dict__' is read-only" % type(self).__name__
            )
        if _is_property(type(self), name):
            object.__setattr__(self, name, value)
        else:
            _local_dict(self)[name] = value

    def __delattr__(self, name):
        own = _local_dict(self)
        if name not in own:
            if sys.version_info < (3, 11):
                raise AttributeError(name)
            raise AttributeError(f"'_thread._local' object has no attribute '{name}'")
        del own[name]


def _is_property(cls, name):
    return isinstance(getattr(cls, name, None), property)


def _local_dict(self):
    """The calling thread's dict of `self`, made (and __init__ run) on its first use."""
    dicts = object.__getattribute__(self, "_local__dicts")
    me = get_ident()
    own = dicts.get(me)
    if own is None:
        own = dicts[me] = {}
        args, kwargs = object.__getattribute__(self, "_local__args")
        init = type(self).__init__
        if init is not object.__init__:
            init(self, *args, **kwargs)
    return own


def current_thread():
    try:
        return _active[get_ident()]
    except KeyError:
        return _DummyThread()


def currentThread():
    _deprecated("currentThread() is deprecated, use current_thread() instead")
    return current_thread()


def main_thread():
    return _main_thread


def active_count():
    with _active_limbo_lock:
        return len(_active) + len(_limbo)


def activeCount():
    _deprecated("activeCount() is deprecated, use active_count() instead")
    return active_count()


def _deprecated(message):
    """The camelCase names' warning (3.10+), pointing at the caller's line."""
    if sys.version_info >= (3, 10):
        import warnings
        warnings.warn(message, DeprecationWarning, stacklevel=3)


def enumerate():
    with _active_limbo_lock:
        return list(_active.values()) + list(_limbo.values())


_threading_atexits = []


def _register_atexit(func, *arg, **kwargs):
    """Calls func when the interpreter exits, before it waits for the non-daemon threads (as
    concurrent.futures shuts down the executors a program left running)."""
    _threading_atexits.append(lambda: func(*arg, **kwargs))


def _shutdown():
    """Waits for every non-daemon thread, as the interpreter does before it exits."""
    for atexit_call in reversed(_threading_atexits):
        atexit_call()
    while True:
        with _active_limbo_lock:
            waiting = [t for t in list(_active.values()) + list(_limbo.values())
                       if not t.daemon and t is not _main_thread]
        if not waiting:
            return
        for thread in waiting:
            thread.join()


_main_thread = _MainThread()


if sys.version_info >= (3, 11):
    # The reprs 3.11 gave the synchronisation objects: their state, after the address.
    def _repr_with(state):
        def __repr__(self):
            cls = self.__class__
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: {state(self)}>"
        return __repr__

    Event.__repr__ = _repr_with(lambda self: "set" if self._flag else "unset")
    Semaphore.__repr__ = _repr_with(lambda self: f"value={self._value}")
    BoundedSemaphore.__repr__ = _repr_with(
        lambda self: f"value={self._value}/{self._initial_value}")
    Barrier.__repr__ = _repr_with(
        lambda self: "broken" if self.broken else f"waiters={self.n_waiting}/{self.parties}")
