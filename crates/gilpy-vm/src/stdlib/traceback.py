"""Printing and formatting exceptions: the text is the VM's own report (`_traceback`), the one
an uncaught exception prints, so the two cannot differ."""

import sys
import _traceback


def _exception(exc, value):
    # The old signature (etype, value, tb), which 3.9 requires and later versions still take.
    if value is not None or isinstance(exc, type):
        return value
    return exc


def format_exception(exc, /, value=None, tb=None, limit=None, chain=True):
    exc = _exception(exc, value)
    if exc is None:
        return ["NoneType: None\n"]
    return _traceback.format(exc).splitlines(True)


def format_exception_only(exc, /, value=None):
    exc = _exception(exc, value)
    if exc is None:
        return ["NoneType: None\n"]
    return [_traceback.last_line(exc)]


def print_exception(exc, /, value=None, tb=None, limit=None, file=None, chain=True):
    text = "".join(format_exception(exc, value, tb, limit, chain))
    print(text, end="", file=sys.stderr if file is None else file)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1]))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], file=file)


def _stack(f, limit, depth):
    # The stack of the frame `depth` calls out from here, outermost first; gilpy has no frame
    # objects, so it cannot start from another frame.
    if f is not None:
        raise NotImplementedError("a stack from a given frame is not supported by gilpy yet")
    stack = _traceback.stack(depth + 1)
    if limit is None:
        return stack
    # The most recent `limit` frames; a negative limit keeps the oldest instead.
    return stack[len(stack) - limit:] if limit >= 0 else stack[:-limit]


def format_stack(f=None, limit=None):
    return _stack(f, limit, 1)


def print_stack(f=None, limit=None, file=None):
    print("".join(_stack(f, limit, 1)), end="", file=sys.stderr if file is None else file)
