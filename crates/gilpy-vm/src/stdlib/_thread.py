"""The parts of `_thread` written in Python, run in the native module's namespace once it is
made."""

import sys as _sys

_stack_size = 0


def stack_size(size=0, /):
    """The stack size new threads ask for, and sets it (0: the platform's). gilpy remembers it
    and checks it as CPython does; its threads' stacks are the host's either way."""
    global _stack_size
    if not isinstance(size, int):
        if isinstance(size, float) and _sys.version_info < (3, 10):
            raise TypeError("integer argument expected, got float")
        raise TypeError("'" + type(size).__name__ + "' object cannot be interpreted as an integer")
    if size < 0:
        raise ValueError("size must be 0 or a positive value")
    if 0 < size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    previous, _stack_size = _stack_size, int(size)
    return previous
