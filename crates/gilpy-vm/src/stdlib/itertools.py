"""Iterator building blocks. CPython writes them in C; here they are generators that yield the
same items in the same order, consuming their inputs as CPython's do."""

import sys as _sys

import _itertools


def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    while saved:
        for element in saved:
            yield element


def repeat(object, times=None):
    if times is None:
        while True:
            yield object
    for _ in range(times):
        yield object


def accumulate(iterable, func=None, *, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


def chain(*iterables):
    for iterable in iterables:
        for element in iterable:
            yield element


def _from_iterable(iterables):
    for iterable in iterables:
        for element in iterable:
            yield element


chain.from_iterable = _from_iterable


def compress(data, selectors):
    data = iter(data)
    selectors = iter(selectors)
    while True:
        try:
            datum = next(data)
            selector = next(selectors)
        except StopIteration:
            return
        if selector:
            yield datum


def dropwhile(predicate, iterable):
    it = iter(iterable)
    for element in it:
        if not predicate(element):
            yield element
            break
    for element in it:
        yield element


def takewhile(predicate, iterable):
    for element in iterable:
        if not predicate(element):
            break
        yield element


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for element in iterable:
        if not predicate(element):
            yield element


def starmap(function, iterable):
    for args in iterable:
        yield function(*args)


def groupby(iterable, key=None):
    keyfunc = key
    if keyfunc is None:
        def keyfunc(value):
            return value
    iterator = iter(iterable)
    exhausted = False
    try:
        current_value = next(iterator)
    except StopIteration:
        return
    current_key = keyfunc(current_value)

    # A group reads from the shared iterator; moving to the next group skips what is left.
    def grouper(target_key):
        nonlocal current_value, current_key, exhausted
        yield current_value
        for current_value in iterator:
            current_key = keyfunc(current_value)
            if current_key != target_key:
                return
            yield current_value
        exhausted = True

    while not exhausted:
        target_key = current_key
        group = grouper(target_key)
        yield current_key, group
        if current_key == target_key:
            for _ in group:
                pass


def _islice_index(value, message):
    if value is None:
        return None
    if isinstance(value, int) and 0 <= value <= _sys.maxsize:
        return value
    raise ValueError(message)


def islice(iterable, *args):
    if not 1 <= len(args) <= 3:
        raise TypeError("islice expected at most 4 arguments, got " + str(len(args) + 1))
    if len(args) == 1:
        start, stop, step = 0, args[0], 1
        stop = _islice_index(stop, "Stop argument for islice() must be None or an integer: "
                                   "0 <= x <= sys.maxsize.")
    else:
        start, stop = args[0], args[1]
        step = args[2] if len(args) == 3 else 1
        message = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        start = _islice_index(start, message)
        stop = _islice_index(stop, message)
        if start is None:
            start = 0
        if step is None:
            step = 1
        if not isinstance(step, int) or step < 1:
            raise ValueError("Step for islice() must be a positive integer or None.")
    return _islice(iter(iterable), start, stop, step)


def _islice(it, start, stop, step):
    seen = 0
    wanted = start
    while True:
        while seen < wanted:
            try:
                next(it)
            except StopIteration:
                return
            seen += 1
        if stop is not None and seen >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        seen += 1
        wanted += step
        if stop is not None and wanted > stop:
            wanted = stop
        yield item


def tee(iterable, n=2):
    if n < 0:
        raise ValueError("n must be >= 0")
    iterator = iter(iterable)
    # Each copy walks a shared linked list of [value, next link] cells.
    link = [None, None]
    return tuple([_tee(iterator, link) for _ in range(n)])


def _tee(iterator, link):
    while True:
        if link[1] is None:
            try:
                link[0] = next(iterator)
            except StopIteration:
                return
            link[1] = [None, None]
        value, link = link
        yield value


def zip_longest(*iterables, fillvalue=None):
    iterators = [iter(it) for it in iterables]
    return _zip_longest(iterators, fillvalue)


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i in range(len(iterators)):
            try:
                value = next(iterators[i])
            except StopIteration:
                active -= 1
                if not active:
                    return
                iterators[i] = repeat(fillvalue)
                value = fillvalue
            values.append(value)
        yield tuple(values)


def product(*iterables, repeat=1):
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in iterables] * repeat
    return _product(pools)


def _product(pools):
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r < 0:
        raise ValueError("r must be non-negative")
    return _itertools.permutations(pool, r)


def combinations(iterable, r):
    pool = tuple(iterable)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _itertools.combinations(pool, r)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    if r < 0:
        raise ValueError("r must be non-negative")
    return _combinations_with_replacement(pool, r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple([pool[i] for i in indices])


if _sys.version_info >= (3, 10):
    def pairwise(iterable):
        iterator = iter(iterable)
        try:
            a = next(iterator)
        except StopIteration:
            return
        for b in iterator:
            yield a, b
            a = b

if _sys.version_info >= (3, 12):
    def batched(iterable, n, *, strict=False):
        if n < 1:
            raise ValueError("n must be at least one")
        return _batched(iter(iterable), n, strict)

    def _batched(iterator, n, strict):
        while True:
            batch = []
            for _ in range(n):
                try:
                    batch.append(next(iterator))
                except StopIteration:
                    break
            if not batch:
                return
            if strict and len(batch) != n:
                raise ValueError("batched(): incomplete batch")
            yield tuple(batch)
