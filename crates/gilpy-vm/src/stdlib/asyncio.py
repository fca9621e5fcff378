"""One event loop per thread, tasks that switch only at await: CPython's asyncio, in brief.

The shapes follow CPython's asyncio (Future, Task with its step and wakeup, a loop with a ready
queue and a timer heap), so that programs print the same things in the same order. The loop
waits for timers and for other threads (to_thread, run_in_executor) on a threading.Event, which
gives the GIL up while it waits.
"""

from _types import GenericAlias
import _asyncio
import _gilpy_contextvars as _contextvars
import sys
import threading
from collections import deque
from functools import partial as _partial
from heapq import heappop, heappush
from time import monotonic as _monotonic

_V310 = sys.version_info >= (3, 10)
_V311 = sys.version_info >= (3, 11)
_V313 = sys.version_info >= (3, 13)
_V312 = sys.version_info >= (3, 12)

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"


class CancelledError(BaseException):
    """The task or future was cancelled."""


class InvalidStateError(Exception):
    """The future is not in a state that allows this."""


if _V311:
    TimeoutError = TimeoutError
else:
    class TimeoutError(Exception):
        """The operation exceeded the given deadline."""


class QueueEmpty(Exception):
    """Raised by get_nowait() on an empty queue."""


class QueueFull(Exception):
    """Raised by put_nowait() on a full queue."""


if _V313:
    class QueueShutDown(Exception):
        """Raised by put() or get() on a queue that was shut down (3.13+)."""


# CPython defines these in submodules; tracebacks name a class by its module.
for _cls in (CancelledError, InvalidStateError) + (() if _V311 else (TimeoutError,)):
    _cls.__module__ = "asyncio.exceptions"
QueueEmpty.__module__ = QueueFull.__module__ = "asyncio.queues"
del _cls


def iscoroutine(obj):
    # Also objects that have a coroutine's methods, as the Coroutine ABC counts them (an async
    # generator's `__anext__()`).
    return _asyncio.iscoroutine(obj) or (
        not isinstance(obj, type) and hasattr(obj, "send") and hasattr(obj, "throw")
        and hasattr(obj, "close") and hasattr(obj, "__await__"))


def isfuture(obj):
    return isinstance(obj, Future)


def iscoroutinefunction(func):
    return _asyncio.iscoroutinefunction(func)


# ---- futures and tasks ----

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


class _Yield:
    """Awaiting it gives the loop one turn (what `sleep(0)` does)."""

    def __await__(self):
        yield


class Future:
    """A result that arrives later; awaiting it suspends the task until then."""
    # `Future[int]` in annotations, as CPython's.
    __class_getitem__ = classmethod(GenericAlias)


    def __init__(self, *, loop=None):
        self._loop = loop if loop is not None else get_event_loop()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None
        # An exception nobody asked for (result() or exception()) is reported when the loop
        # closes, as CPython reports it when the future is freed.
        self._log_traceback = False

    def __repr__(self):
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append("exception=%r" % (self._exception,))
            else:
                info.append("result=%s" % _short_repr(self._result))
        return "<%s %s>" % (self.__class__.__name__, " ".join(info))

    def get_loop(self):
        return self._loop

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks[:]
        self._callbacks[:] = []
        for callback, context in callbacks:
            self._loop.call_soon(callback, self, context=context)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def _make_cancelled_error(self):
        # From 3.11 a task keeps the CancelledError its coroutine ended with (its message
        # included); before, a fresh one without the message.
        exc = getattr(self, "_cancelled_exc", None)
        if exc is not None and _V311:
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            return CancelledError()
        return CancelledError(self._cancel_message)

    def result(self):
        self._log_traceback = False
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not set.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        self._log_traceback = False
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        # The callback runs in the context it was added in (contextvars).
        if context is None and _contextvars._in_use:
            context = _contextvars.copy_context()
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        else:
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        kept = [(f, c) for f, c in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            # The words of CPython's C future, which is the one programs get.
            raise InvalidStateError("invalid state")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        if not isinstance(exception, BaseException):
            exception = exception()
        self._exception = exception
        self._state = _FINISHED
        self._log_traceback = True
        self._schedule_callbacks()

    def __await__(self):
        if not self.done():
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


_task_count = 0
_current_tasks = {}
_all_tasks = []


class Task(Future):
    """Runs a coroutine on the loop, one step per turn, until it returns."""

    def __init__(self, coro, *, loop=None, name=None, context=None):
        global _task_count
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            raise TypeError("a coroutine was expected, got %r" % (coro,))
        if name is None:
            _task_count += 1
            self._name = "Task-%d" % _task_count
        else:
            self._name = str(name)
        self._coro = coro
        self._origin = _asyncio.coroutine_origin(coro)
        self._fut_waiter = None
        self._must_cancel = False
        self._num_cancels_requested = 0
        # Each step runs in a copy of the context the task was made in (contextvars); while
        # no context variable exists, every context is empty, and none is made.
        if context is None and _contextvars._in_use:
            context = _contextvars.copy_context()
        self._context = context
        self._loop.call_soon(self._step, context=context)
        _all_tasks.append(self)

    def __repr__(self):
        # CPython's `_task_repr_info`: the state, the name, where the coroutine is (running at
        # its current line, or done, defined at its first), then the result or exception.
        cancelling = (self._num_cancels_requested > 0) if _V311 else self._must_cancel
        info = ["cancelling" if cancelling and not self.done() else self._state.lower(),
                "name=%r" % self._name]
        coro = getattr(self._coro, "__qualname__", None)
        if coro is not None and self._origin is not None:
            if not self.done():
                # Running now (it prints itself), the coroutine has no suspended line: its
                # first line stands in for the line it is at.
                line = _asyncio.coroutine_line(self._coro) or self._origin[1]
                info.append("coro=<%s() running at %s:%s>" % (coro, self._origin[0], line))
            else:
                info.append("coro=<%s() done, defined at %s:%s>"
                            % (coro, self._origin[0], self._origin[1]))
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append("exception=%r" % (self._exception,))
            else:
                info.append("result=%s" % _short_repr(self._result))
        return "<Task %s>" % " ".join(info)

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def cancel(self, msg=None):
        if self.done():
            return False
        self._num_cancels_requested += 1
        self._cancel_message = msg
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg):
                return True
        self._must_cancel = True
        return True

    if _V311:
        def cancelling(self):
            """How many cancellations are requested and not yet taken back by uncancel()."""
            return self._num_cancels_requested

        def uncancel(self):
            """Takes back one cancellation request (as TaskGroup and timeout do for their own)."""
            if self._num_cancels_requested > 0:
                self._num_cancels_requested -= 1
                # From 3.13 the last uncancel also takes back a cancellation not delivered.
                if self._num_cancels_requested == 0 and _V313:
                    self._must_cancel = False
            return self._num_cancels_requested

    def _step(self, exc=None):
        context = self._context
        if context is None:
            if not _contextvars._in_use:
                return self._step_run(exc)
            # Made before the first context variable: its context was empty then.
            context = self._context = _contextvars.Context()
        if context._entered:
            return self._step_run(exc)
        return context.run(self._step_run, exc)

    def _step_run(self, exc=None):
        if self.done():
            return
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        _current_tasks[self._loop] = self
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as stop:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, self._cancel_message)
            else:
                Future.set_result(self, stop.value)
        except CancelledError as error:
            self._cancelled_exc = error
            Future.cancel(self)
        except (KeyboardInterrupt, SystemExit) as error:
            Future.set_exception(self, error)
            raise
        except BaseException as error:
            Future.set_exception(self, error)
        else:
            if isinstance(result, Future):
                if result is self:
                    self._loop.call_soon(
                        self._step, RuntimeError("Task cannot await on itself: %r" % self))
                else:
                    result.add_done_callback(self._wakeup)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(self._cancel_message):
                            self._must_cancel = False
            elif result is None:
                # A bare yield: give the other tasks a turn.
                self._loop.call_soon(self._step)
            else:
                self._loop.call_soon(
                    self._step, RuntimeError("Task got bad yield: %r" % (result,)))
        finally:
            _current_tasks.pop(self._loop, None)

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def ensure_future(coro_or_future, *, loop=None):
    if isinstance(coro_or_future, Future):
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


# Up to 3.12 asyncio.create_task and TaskGroup.create_task name a task once it is made, so a
# named task takes a number from the default names too; from 3.13 the task gets the name.
_NAME_AFTER = sys.version_info < (3, 13)


def _create_named_task(loop, coro, name, context=None):
    if _NAME_AFTER:
        task = loop.create_task(coro, context=context)
        if name is not None:
            task.set_name(name)
        return task
    return loop.create_task(coro, name=name, context=context)


def create_task(coro, *, name=None, context=None):
    return _create_named_task(get_running_loop(), coro, name, context)


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return _current_tasks.get(loop)


# Where logging finds the running task (a record's taskName, 3.12+) once a program has
# imported asyncio, as CPython's looks for asyncio in sys.modules.
_asyncio.current_task = current_task


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return [t for t in _all_tasks if t._loop is loop and not t.done()]


# ---- the event loop ----

class Handle:
    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False
        self._context = context

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled

    def _run(self):
        # A callback that raises is reported through the loop's exception handler, and the
        # loop goes on, as CPython's Handle._run does.
        try:
            if self._context is None or self._context._entered:
                self._callback(*self._args)
            else:
                self._context.run(self._callback, *self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                "message": "Exception in callback %s" % _callback_source(
                    self._callback, self._args, self._loop._debug),
                "exception": exc,
                "handle": self,
            })

    def __repr__(self):
        return "<%s>" % " ".join(self._repr_info())

    def _repr_info(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append("cancelled")
        info.append(_callback_source(self._callback, self._args, self._loop._debug))
        return info


class TimerHandle(Handle):
    def __init__(self, when, sequence, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context)
        self._when = when
        self._sequence = sequence

    def when(self):
        return self._when

    def _repr_info(self):
        info = super()._repr_info()
        info.insert(2 if self._cancelled else 1, "when=%s" % self._when)
        return info

    def __lt__(self, other):
        return (self._when, self._sequence) < (other._when, other._sequence)


def _short_repr(value, level=6):
    """`reprlib.repr(value)`, as CPython's future reprs show results: long texts and numbers
    cut in the middle, at most 6 items of a list or tuple and 4 of a dict, 6 levels deep."""
    def cut(text, most):
        if len(text) <= most:
            return text
        head = max(0, (most - 3) // 2)
        return text[:head] + "..." + text[len(text) - (most - 3 - head):]

    if isinstance(value, str):
        return cut(repr(value[:30]), 30)
    if isinstance(value, int) and not isinstance(value, bool):
        return cut(repr(value), 40)
    if type(value) in (list, tuple):
        left, right = ("[", "]") if type(value) is list else ("(", ")")
        if not value:
            return left + right
        if level <= 0:
            return left + "..." + right
        items = [_short_repr(item, level - 1) for item in value[:6]]
        if len(value) > 6:
            items.append("...")
        if type(value) is tuple and len(value) == 1:
            return "(%s,)" % items[0]
        return left + ", ".join(items) + right
    if type(value) in (set, frozenset):
        if not value:
            return "%s()" % type(value).__name__
        if level <= 0:
            return "{...}" if type(value) is set else "frozenset({...})"
        try:
            members = sorted(value)
        except Exception:
            members = list(value)
        items = [_short_repr(item, level - 1) for item in members[:6]]
        if len(value) > 6:
            items.append("...")
        text = "{%s}" % ", ".join(items)
        return text if type(value) is set else "frozenset(%s)" % text
    if type(value) is dict:
        if not value:
            return "{}"
        if level <= 0:
            return "{...}"
        try:
            keys = sorted(value)
        except Exception:
            keys = list(value)
        items = ["%s: %s" % (_short_repr(key, level - 1), _short_repr(value[key], level - 1))
                 for key in keys[:4]]
        if len(value) > 4:
            items.append("...")
        return "{%s}" % ", ".join(items)
    return cut(repr(value), 30)


def _callback_source(callback, args, debug):
    """How CPython's asyncio names a callback in its reports: `f(1, 'a') at file:line`; from
    3.13 without the arguments unless the loop is in debug mode (they may be secrets)."""
    show = debug or not _V313
    suffix = ""
    while isinstance(callback, _partial):
        suffix = _format_args(args, show) + suffix
        callback, args = callback.func, callback.args
    name = getattr(callback, "__qualname__", None) or getattr(callback, "__name__", None)
    text = (name or repr(callback)) + _format_args(args, show) + suffix
    code = getattr(callback, "__code__", None)
    if code is not None and not hasattr(callback, "__self__"):
        text += " at %s:%s" % (code.co_filename, code.co_firstlineno)
    return text


def _format_args(args, show):
    return "(%s)" % ", ".join(_short_repr(arg) for arg in args) if show else "()"


def _log_error(message, exc):
    """What CPython's asyncio logs at ERROR with a traceback: through the "asyncio" logger once
    logging is imported, else as logging's last resort prints it, on stderr."""
    get_logger = getattr(_asyncio, "getLogger", None)
    if get_logger is not None:
        get_logger("asyncio").error(message, exc_info=exc if exc is not None else False)
        return
    if exc is None:
        sys.stderr.write(message + "\n")
        return
    import _traceback
    # Our Task._step is CPython's C task step, which has no frame of its own.
    lines = _traceback.format(exc).split("\n")
    text = "\n".join(line for line in lines if not line.startswith('  File "<frozen asyncio>"'))
    sys.stderr.write(message + "\n" + text)


_loops = {}


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):
    """Runs ready callbacks in order, then the timers that are due, then waits for the next."""

    def __init__(self):
        self._ready = []
        self._scheduled = []
        self._timer_sequence = 0
        self._stopping = False
        self._closed = False
        self._running = False
        self._wakeup = threading.Event()
        self._threadsafe_lock = threading.Lock()
        self._threadsafe = []
        self._default_executor = None
        self._exception_handler = None
        self._task_factory = None
        self._debug = False

    def time(self):
        return _monotonic()

    def call_soon(self, callback, *args, context=None):
        if context is None and _contextvars._in_use:
            context = _contextvars.copy_context()
        handle = Handle(callback, args, self, context)
        self._ready.append(handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        handle = Handle(callback, args, self, context)
        if self._running and _running.get(threading.get_ident()) is self:
            # From the loop's own thread (an async generator's finalizer): queued as
            # call_soon queues, to run in the same turn as in CPython.
            self._ready.append(handle)
            return handle
        with self._threadsafe_lock:
            self._threadsafe.append(handle)
        self._wakeup.set()
        return handle

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args, context=context)

    def call_at(self, when, callback, *args, context=None):
        if context is None and _contextvars._in_use:
            context = _contextvars.copy_context()
        self._timer_sequence += 1
        timer = TimerHandle(when, self._timer_sequence, callback, args, self, context)
        heappush(self._scheduled, timer)
        return timer

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        if self._task_factory is not None:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            if name is not None:
                task.set_name(name)
            return task
        return Task(coro, loop=self, name=name, context=context)

    def set_task_factory(self, factory):
        if factory is not None and not callable(factory):
            raise TypeError("task factory must be a callable or None")
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = bool(enabled)

    def set_default_executor(self, executor):
        from concurrent.futures import ThreadPoolExecutor
        if not isinstance(executor, ThreadPoolExecutor):
            if _V311:
                raise TypeError("executor must be ThreadPoolExecutor instance")
            import warnings
            warnings.warn("Using the default executor that is not an instance of "
                          "ThreadPoolExecutor is deprecated and will be prohibited in Python 3.9",
                          DeprecationWarning, 2)
        self._default_executor = executor

    def get_exception_handler(self):
        return self._exception_handler

    def set_exception_handler(self, handler):
        if handler is not None and not callable(handler):
            raise TypeError(f"A callable object or None is expected, got {handler!r}")
        self._exception_handler = handler

    def default_exception_handler(self, context):
        """Logs `context` at ERROR on the "asyncio" logger, as CPython's does."""
        message = context.get("message") or "Unhandled exception in event loop"
        lines = [message]
        for key in sorted(context):
            if key not in {"message", "exception"}:
                lines.append(f"{key}: {context[key]!r}")
        _log_error("\n".join(lines), context.get("exception"))

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as exc:
                _log_error("Exception in default exception handler", exc)
            return
        try:
            self._exception_handler(self, context)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            try:
                self.default_exception_handler({
                    "message": "Unhandled error in exception handler",
                    "exception": exc,
                    "context": context,
                })
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException as again:
                _log_error("Exception in default exception handler while handling an "
                           "unexpected error in custom exception handler", again)

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def stop(self):
        self._stopping = True

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        if not self._closed:
            _report_unretrieved(self)
        self._closed = True
        if self._default_executor is not None:
            self._default_executor.shutdown(wait=False)

    def run_forever(self):
        if self._running:
            raise RuntimeError("This event loop is already running")
        if _running_loop() is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")
        self._running = True
        _loops[threading.get_ident()] = self
        _set_running(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _set_running(None)

    def run_until_complete(self, future):
        if self._closed:
            raise RuntimeError("Event loop is closed")
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        future.add_done_callback(lambda f: self.stop())
        try:
            self.run_forever()
        except BaseException:
            # A KeyboardInterrupt or SystemExit from the task we made: the caller gets it
            # here and cannot reach the task, so it is not reported as never retrieved.
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def _take_threadsafe(self):
        # Read without the lock first: a turn of a busy loop then takes no lock at all. A
        # callback added just after is not lost: its thread sets `_wakeup`, so the next
        # turn's wait returns at once and takes it.
        if self._threadsafe:
            with self._threadsafe_lock:
                self._ready.extend(self._threadsafe)
                self._threadsafe[:] = []

    def _run_once(self):
        self._take_threadsafe()
        while self._scheduled and self._scheduled[0]._cancelled:
            heappop(self._scheduled)
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            timeout = max(0, self._scheduled[0]._when - self.time())
        else:
            timeout = None
        if timeout != 0:
            # Nothing to run: wait for the next timer, or a callback from another thread. In
            # whole milliseconds, as CPython's epoll selector waits: timers due within the
            # same millisecond then run in the same turn.
            if timeout is not None:
                timeout = -(-timeout * 1000 // 1) / 1000
            self._wakeup.wait(timeout)
        if self._wakeup.is_set():
            self._wakeup.clear()
        self._take_threadsafe()
        end = self.time()
        while self._scheduled and self._scheduled[0]._when <= end:
            timer = heappop(self._scheduled)
            if not timer._cancelled:
                self._ready.append(timer)
        # Only what was ready now runs this turn; callbacks they schedule wait for the next.
        # If one raises, those after it stay queued. The turn's handles leave the queue in one
        # go at the end: popping each from the front moved the rest every time, and 20,000
        # tasks took 1.7 s to gather.
        ready = self._ready
        count = len(ready)
        done = 0
        try:
            while done < count:
                handle = ready[done]
                done += 1
                if not handle._cancelled:
                    handle._run()
        finally:
            del ready[:done]

    def run_in_executor(self, executor, func, *args):
        if executor is None:
            executor = self._default_executor
            if executor is None:
                from concurrent.futures import ThreadPoolExecutor
                executor = ThreadPoolExecutor(thread_name_prefix="asyncio")
                self._default_executor = executor
        return wrap_future(executor.submit(func, *args), loop=self)

    def shutdown_default_executor(self):
        if self._default_executor is not None:
            # From a thread of its own, as CPython's (which so takes a thread name).
            thread = threading.Thread(target=self._default_executor.shutdown, args=(True,))
            thread.start()
            thread.join()


# What CPython's default loop says it uses, by platform (none in the browser, as Pyodide's).
_LOOP_KIND = {"linux": ("Using selector: %s", "EpollSelector"),
              "darwin": ("Using selector: %s", "KqueueSelector"),
              "win32": ("Using proactor: %s", "IocpProactor")}.get(sys.platform)


def _report_unretrieved(loop):
    """CPython's "Task exception was never retrieved", for each task of `loop` whose exception
    nobody asked for, through the "asyncio" logger once logging is imported."""
    for task in list(_all_tasks):
        if task._loop is not loop or not task._log_traceback or task._exception is None:
            continue
        task._log_traceback = False
        loop.call_exception_handler({"message": "Task exception was never retrieved",
                                     "exception": task._exception, "future": task})


class SelectorEventLoop(BaseEventLoop):
    def __init__(self):
        super().__init__()
        # CPython's loop names its selector at DEBUG on the "asyncio" logger, which shows
        # under logging.basicConfig(level=logging.DEBUG). CPython's asyncio imports logging;
        # ours finds it here once a program has imported it.
        get_logger = getattr(_asyncio, "getLogger", None)
        if get_logger is not None and _LOOP_KIND is not None:
            get_logger("asyncio").debug(*_LOOP_KIND)


def _copy_outcome(source, dest):
    """Gives `dest` the result or the exception of `source`, a finished future of either kind
    (CPython's `_copy_future_state`, less the cancelling, which each caller claims its way)."""
    exception = source.exception()
    if exception is not None:
        dest.set_exception(exception)
    else:
        dest.set_result(source.result())


def wrap_future(future, *, loop=None):
    """An asyncio future that completes when a concurrent.futures future does."""
    if isinstance(future, Future):
        return future
    if loop is None:
        loop = get_event_loop()
    result = loop.create_future()

    def copy_state(source):
        if result.done():
            return
        if source.cancelled():
            result.cancel()
            return
        _copy_outcome(source, result)

    future.add_done_callback(lambda source: loop.call_soon_threadsafe(copy_state, source))
    return result


_running = {}


def _running_loop():
    return _running.get(threading.get_ident())


def _set_running(loop):
    if loop is None:
        _running.pop(threading.get_ident(), None)
    else:
        _running[threading.get_ident()] = loop


def get_running_loop():
    loop = _running_loop()
    if loop is None:
        raise RuntimeError("no running event loop")
    return loop


def new_event_loop():
    return SelectorEventLoop()


def set_event_loop(loop):
    _loops[threading.get_ident()] = loop


def get_event_loop():
    loop = _running_loop()
    if loop is not None:
        return loop
    loop = _loops.get(threading.get_ident())
    if loop is None or loop.is_closed():
        loop = new_event_loop()
        _loops[threading.get_ident()] = loop
    return loop


def run(main, *, debug=None):
    """Runs the coroutine on a new event loop, then cancels what is left and closes it."""
    if _running_loop() is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError("a coroutine was expected, got %r" % (main,))
    loop = new_event_loop()
    set_event_loop(loop)
    if debug is not None:
        loop.set_debug(debug)
    try:
        return loop.run_until_complete(main)
    finally:
        _close_loop(loop, reset=True)


def _close_loop(loop, reset):
    # The end of asyncio.run and of a Runner: cancel what is left, let it finish, stop the
    # default executor, close.
    try:
        left = list(all_tasks(loop))
        for task in left:
            task.cancel()
        if left:
            loop.run_until_complete(gather(*left, return_exceptions=True))
        loop.shutdown_default_executor()
    finally:
        if reset:
            set_event_loop(None)
        loop.close()



class Runner:
    """An event loop that runs several top-level coroutines in turn (3.11+): `asyncio.run`
    for more than one call, closed by `close()` or at the end of a `with` block."""

    def __init__(self, *, debug=None, loop_factory=None):
        self._loop_factory = loop_factory
        self._loop = None
        self._state = "created"

    def __enter__(self):
        self._lazy_init()
        return self

    def __exit__(self, *exc_info):
        self.close()

    def get_loop(self):
        self._lazy_init()
        return self._loop

    def run(self, coro, *, context=None):
        if not iscoroutine(coro):
            raise ValueError("a coroutine was expected, got {!r}".format(coro))
        if _running_loop() is not None:
            raise RuntimeError("Runner.run() cannot be called from a running event loop")
        self._lazy_init()
        return self._loop.run_until_complete(self._loop.create_task(coro))

    def close(self):
        if self._state != "initialized":
            return
        try:
            _close_loop(self._loop, reset=self._loop_factory is None)
        finally:
            self._loop = None
            self._state = "closed"

    def _lazy_init(self):
        if self._state == "closed":
            raise RuntimeError("Runner is closed")
        if self._state == "initialized":
            return
        if self._loop_factory is None:
            self._loop = new_event_loop()
            set_event_loop(self._loop)
        else:
            self._loop = self._loop_factory()
        self._state = "initialized"


def run_coroutine_threadsafe(coro, loop):
    """From another thread: runs `coro` on `loop` and returns a concurrent.futures.Future of
    its result, which that thread can wait on."""
    if not iscoroutine(coro):
        raise TypeError("A coroutine object is required")
    from concurrent.futures import Future as ConcurrentFuture
    result = ConcurrentFuture()

    def copy_state(task):
        if task.cancelled():
            result.cancel()
        if not result.set_running_or_notify_cancel():
            return
        _copy_outcome(task, result)

    def start():
        try:
            task = ensure_future(coro, loop=loop)
        except BaseException as error:
            if result.set_running_or_notify_cancel():
                result.set_exception(error)
            raise
        task.add_done_callback(copy_state)
        # Cancelling the returned future cancels the task, from the loop's own thread.
        result.add_done_callback(
            lambda done: loop.call_soon_threadsafe(task.cancel) if done.cancelled() else None)

    loop.call_soon_threadsafe(start)
    return result


# ---- awaiting ----

async def sleep(delay, result=None):
    if delay <= 0:
        await _Yield()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    handle = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        handle.cancel()


def _set_result_unless_cancelled(future, result):
    if not future.cancelled():
        future.set_result(result)


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children

    def cancel(self, msg=None):
        if self.done():
            return False
        cancelled = False
        for child in self._children:
            if child.cancel(msg):
                cancelled = True
        return cancelled


def gather(*aws, return_exceptions=False):
    """Runs the awaitables at once; the results come back in the order given."""
    if not aws:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer
    loop = None
    children = []
    seen = {}
    for aw in aws:
        # CPython keys its futures by the awaitables given: `gather([a, b])` fails on that.
        hash(aw)
        if isinstance(aw, Future):
            future = aw
        else:
            future = ensure_future(aw, loop=loop)
        if loop is None:
            loop = future.get_loop()
        children.append(future)
    outer = _GatheringFuture(children, loop=loop)
    state = {"done": 0}

    def child_done(child):
        state["done"] += 1
        if outer.done():
            return
        if not return_exceptions:
            if child.cancelled():
                outer.set_exception(child._make_cancelled_error())
                return
            if child.exception() is not None:
                outer.set_exception(child.exception())
                return
        if state["done"] == len(children):
            results = []
            for fut in children:
                if fut.cancelled():
                    results.append(fut._make_cancelled_error())
                elif fut.exception() is not None:
                    results.append(fut.exception())
                else:
                    results.append(fut.result())
            outer.set_result(results)

    for child in children:
        child.add_done_callback(child_done)
    return outer


async def wait(aws, *, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the tasks; returns (done, pending)."""
    if isfuture(aws) or iscoroutine(aws):
        raise TypeError(f"expect a list of futures, not {type(aws).__name__}")
    aws = list(aws)
    if not aws:
        raise ValueError("Set of Tasks/Futures is empty." if _V311
                         else "Set of coroutines/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f"Invalid return_when value: {return_when}")
    if any(iscoroutine(aw) for aw in aws):
        # Bare coroutines were deprecated in 3.8 and refused from 3.11: their tasks could
        # not be told apart from the done and pending sets.
        if _V311:
            raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
        import warnings
        warnings.warn("The explicit passing of coroutine objects to asyncio.wait() is "
                      "deprecated since Python 3.8, and scheduled for removal in Python 3.11.",
                      DeprecationWarning, stacklevel=2)
    loop = get_running_loop()
    futures = [ensure_future(aw, loop=loop) for aw in aws]
    waiter = loop.create_future()
    timer = None
    if timeout is not None:
        timer = loop.call_later(timeout, _set_result_unless_done, waiter)
    counter = {"left": len(futures)}

    def on_done(f):
        counter["left"] -= 1
        if (counter["left"] <= 0 or return_when == FIRST_COMPLETED
                or (return_when == FIRST_EXCEPTION and not f.cancelled()
                    and f.exception() is not None)):
            _set_result_unless_done(waiter)

    for f in futures:
        f.add_done_callback(on_done)
    try:
        if not all(f.done() for f in futures) and not (
                return_when == FIRST_COMPLETED and any(f.done() for f in futures)):
            await waiter
    finally:
        if timer is not None:
            timer.cancel()
        for f in futures:
            f.remove_done_callback(on_done)
    done = set(f for f in futures if f.done())
    pending = set(f for f in futures if not f.done())
    return done, pending


def _set_result_unless_done(future):
    if not future.done():
        future.set_result(None)


async def wait_for(aw, timeout):
    """Awaits `aw`; after `timeout` seconds cancels it and raises TimeoutError. From 3.12 a
    coroutine runs in the waiting task itself, under a timeout, as CPython's does (no task of
    its own, so later tasks are numbered as there)."""
    if _V312 and timeout is None:
        return await aw
    if _V312 and timeout > 0:
        async with _timeout(timeout):
            return await aw
    loop = get_running_loop()
    future = ensure_future(aw, loop=loop)
    if timeout is None:
        return await future
    waiter = loop.create_future()
    timer = loop.call_later(timeout, _set_result_unless_done, waiter)
    future.add_done_callback(lambda f: _set_result_unless_done(waiter))
    try:
        await waiter
    finally:
        timer.cancel()
    if future.done():
        return future.result()
    future.cancel()
    try:
        await future
    except CancelledError:
        pass
    raise TimeoutError()


class _AsCompletedIterator:
    """3.13's `as_completed`: a plain `for` gets awaitables that give the results in the
    order the tasks finish; `async for` gets the finished tasks themselves."""

    def __init__(self, aws, timeout):
        loop = get_event_loop()
        self._done = Queue()
        self._timeout_handle = None
        # An ordered set (see `_as_completed`).
        todo = dict.fromkeys(ensure_future(aw, loop=loop) for aw in dict.fromkeys(aws))
        for future in todo:
            future.add_done_callback(self._handle_completion)
        if todo and timeout is not None:
            self._timeout_handle = loop.call_later(timeout, self._handle_timeout)
        self._todo = todo
        self._todo_left = len(todo)

    def __aiter__(self):
        return self

    def __iter__(self):
        return self

    async def __anext__(self):
        if not self._todo_left:
            raise StopAsyncIteration
        self._todo_left -= 1
        return await self._wait_for_one()

    def __next__(self):
        if not self._todo_left:
            raise StopIteration
        self._todo_left -= 1
        return self._wait_for_one(resolve=True)

    def _handle_timeout(self):
        for future in self._todo:
            future.remove_done_callback(self._handle_completion)
            self._done.put_nowait(None)
        self._todo.clear()

    def _handle_completion(self, future):
        if not self._todo:
            return
        del self._todo[future]
        self._done.put_nowait(future)
        if not self._todo and self._timeout_handle is not None:
            self._timeout_handle.cancel()

    async def _wait_for_one(self, resolve=False):
        future = await self._done.get()
        if future is None:
            raise TimeoutError
        return future.result() if resolve else future


def as_completed(fs, *, timeout=None):
    """The awaitables in the order they finish (from 3.13 an iterator that `async for` can
    read too; before, a generator)."""
    if _V313:
        if isfuture(fs) or iscoroutine(fs):
            raise TypeError(f"expects an iterable of awaitables, not {type(fs).__name__}")
        return _AsCompletedIterator(fs, timeout)
    return _as_completed(fs, timeout)


def _as_completed(fs, timeout):
    """Before 3.13, a generator (so nothing starts until the first `next`) of the same
    awaitables the iterator gives a plain `for`."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect an iterable of futures, not {type(fs).__name__}")
    yield from _AsCompletedIterator(fs, timeout)


def shield(arg):
    """An awaitable of arg's result that cancelling does not pass on to arg."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = inner.get_loop().create_future()

    def inner_done(inner):
        if outer.cancelled():
            return
        if inner.cancelled():
            outer.cancel()
        elif inner.exception() is not None:
            outer.set_exception(inner.exception())
        else:
            outer.set_result(inner.result())

    def outer_done(outer):
        if not inner.done():
            inner.remove_done_callback(inner_done)

    inner.add_done_callback(inner_done)
    outer.add_done_callback(outer_done)
    return outer


async def to_thread(func, /, *args, **kwargs):
    """Runs func in the loop's thread pool, in a copy of the task's context; the loop goes
    on meanwhile."""
    loop = get_running_loop()
    context = _contextvars.copy_context()
    return await loop.run_in_executor(None, lambda: context.run(func, *args, **kwargs))


# ---- synchronisation: for tasks of one loop ----

class _LoopBoundMixin:
    """From 3.10 a primitive belongs to the first loop that waits on it: waiting on it from
    another loop (a second `asyncio.run`, another thread's loop) is refused, as CPython's
    mixin refuses it, where a lock made at module level used to hang or fail obscurely."""

    _loop = None

    def _get_loop(self):
        loop = get_running_loop()
        if not _V310:
            return loop
        if self._loop is None:
            with _bind_lock:
                if self._loop is None:
                    self._loop = loop
        if loop is not self._loop:
            raise RuntimeError(f"{self!r} is bound to a different event loop")
        return loop


_bind_lock = threading.Lock()


def _with_state(obj, extra):
    """`<asyncio.locks.Lock object at 0x... [extra]>`, as CPython's primitives show state."""
    return f"<{object.__repr__(obj)[1:-1]} [{extra}]>"


def _with_waiters(extra, waiters):
    return f"{extra}, waiters:{len(waiters)}" if waiters else extra


async def _wait_in(owner, waiters):
    """Waits until a releaser sets this task's future in `waiters` of `owner`."""
    future = owner._get_loop().create_future()
    waiters.append(future)
    try:
        await future
    finally:
        waiters.remove(future)


def _wake_first(waiters):
    for future in waiters:
        if not future.done():
            future.set_result(True)
            break


class _ContextManagerMixin:
    """`async with` for Lock and Semaphore, as CPython's mixin gives them."""

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin, _LoopBoundMixin):
    def __init__(self):
        self._locked = False
        self._waiters = []

    def __repr__(self):
        extra = _with_waiters("locked" if self._locked else "unlocked", self._waiters)
        return _with_state(self, extra)

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and not self._waiters:
            self._locked = True
            return True
        await _wait_in(self, self._waiters)
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("Lock is not acquired.")
        self._locked = False
        _wake_first(self._waiters)


class Event(_LoopBoundMixin):
    def __init__(self):
        self._waiters = []
        self._value = False

    def __repr__(self):
        extra = _with_waiters("set" if self._value else "unset", self._waiters)
        return _with_state(self, extra)

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for future in self._waiters:
                if not future.done():
                    future.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        await _wait_in(self, self._waiters)
        return True


class Semaphore(_ContextManagerMixin, _LoopBoundMixin):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._value = value
        self._waiters = []

    def __repr__(self):
        extra = "locked" if self.locked() else f"unlocked, value:{self._value}"
        return _with_state(self, _with_waiters(extra, self._waiters))

    def locked(self):
        return self._value == 0

    async def acquire(self):
        while self._value <= 0:
            await _wait_in(self, self._waiters)
        self._value -= 1
        return True

    def release(self):
        self._value += 1
        _wake_first(self._waiters)


class Condition(_ContextManagerMixin, _LoopBoundMixin):
    """Tasks wait until another notifies them, each holding the lock again when it wakes."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = deque()

    def __repr__(self):
        extra = _with_waiters("locked" if self.locked() else "unlocked", self._waiters)
        return _with_state(self, extra)

    async def wait(self):
        if not self.locked():
            raise RuntimeError("cannot wait on un-acquired lock")
        self.release()
        try:
            future = self._get_loop().create_future()
            self._waiters.append(future)
            try:
                await future
                return True
            finally:
                self._waiters.remove(future)
        finally:
            # The lock is held again on the way out, even by a task that was cancelled.
            cancelled = None
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError as error:
                    cancelled = error
            if cancelled is not None:
                raise cancelled

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError("cannot notify on un-acquired lock")
        woken = 0
        for future in self._waiters:
            if woken >= n:
                break
            if not future.done():
                woken += 1
                future.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        super().release()


if _V311:
    class BrokenBarrierError(RuntimeError):
        """A task waited on a barrier that was reset or aborted."""

    _FILLING, _DRAINING, _RESETTING, _BROKEN = "filling", "draining", "resetting", "broken"

    class Barrier(_ContextManagerMixin):
        """`parties` tasks wait until all have arrived, then go on together (CPython 3.11+)."""

        def __init__(self, parties):
            if parties < 1:
                raise ValueError("parties must be >= 1")
            self._cond = Condition()
            self._parties = parties
            self._state = _FILLING
            self._count = 0

        async def __aenter__(self):
            return await self.wait()

        async def __aexit__(self, *args):
            pass

        async def wait(self):
            """Returns the task's place in arrival order, from 0."""
            async with self._cond:
                await self._block()
                try:
                    index = self._count
                    self._count += 1
                    if index + 1 == self._parties:
                        self._state = _DRAINING
                        self._cond.notify_all()
                    else:
                        await self._wait()
                    return index
                finally:
                    self._count -= 1
                    self._exit()

        async def _block(self):
            # A barrier still letting the last round out, or being reset, admits no one yet.
            await self._cond.wait_for(lambda: self._state not in (_DRAINING, _RESETTING))
            if self._state is _BROKEN:
                raise BrokenBarrierError("Barrier aborted")

        async def _wait(self):
            await self._cond.wait_for(lambda: self._state is not _FILLING)
            if self._state in (_BROKEN, _RESETTING):
                raise BrokenBarrierError("Abort or reset of barrier")

        def _exit(self):
            if self._count == 0:
                if self._state in (_RESETTING, _DRAINING):
                    self._state = _FILLING
                self._cond.notify_all()

        async def reset(self):
            async with self._cond:
                if self._count > 0:
                    if self._state is not _RESETTING:
                        self._state = _RESETTING
                else:
                    self._state = _FILLING
                self._cond.notify_all()

        async def abort(self):
            async with self._cond:
                self._state = _BROKEN
                self._cond.notify_all()

        def __repr__(self):
            extra = self._state
            if not self.broken:
                extra += f", waiters:{self.n_waiting}/{self.parties}"
            return _with_state(self, extra)

        @property
        def parties(self):
            return self._parties

        @property
        def n_waiting(self):
            return self._count if self._state is _FILLING else 0

        @property
        def broken(self):
            return self._state is _BROKEN


class Queue(_LoopBoundMixin):
    # `Queue[int]` in annotations, as CPython's.
    __class_getitem__ = classmethod(GenericAlias)

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._init(maxsize)
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._is_shutdown = False

    def __repr__(self):
        return f"<{type(self).__name__} at {id(self):#x} {self._format()}>"

    def __str__(self):
        return f"<{type(self).__name__} {self._format()}>"

    def _format(self):
        result = f"maxsize={self._maxsize!r}"
        if self._queue:
            result += f" _queue={list(self._queue)!r}"
        if self._getters:
            result += f" _getters[{len(self._getters)}]"
        if self._putters:
            result += f" _putters[{len(self._putters)}]"
        if self._unfinished_tasks:
            result += f" tasks={self._unfinished_tasks}"
        if self._is_shutdown:
            result += " shutdown"
        return result

    @property
    def maxsize(self):
        return self._maxsize

    # What the subclasses change, as in CPython: where items are kept and which comes out.
    def _init(self, maxsize):
        self._queue = deque()

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        # A deque, as CPython's: popping the front of a list moved every item.
        return self._queue.popleft()

    def qsize(self):
        return len(self._queue)

    def empty(self):
        return self.qsize() == 0

    def full(self):
        return 0 < self._maxsize <= self.qsize()

    def _wake_next(self, waiters):
        while waiters:
            future = waiters.pop(0)
            if not future.done():
                future.set_result(None)
                break

    async def put(self, item):
        while self.full():
            if self._is_shutdown:
                raise QueueShutDown
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            await putter
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self._is_shutdown:
            raise QueueShutDown
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wake_next(self._getters)

    async def get(self):
        while self.empty():
            if self._is_shutdown:
                raise QueueShutDown
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            await getter
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            if self._is_shutdown:
                raise QueueShutDown
            raise QueueEmpty
        item = self._get()
        self._wake_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()

    if _V313:
        def shutdown(self, immediate=False):
            """No more puts; gets take what is left, then raise QueueShutDown. With
            `immediate`, what is left is dropped (and counted done) (3.13+)."""
            self._is_shutdown = True
            if immediate:
                while not self.empty():
                    self._get()
                    if self._unfinished_tasks > 0:
                        self._unfinished_tasks -= 1
                if self._unfinished_tasks == 0:
                    self._finished.set()
            # Every waiting get and put looks again, and finds the queue shut down.
            for waiters in (self._getters, self._putters):
                while waiters:
                    future = waiters.pop(0)
                    if not future.done():
                        future.set_result(None)


class PriorityQueue(Queue):
    """Smallest first; items are usually (priority, data) tuples."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heappush(self._queue, item)

    def _get(self):
        return heappop(self._queue)


class LifoQueue(Queue):
    """Last in, first out."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


class Timeout:
    """`async with asyncio.timeout(delay)`: cancels the task at the deadline, then raises
    TimeoutError in its place."""

    def __init__(self, when):
        self._when = when
        self._handle = None
        self._task = None
        self._expired = False

    def when(self):
        return self._when

    def expired(self):
        return self._expired

    def reschedule(self, when):
        if self._handle is not None:
            self._handle.cancel()
        self._when = when
        if when is not None and self._task is not None:
            self._handle = get_running_loop().call_at(when, self._on_timeout)

    def _on_timeout(self):
        self._expired = True
        self._task.cancel()

    async def __aenter__(self):
        self._task = current_task()
        self._cancelling = self._task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        if self._handle is not None:
            self._handle.cancel()
        # Its own cancellation taken back; one requested by someone else still stands.
        if self._expired and self._task.uncancel() <= self._cancelling:
            if exc_type is not None and issubclass(exc_type, CancelledError):
                raise TimeoutError from exc
        return None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


_timeout = timeout  # for wait_for, whose argument hides the name


def timeout_at(when):
    return Timeout(when)


class TaskGroup:
    """`async with asyncio.TaskGroup() as tg`: waits for every task it created. The first
    failure cancels the rest and the block's own task (the body stops at its next await);
    the failures are raised together, in an ExceptionGroup, when the block ends. Cancelling
    the task that runs the block (a timeout) cancels the group's tasks too."""

    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = []
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    def __repr__(self):
        info = [""]
        if self._tasks:
            info.append(f"tasks={len(self._tasks)}")
        if self._errors:
            info.append(f"errors={len(self._errors)}")
        if self._aborting:
            info.append("cancelling")
        elif self._entered:
            info.append("entered")
        return f"<TaskGroup{' '.join(info)}>"

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        self._loop = get_running_loop()
        self._parent_task = current_task()
        if self._parent_task is None:
            raise RuntimeError(f"TaskGroup {self!r} cannot determine the parent task")
        self._entered = True
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self._exiting = True
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        propagate_cancellation = exc if isinstance(exc, CancelledError) else None
        if exc is not None and not self._aborting:
            self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = self._loop.create_future()
            try:
                await self._on_completed_fut
            except CancelledError as error:
                # The task running the block was cancelled while it waited: so are the tasks.
                if not self._aborting:
                    propagate_cancellation = error
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error
        # The group's own cancellation of its task (after a failure) is taken back.
        if self._parent_cancel_requested and self._parent_task.uncancel() == 0:
            propagate_cancellation = None
        if propagate_cancellation is not None and not self._errors:
            raise propagate_cancellation
        if exc is not None and not isinstance(exc, CancelledError):
            self._errors.append(exc)
        if self._errors:
            errors, self._errors = self._errors, []
            raise BaseExceptionGroup("unhandled errors in a TaskGroup", errors) from None
        return None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            coro.close()
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            coro.close()
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            coro.close()
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = _create_named_task(self._loop, coro, name, context)
        self._tasks.append(task)
        task.add_done_callback(self._on_task_done)
        return task

    @staticmethod
    def _is_base_error(exc):
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self):
        self._aborting = True
        for task in self._tasks:
            if not task.done():
                task.cancel()

    def _on_task_done(self, task):
        if task in self._tasks:
            self._tasks.remove(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        error = task.exception()
        if error is None:
            return
        self._errors.append(error)
        if self._is_base_error(error) and self._base_error is None:
            self._base_error = error
        if self._parent_task.done():
            return
        if not self._aborting and not self._parent_cancel_requested:
            # The body stops at its next await; __aexit__ then waits for the rest.
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


if not _V311:
    # Added in 3.11.
    del Timeout, timeout, timeout_at, TaskGroup, Runner


# Where CPython defines them, as their reprs say.
for _cls in (Lock, Event, Condition, Semaphore, BoundedSemaphore):
    _cls.__module__ = "asyncio.locks"
if _V311:
    Barrier.__module__ = "asyncio.locks"
del _cls
