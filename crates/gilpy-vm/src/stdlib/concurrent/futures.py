"""Futures and the thread pool executor, on threading and queue as CPython's are."""

from _types import GenericAlias
import sys as _sys
import threading
from collections import namedtuple as _namedtuple
import queue as _queue
from time import monotonic as _time

try:
    from os import cpu_count as _cpu_count
except ImportError:
    def _cpu_count():
        return 1

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_PENDING = "PENDING"
_RUNNING = "RUNNING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


class Error(Exception):
    """The base of the futures' own errors."""


class CancelledError(Error):
    """The Future was cancelled."""


class InvalidStateError(Error):
    """The Future is in a state that does not allow this."""


class BrokenExecutor(RuntimeError):
    """An executor can no longer run work."""


if _sys.version_info >= (3, 11):
    TimeoutError = TimeoutError
else:
    class TimeoutError(Error):
        """The operation exceeded the given deadline."""


class Future:
    """The result of a call that runs elsewhere, once it is there."""
    # `Future[int]` in annotations, as CPython's.
    __class_getitem__ = classmethod(GenericAlias)


    def __init__(self):
        self._condition = threading.Condition()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            if self._state == _FINISHED:
                if self._exception:
                    return "<Future at 0x%x state=finished raised %s>" % (
                        id(self), type(self._exception).__name__)
                return "<Future at 0x%x state=finished returned %s>" % (
                    id(self), type(self._result).__name__)
            return "<Future at 0x%x state=%s>" % (id(self), self._state.lower())

    def cancel(self):
        with self._condition:
            if self._state in (_RUNNING, _FINISHED):
                return False
            if self._state == _CANCELLED:
                return True
            self._state = _CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        return self._state == _CANCELLED

    def running(self):
        return self._state == _RUNNING

    def done(self):
        return self._state in (_CANCELLED, _FINISHED)

    def _outcome(self):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._exception is not None:
            raise self._exception
        return self._result

    def result(self, timeout=None):
        with self._condition:
            if self._state in (_CANCELLED, _FINISHED):
                return self._outcome()
            self._condition.wait(timeout)
            if self._state in (_CANCELLED, _FINISHED):
                return self._outcome()
            raise TimeoutError()

    def exception(self, timeout=None):
        with self._condition:
            if self._state not in (_CANCELLED, _FINISHED):
                self._condition.wait(timeout)
            if self._state == _CANCELLED:
                raise CancelledError()
            if self._state == _FINISHED:
                return self._exception
            raise TimeoutError()

    def add_done_callback(self, fn):
        with self._condition:
            if self._state not in (_CANCELLED, _FINISHED):
                self._done_callbacks.append(fn)
                return
        fn(self)

    def set_running_or_notify_cancel(self):
        with self._condition:
            if self._state == _CANCELLED:
                return False
            self._state = _RUNNING
            return True

    def set_result(self, result):
        with self._condition:
            if self._state in (_CANCELLED, _FINISHED):
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._result = result
            self._state = _FINISHED
            for waiter in self._waiters:
                waiter.add_result(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in (_CANCELLED, _FINISHED):
                raise InvalidStateError("%s: %r" % (self._state, self))
            self._exception = exception
            self._state = _FINISHED
            for waiter in self._waiters:
                waiter.add_exception(self)
            self._condition.notify_all()
        self._invoke_callbacks()

    def _invoke_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception as exc:
                print("exception calling callback for", self, exc)


class _Waiter:
    """Collects futures as they finish, for wait() and as_completed()."""

    def __init__(self, stop_on_exception=False, stop_on_any=False, count=0):
        self.event = threading.Event()
        self.lock = threading.Lock()
        self.finished = []
        self.stop_on_exception = stop_on_exception
        self.stop_on_any = stop_on_any
        self.pending = count

    def _done(self, future, failed):
        with self.lock:
            self.finished.append(future)
            self.pending -= 1
            if self.stop_on_any or self.pending <= 0 or (failed and self.stop_on_exception):
                self.event.set()

    def add_result(self, future):
        self._done(future, False)

    def add_exception(self, future):
        self._done(future, True)


def _split_done(fs):
    """The futures done and those not, in one pass: with two, a future that finished between
    them was in neither (free-threaded, `wait` lost about one future in seven)."""
    done, not_done = [], []
    for future in fs:
        (done if future.done() else not_done).append(future)
    return done, not_done


def as_completed(fs, timeout=None):
    """Yields the futures as they finish (those already done first)."""
    end_time = None if timeout is None else timeout + _time()
    fs = list(dict.fromkeys(fs))
    total = len(fs)
    done, pending = _split_done(fs)
    for future in done:
        yield future
    while pending:
        waiter = _Waiter(stop_on_any=True)
        for future in pending:
            with future._condition:
                if future.done():
                    waiter.finished.append(future)
                    waiter.event.set()
                else:
                    future._waiters.append(waiter)
        if end_time is None:
            waiter.event.wait()
        else:
            remaining = end_time - _time()
            if remaining < 0 or not waiter.event.wait(remaining):
                for future in pending:
                    if waiter in future._waiters:
                        future._waiters.remove(waiter)
                raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), total))
        for future in pending:
            with future._condition:
                if waiter in future._waiters:
                    future._waiters.remove(waiter)
        with waiter.lock:
            finished = waiter.finished
            waiter.finished = []
        for future in finished:
            if future in pending:
                pending.remove(future)
                yield future


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures; returns the sets (done, not_done), a named tuple."""
    fs = list(dict.fromkeys(fs))
    done, not_done = _split_done(fs)
    if return_when == FIRST_COMPLETED and done:
        return _done_and_not_done(done, not_done)
    if return_when == FIRST_EXCEPTION and any(
            not f.cancelled() and f._exception is not None for f in done):
        return _done_and_not_done(done, not_done)
    if not not_done:
        return _done_and_not_done(done, not_done)
    waiter = _Waiter(stop_on_exception=return_when == FIRST_EXCEPTION,
                     stop_on_any=return_when == FIRST_COMPLETED, count=len(not_done))
    for future in not_done:
        with future._condition:
            if future.done():
                waiter._done(future, future._exception is not None)
            else:
                future._waiters.append(waiter)
    waiter.event.wait(timeout)
    for future in not_done:
        with future._condition:
            if waiter in future._waiters:
                future._waiters.remove(waiter)
    done, not_done = _split_done(fs)
    return _done_and_not_done(done, not_done)


DoneAndNotDoneFutures = _namedtuple("DoneAndNotDoneFutures", "done not_done")


def _done_and_not_done(done, not_done):
    return DoneAndNotDoneFutures(set(done), set(not_done))


class Executor:
    """What every executor offers: submit, map, shutdown, and use as a context manager."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        end_time = None if timeout is None else timeout + _time()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def result_iterator():
            try:
                fs.reverse()
                while fs:
                    if end_time is None:
                        yield fs.pop().result()
                    else:
                        yield fs.pop().result(end_time - _time())
            finally:
                for future in fs:
                    future.cancel()
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


class BrokenProcessPool(BrokenExecutor):
    """A worker process ended while the future was running or pending."""


class ProcessPoolExecutor(Executor):
    """Runs calls in worker processes (multiprocessing.Pool underneath): arguments and
    results are serialized, and each worker has its own interpreter and GIL."""

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 max_tasks_per_child=None):
        import multiprocessing
        if max_workers is None:
            max_workers = multiprocessing.cpu_count()
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._pool = multiprocessing.Pool(max_workers, initializer, initargs, max_tasks_per_child)
        self._pool._broken_error = BrokenProcessPool(
            "A process in the process pool was terminated abruptly while the future was "
            "running or pending.")
        self._pool._break_on_crash = True
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        future = Future()
        future.set_running_or_notify_cancel()
        self._pool.apply_async(fn, args, kwargs, callback=future.set_result,
                               error_callback=future.set_exception)
        return future

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        if self._shutdown:
            raise RuntimeError("cannot schedule new futures after shutdown")
        end_time = None if timeout is None else timeout + _time()
        # One task per chunk, as CPython's futures per chunk: results come in order as their
        # chunk ends, and a call that raised stops the loop there, after the results before it.
        items = list(zip(*iterables))
        chunks = [self._pool.starmap_async(fn, items[at:at + chunksize], chunksize)
                  for at in range(0, len(items), chunksize)]

        def result_iterator():
            import multiprocessing
            chunks.reverse()
            while chunks:
                try:
                    results = chunks.pop().get(None if end_time is None else end_time - _time())
                except multiprocessing.TimeoutError:
                    raise TimeoutError() from None
                yield from results
        return result_iterator()

    def shutdown(self, wait=True, *, cancel_futures=False):
        self._shutdown = True
        self._pool.close()
        if wait:
            self._pool.join()


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
        else:
            self.future.set_result(result)


def _worker(executor, work_queue):
    while True:
        item = work_queue.get(block=True)
        if item is None:
            # Wake the next worker too, so that all of them see the shutdown.
            work_queue.put(None)
            return
        item.run()
        del item
        executor._idle_semaphore.release()


_pool_count = 0
# The executors not shut down yet: at exit their workers finish the queued work and stop, as
# CPython's `_python_exit` makes them, instead of waiting for work forever.
_live_executors = []


def _python_exit():
    for executor in list(_live_executors):
        executor.shutdown(wait=True)


threading._register_atexit(_python_exit)


class BrokenThreadPool(BrokenExecutor):
    """Raised when a worker thread in a ThreadPoolExecutor failed initializing."""


class ThreadPoolExecutor(Executor):
    """Runs calls on up to max_workers threads, started as work arrives."""

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None, initargs=()):
        global _pool_count
        if max_workers is None:
            max_workers = min(32, (_cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self._max_workers = max_workers
        self._work_queue = _queue.SimpleQueue()
        self._idle_semaphore = threading.Semaphore(0)
        self._threads = []
        self._shutdown = False
        self._shutdown_lock = threading.Lock()
        self._thread_name_prefix = thread_name_prefix or ("ThreadPoolExecutor-%d" % _pool_count)
        _pool_count += 1
        self._initializer = initializer
        self._initargs = initargs
        self._broken = False
        if initializer is not None:
            # Imported here, not in the worker threads that report a failed initializer.
            import logging
            self._logger = logging.getLogger("concurrent.futures")
        _live_executors.append(self)

    def submit(self, fn, /, *args, **kwargs):
        with self._shutdown_lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            future = Future()
            self._work_queue.put(_WorkItem(future, fn, args, kwargs))
            self._adjust_thread_count()
            return future

    def _adjust_thread_count(self):
        if self._idle_semaphore.acquire(timeout=0):
            return
        if len(self._threads) < self._max_workers:
            name = "%s_%d" % (self._thread_name_prefix, len(self._threads))
            thread = threading.Thread(name=name, target=self._run_worker)
            thread.start()
            self._threads.append(thread)

    def _run_worker(self):
        if self._initializer is not None:
            try:
                self._initializer(*self._initargs)
            except BaseException:
                self._logger.critical("Exception in initializer:", exc_info=True)
                self._initializer_failed()
                return
        _worker(self, self._work_queue)

    def _initializer_failed(self):
        with self._shutdown_lock:
            self._broken = ("A thread initializer failed, the thread pool "
                            "is not usable anymore")
            # The work waiting fails: no thread will ever run it.
            for item in self._take_queued_work():
                item.future.set_exception(BrokenThreadPool(self._broken))

    def _take_queued_work(self):
        """The work items still queued, taken off the queue."""
        items = []
        while True:
            try:
                item = self._work_queue.get_nowait()
            except _queue.Empty:
                return items
            if item is not None:
                items.append(item)

    def shutdown(self, wait=True, *, cancel_futures=False):
        if self in _live_executors:
            _live_executors.remove(self)
        with self._shutdown_lock:
            self._shutdown = True
            if cancel_futures:
                for item in self._take_queued_work():
                    item.future.cancel()
            self._work_queue.put(None)
        if wait:
            for thread in self._threads:
                thread.join()


# CPython defines these in submodules; tracebacks and reprs name the class by its module.
for _cls in (Error, CancelledError, InvalidStateError, BrokenExecutor, Future, Executor,
             DoneAndNotDoneFutures):
    _cls.__module__ = "concurrent.futures._base"
if _sys.version_info < (3, 11):
    TimeoutError.__module__ = "concurrent.futures._base"
BrokenProcessPool.__module__ = "concurrent.futures.process"
ProcessPoolExecutor.__module__ = "concurrent.futures.process"
ThreadPoolExecutor.__module__ = "concurrent.futures.thread"
BrokenThreadPool.__module__ = "concurrent.futures.thread"
del _cls
