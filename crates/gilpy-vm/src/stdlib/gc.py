"""The cycle collector's switches, as CPython's gc module has them. gilpy frees an object when
its last reference goes and has no cycle collector: `collect()` finds nothing to free, and the
switches keep what they are told, so a program that turns collection off around a measurement
(as `timeit` does) runs unchanged."""

import sys as _sys

DEBUG_STATS = 1
DEBUG_COLLECTABLE = 2
DEBUG_UNCOLLECTABLE = 4
DEBUG_SAVEALL = 32
DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL

garbage = []
callbacks = []

_enabled = True
_debug = 0
# 3.13 collects the youngest generation after 2,000 allocations, not 700.
_threshold = (2000, 10, 10) if _sys.version_info >= (3, 13) else (700, 10, 10)


def enable():
    global _enabled
    _enabled = True


def disable():
    global _enabled
    _enabled = False


def isenabled():
    return _enabled


def collect(generation=2):
    if not isinstance(generation, int):
        raise TypeError("'" + type(generation).__name__
                        + "' object cannot be interpreted as an integer")
    if not 0 <= generation <= 2:
        raise ValueError("invalid generation")
    return 0


def get_count():
    return (0, 0, 0)


def get_threshold():
    return _threshold


def set_threshold(threshold0, *thresholds):
    global _threshold
    if len(thresholds) > 2:
        raise TypeError("set_threshold() takes at most 3 arguments ("
                        + str(len(thresholds) + 1) + " given)")
    new = [threshold0, *thresholds]
    _threshold = tuple(new + list(_threshold[len(new):]))


def get_debug():
    return _debug


def set_debug(flags):
    global _debug
    _debug = flags


def freeze():
    pass


def unfreeze():
    pass


def get_freeze_count():
    return 0


_MISSING = {"get_objects", "get_referrers", "get_referents", "is_tracked", "is_finalized",
            "get_stats"}


def __getattr__(name):
    # gilpy keeps no list of the objects it tracks: these cannot answer as CPython's do.
    if name in _MISSING:
        raise NotImplementedError("gc." + name + " is not supported by gilpy yet")
    raise AttributeError("module 'gc' has no attribute '" + name + "'")
