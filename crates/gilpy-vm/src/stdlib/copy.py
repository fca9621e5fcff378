"""Shallow and deep copies: `copy.copy(x)` and `copy.deepcopy(x)`, with `__copy__` and
`__deepcopy__` hooks, as CPython's copy module makes them."""


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), type(...), type(NotImplemented), int, float, bool, str, bytes, range, type,
           type(len), type(lambda: None))


def _is_atomic(x):
    return isinstance(x, type) or type(x) in _ATOMIC


def _new_like(x):
    cls = type(x)
    if cls.__module__ == "_thread":
        # A lock: CPython's copy fails in pickling it (as it does for anything else it cannot).
        raise TypeError("cannot pickle '_thread.%s' object" % cls.__name__)
    try:
        return cls.__new__(cls)
    except TypeError as error:
        # A lock or another object made only by its module: CPython's copy fails in pickle.
        if not str(error).startswith("cannot create '"):
            raise
        raise TypeError("cannot pickle %r object" % str(error).split("'")[1]) from None


def _copy_state(x, y, convert):
    """The attributes of `x` (its `__dict__` and its `__slots__`) set on `y`, each converted."""
    if hasattr(x, "__dict__"):
        for name, value in list(x.__dict__.items()):
            y.__dict__[name] = convert(value)
    for klass in type(x).__mro__:
        slots = klass.__dict__.get("__slots__", ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if name not in ("__dict__", "__weakref__") and hasattr(x, name):
                setattr(y, name, convert(getattr(x, name)))


def _fill(x, y, convert):
    """The items of `x`, a subclass of a built-in container, put into `y`, each converted."""
    if isinstance(x, dict):
        for key, value in x.items():
            y[convert(key)] = convert(value)
    elif isinstance(x, list):
        y.extend(convert(item) for item in x)
    elif isinstance(x, set):
        y.update(convert(item) for item in x)


def copy(x):
    """A shallow copy: a new container holding the same items."""
    cls = type(x)
    if _is_atomic(x) or cls in (tuple, frozenset):
        return x
    if cls in (list, dict, set):
        return cls(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    y = _new_like(x)
    _fill(x, y, lambda value: value)
    _copy_state(x, y, lambda value: value)
    return y


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy: containers and objects copied all the way down, each shared object once."""
    if memo is None:
        memo = {}
    key = id(x)
    found = memo.get(key, _nil)
    if found is not _nil:
        return found
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        y = []
        memo[key] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[key] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        if key in memo:
            return memo[key]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls in (set, frozenset):
        y = cls(deepcopy(item, memo) for item in x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _new_like(x)
            memo[key] = y
            _fill(x, y, lambda value: deepcopy(value, memo))
            _copy_state(x, y, lambda value: deepcopy(value, memo))
            return y
    # Kept alive while the copy runs, so that its id is not reused (as CPython's _keep_alive).
    if y is not x:
        memo[key] = y
        memo.setdefault(id(memo), []).append(x)
    return y
