"""Simulated mode only: built-ins (and `str.join`) given a generator, as Python `for` loops.

A built-in written in Rust resumes a generator in a nested eval loop, where the simulator
cannot switch threads, so `sum(i * i for i in range(n))` would hold its thread's core (and the
GIL) to the end. Here the generator runs in the thread's own eval loop instead. The result is
the built-in's own: the items are gathered, then the built-in gets them, except for any() and
all(), which stop at the first item that decides, as the built-ins do.

Frames of `_gilpy_` modules are left out of tracebacks: CPython's built-ins have none.
"""


def _items(iterable):
    items = []
    for item in iterable:
        items.append(item)
    return items


def call_with_items(function, iterable, *args, **kwargs):
    return function(_items(iterable), *args, **kwargs)


def any(iterable):
    for item in iterable:
        if item:
            return True
    return False


def all(iterable):
    for item in iterable:
        if not item:
            return False
    return True
