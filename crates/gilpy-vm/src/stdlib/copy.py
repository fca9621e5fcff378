"""Shallow and deep copies: `copy.copy(x)` and `copy.deepcopy(x)`, with `__copy__` and
`__deepcopy__` hooks, as CPython's copy module makes them."""


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, bytes, range, type, type(len), type(lambda: None))


def _is_atomic(x):
    return isinstance(x, type) or type(x) in _ATOMIC


def _new_like(x):
    cls = type(x)
    y = cls.__new__(cls)
    return y


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
    if hasattr(x, "__dict__"):
        y.__dict__.update(x.__dict__)
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
            if hasattr(x, "__dict__"):
                state = deepcopy(x.__dict__, memo)
                y.__dict__.update(state)
            return y
    # Kept alive while the copy runs, so that its id is not reused (as CPython's _keep_alive).
    if y is not x:
        memo[key] = y
        memo.setdefault(id(memo), []).append(x)
    return y
