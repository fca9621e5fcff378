"""Tools for functions: reduce, partial, wraps, lru_cache and cache, cmp_to_key,
total_ordering, written after CPython's functools (whose fast paths are in C)."""

import sys as _sys
from collections import namedtuple

WRAPPER_ASSIGNMENTS = ("__module__", "__name__", "__qualname__", "__doc__")
WRAPPER_UPDATES = ("__dict__",)

_initial_missing = object()


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            what = "iterable" if _sys.version_info >= (3, 12) else "sequence"
            raise TypeError("reduce() of empty " + what + " with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    """A callable that calls func with these arguments first and these keywords."""

    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        parts = [repr(self.func)]
        parts.extend([repr(arg) for arg in self.args])
        parts.extend([key + "=" + repr(value) for key, value in self.keywords.items()])
        return "functools.partial(" + ", ".join(parts) + ")"


def cmp_to_key(mycmp):
    """A key for sorted() and friends that orders values by an old-style cmp function."""

    class K:
        __slots__ = ["obj"]

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None

    return K


_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


class _Marker:
    pass


_kwd_mark = (_Marker(),)


def _make_key(args, kwds, typed):
    key = args
    if kwds:
        key += _kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple([type(v) for v in args])
        if kwds:
            key += tuple([type(v) for v in kwds.values()])
    elif len(key) == 1 and type(key[0]) in (int, str):
        return key[0]
    return key


def lru_cache(maxsize=128, typed=False):
    """Memoise a function, keeping the maxsize most recently used results (all if None)."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError("Expected first argument to be an integer, a callable, or None")

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {"maxsize": maxsize, "typed": typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    sentinel = object()
    cache = {}
    hits = misses = 0

    if maxsize == 0:
        def wrapper(*args, **kwds):
            nonlocal misses
            misses += 1
            return user_function(*args, **kwds)

    elif maxsize is None:
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            key = _make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            cache[key] = result
            return result

    else:
        # The dict keeps insertion order: the least recently used key comes first.
        def wrapper(*args, **kwds):
            nonlocal hits, misses
            key = _make_key(args, kwds, typed)
            result = cache.pop(key, sentinel)
            if result is not sentinel:
                cache[key] = result
                hits += 1
                return result
            misses += 1
            result = user_function(*args, **kwds)
            if key not in cache:
                if len(cache) >= maxsize:
                    del cache[next(iter(cache))]
                cache[key] = result
            return result

    def cache_info():
        return _CacheInfo(hits, misses, maxsize, len(cache))

    def cache_clear():
        nonlocal hits, misses
        cache.clear()
        hits = misses = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    """Memoise a function without bound."""
    return lru_cache(maxsize=None)(user_function)


def _derived(root, combine):
    """An ordering method made from the root one: combine(root's result, self, other)."""

    def method(self, other):
        result = getattr(type(self), root)(self, other)
        if result is NotImplemented:
            return result
        return combine(result, self, other)
    return method


def _not_and_unequal(result, self, other):
    return not result and self != other


def _or_equal(result, self, other):
    return result or self == other


def _not(result, self, other):
    return not result


def _not_or_equal(result, self, other):
    return not result or self == other


def _and_unequal(result, self, other):
    return result and self != other


_ORDERINGS = {
    "__lt__": [("__gt__", _not_and_unequal), ("__le__", _or_equal), ("__ge__", _not)],
    "__le__": [("__ge__", _not_or_equal), ("__lt__", _and_unequal), ("__gt__", _not)],
    "__gt__": [("__lt__", _not_and_unequal), ("__ge__", _or_equal), ("__le__", _not)],
    "__ge__": [("__le__", _not_or_equal), ("__gt__", _and_unequal), ("__lt__", _not)],
}


def total_ordering(cls):
    """Fill in the rich comparisons a class lacks from the one it defines."""
    # The operations the class itself defines (not inherited from object).
    roots = [op for op in _ORDERINGS if getattr(cls, op, None) is not getattr(object, op, None)]
    if not roots:
        raise ValueError("must define at least one ordering operation: < > <= >=")
    root = max(roots)
    for name, combine in _ORDERINGS[root]:
        if name not in roots:
            method = _derived(root, combine)
            method.__name__ = name
            method.__qualname__ = cls.__qualname__ + "." + name
            setattr(cls, name, method)
    return cls


_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance: the value is kept in the instance's `__dict__`,
    which then answers before this (non-data) descriptor is asked again."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError("Cannot assign the same cached_property to two different names "
                            "(%r and %r)." % (self.attrname, name))

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError("Cannot use cached_property instance without calling __set_name__ "
                            "on it.")
        cache = instance.__dict__
        value = cache.get(self.attrname, _NOT_FOUND)
        if value is _NOT_FOUND:
            value = self.func(instance)
            cache[self.attrname] = value
        return value


def singledispatch(func):
    """A function that runs the implementation registered for its first argument's class (the
    nearest in the class's method resolution order), else `func`, as CPython's."""
    registry = {object: func}

    def dispatch(cls):
        for ancestor in cls.__mro__:
            if ancestor in registry:
                return registry[ancestor]
        return func

    def register(cls, func=None):
        if isinstance(cls, type) or _is_union(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError("Invalid first argument to `register()`. %r is not a class or union type." % (cls,))
            annotations = getattr(cls, "__annotations__", {})
            if not annotations:
                raise TypeError(
                    "Invalid first argument to `register()`: %r. Use either `@register(some_class)` "
                    "or plain `@register` on an annotated function." % (cls,))
            func = cls
            argname, cls = next((name, hint) for name, hint in annotations.items() if name != "return")
            if not (isinstance(cls, type) or _is_union(cls)):
                raise TypeError("Invalid annotation for %r. %r is not a class." % (argname, cls))
        for each in (cls.__args__ if _is_union(cls) else (cls,)):
            registry[each] = func
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError("%s requires at least 1 positional argument" % funcname)
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, "__name__", "singledispatch function")
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper


def _is_union(hint):
    return type(hint).__name__ in ("UnionType", "_UnionGenericAlias")


class singledispatchmethod:
    """A method that dispatches on the class of its first argument after self."""

    def __init__(self, func):
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def method(*args, **kwargs):
            return self.dispatcher.dispatch(args[0].__class__).__get__(obj, cls)(*args, **kwargs)
        method.register = self.register
        return method
