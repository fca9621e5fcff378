"""Simulated mode only: built-ins (and `str.join`) given a generator, `sorted`, `min`, `max`
and `list.sort` given a key written in Python, and `map` and `filter` given a function written
in Python, as Python loops.

A built-in written in Rust resumes a generator in a nested eval loop, where the simulator
cannot switch threads, so `sum(i * i for i in range(n))` would hold its thread's core (and the
GIL) to the end. Here the generator runs in the thread's own eval loop instead. The result is
the built-in's own: the items are gathered, then the built-in gets them, except for any() and
all(), which stop at the first item that decides, as the built-ins do. With a key, the key is
called once per item in order, here, and the built-in then orders the items' positions by the
keys it got: the same result, the same calls, as CPython's.

`map` and `filter` become generators: lazy as the built-ins are, and checking their iterables
when called, as the built-ins do. Only their type's name tells them apart.

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


def sorted_by_key(iterable, *, key, reverse=False):
    items = list(iterable)
    keys = [key(item) for item in items]
    return [items[i] for i in sorted(range(len(items)), key=keys.__getitem__, reverse=reverse)]


def sort_by_key(items, *, key, reverse=False):
    items[:] = sorted_by_key(items, key=key, reverse=reverse)


_MISSING = object()


def extreme_by_key(pick, *args, key, default=_MISSING):
    if not args:
        return pick(key=key)
    items = list(args[0]) if len(args) == 1 else list(args)
    if not items:
        # The built-in's own error (or the default), with its own message.
        return pick(items) if default is _MISSING else default
    keys = [key(item) for item in items]
    return items[pick(range(len(items)), key=keys.__getitem__)]


def map(function, *iterables):
    iterators = [iter(iterable) for iterable in iterables]
    if len(iterators) == 1:
        return _map_one(function, iterators[0])
    return _map_many(function, iterators)


def _map_one(function, iterator):
    for item in iterator:
        yield function(item)


def _map_many(function, iterators):
    for items in zip(*iterators):
        yield function(*items)


def filter(function, iterable):
    return _filter(function, iter(iterable))


def _filter(function, iterator):
    for item in iterator:
        if function(item):
            yield item


def callable_iterator(function, sentinel):
    """`iter(function, sentinel)`: what `function()` returns, until it returns `sentinel`."""
    while True:
        value = function()
        if value == sentinel:
            return
        yield value
