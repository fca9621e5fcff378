# What the `match` statement needs beyond comparing and unpacking (see compile/pattern.rs), as
# CPython's MATCH_SEQUENCE, MATCH_MAPPING, MATCH_KEYS and MATCH_CLASS do it. Each returns the
# values the subpatterns match next, in order, or None when the subject does not fit.
import sys

_MISSING = object()

# Built-in types a class pattern with one positional subpattern matches as a whole (`int(x)`),
# and their subclasses too, unless they define `__match_args__`.
_MATCH_SELF = (bool, bytes, dict, float, frozenset, int, list, set, str, tuple)


def _is_sequence(subject):
    if isinstance(subject, (list, tuple, range)):
        return True
    if isinstance(subject, (str, bytes, dict)):
        return False
    from collections import deque
    from collections.abc import Sequence
    return isinstance(subject, (deque, Sequence))


def _is_mapping(subject):
    if isinstance(subject, dict):
        return True
    from collections.abc import Mapping
    return isinstance(subject, Mapping)


def sequence(subject, count, star):
    """`[a, b, *rest, c]`: `count` subpatterns, the one at `star` (if any) taking a list."""
    if not _is_sequence(subject):
        return None
    # The length first: a subject that cannot fit is not copied.
    size = len(subject)
    if size != count if star is None else size < count - 1:
        return None
    items = list(subject)
    if star is None:
        return items
    after = count - star - 1
    if len(items) < count - 1:
        return None
    middle = items[star:len(items) - after]
    return items[:star] + [middle] + items[len(items) - after:]


def mapping(subject, keys, has_rest):
    """`{k1: p1, k2: p2, **rest}`: the values of `keys`, then the rest as a dict."""
    if not _is_mapping(subject):
        return None
    seen = []
    for key in keys:
        if key in seen:
            raise ValueError("mapping pattern checks duplicate key (%r)" % (key,))
        seen.append(key)
    values = []
    for key in keys:
        # `get`, not `[]`: a defaultdict must not grow the keys it is asked for.
        value = subject.get(key, _MISSING)
        if value is _MISSING:
            return None
        values.append(value)
    if has_rest:
        rest = dict(subject)
        for key in keys:
            del rest[key]
        values.append(rest)
    return values


def class_(subject, cls, positional, keywords):
    """`Cls(p1, p2, name=p3)`: the attributes `__match_args__` names for the positional
    subpatterns, then the named ones."""
    if not isinstance(cls, type):
        kind = "class" if sys.version_info >= (3, 12) else "type"
        raise TypeError("called match pattern must be a %s" % kind)
    if not isinstance(subject, cls):
        return None
    values = []
    names = []
    if positional:
        match_args = getattr(cls, "__match_args__", _MISSING)
        if match_args is _MISSING and issubclass(cls, _MATCH_SELF):
            if positional > 1:
                raise TypeError("%s() accepts 1 positional sub-pattern (%d given)"
                                % (cls.__name__, positional))
            values.append(subject)
        else:
            if match_args is _MISSING:
                match_args = ()
            if not isinstance(match_args, tuple):
                raise TypeError("%s.__match_args__ must be a tuple (got %s)"
                                % (cls.__name__, type(match_args).__name__))
            if len(match_args) < positional:
                allowed = len(match_args)
                raise TypeError("%s() accepts %d positional sub-pattern%s (%d given)"
                                % (cls.__name__, allowed, "" if allowed == 1 else "s",
                                   positional))
            names.extend(match_args[:positional])
    names.extend(keywords)
    seen = []
    for name in names:
        if not isinstance(name, str):
            raise TypeError("__match_args__ elements must be strings (got %s)"
                            % type(name).__name__)
        if name in seen:
            raise TypeError("%s() got multiple sub-patterns for attribute %r"
                            % (cls.__name__, name))
        seen.append(name)
        value = getattr(subject, name, _MISSING)
        if value is _MISSING:
            return None
        values.append(value)
    return values
