"""The atexit module's workings, CPython's C module in Python: its frames stay out of the
traceback of a callback that raises, as a C caller's would. `threads::FINALIZERS` calls
`_shutdown` once `threading` has waited for the non-daemon threads, and before
`multiprocessing` joins the child processes (whose exit hook CPython registers here first)."""

import sys
import _traceback

_callbacks = []


def register(func, *args, **kwargs):
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _callbacks.append((func, args, kwargs))
    return func


def unregister(func):
    # The slot is emptied, not removed: CPython's count of callbacks still counts it.
    for i, callback in enumerate(_callbacks):
        if callback is not None and callback[0] == func:
            _callbacks[i] = None


def _ncallbacks():
    return len(_callbacks)


def _clear():
    _callbacks.clear()


def _run_exitfuncs():
    """The callbacks registered so far, last first; one that raises is reported and the rest
    still run. Those registered meanwhile are dropped, as CPython drops them."""
    callbacks = _callbacks[:]
    for callback in reversed(callbacks):
        if callback is None:
            continue
        func, args, kwargs = callback
        try:
            func(*args, **kwargs)
        except BaseException as exc:
            # 3.9 says nothing of a callback's SystemExit; later versions report it too.
            if sys.version_info >= (3, 10) or not isinstance(exc, SystemExit):
                _report(func, exc)
    _callbacks.clear()


def _report(func, exc):
    if sys.version_info >= (3, 10):
        report = _traceback.format_unraisable("Exception ignored in atexit callback", func, exc)
    else:
        report = "Error in atexit._run_exitfuncs:\n" + _traceback.format(exc)
    sys.stderr.write(report)


_shutdown = _run_exitfuncs
