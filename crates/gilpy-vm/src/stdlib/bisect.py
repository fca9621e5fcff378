"""Bisection of sorted lists, as CPython's bisect module (its C version compares the same way:
only `<`, and `key` applied to the list's items, not to the item looked for)."""

import sys as _sys


def _key(options, function):
    """The `key` keyword (3.10+), refused as 3.9 refuses it."""
    for name in options:
        if name != "key" or _sys.version_info < (3, 10):
            raise TypeError("'" + name + "' is an invalid keyword argument for " + function + "()")
    return options.get("key")


def _search(a, x, lo, hi, key, right):
    """Where x goes: after the items equal to it when `right`, else before them. One `<` a
    step, as CPython's."""
    if lo < 0:
        raise ValueError("lo must be non-negative")
    if hi is None:
        hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        item = a[mid] if key is None else key(a[mid])
        if (x < item) if right else not (item < x):
            hi = mid
        else:
            lo = mid + 1
    return lo


def bisect_right(a, x, lo=0, hi=None, **options):
    return _search(a, x, lo, hi, _key(options, "bisect_right"), True)


def bisect_left(a, x, lo=0, hi=None, **options):
    return _search(a, x, lo, hi, _key(options, "bisect_left"), False)


def insort_right(a, x, lo=0, hi=None, **options):
    key = _key(options, "insort_right")
    a.insert(_search(a, x if key is None else key(x), lo, hi, key, True), x)


def insort_left(a, x, lo=0, hi=None, **options):
    key = _key(options, "insort_left")
    a.insert(_search(a, x if key is None else key(x), lo, hi, key, False), x)


bisect = bisect_right
insort = insort_right
