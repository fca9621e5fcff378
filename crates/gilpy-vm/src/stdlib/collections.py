"""Container datatypes: namedtuple, deque, Counter, defaultdict and OrderedDict,
written after CPython's collections module (whose deque and defaultdict are in C)."""

from _types import GenericAlias
import _collections
import operator as _operator
import sys as _sys
from keyword import iskeyword as _iskeyword
from operator import itemgetter as _itemgetter
import collections.abc as _collections_abc

_VERSION = _sys.version_info


# ---- namedtuple ----

def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A tuple subclass whose items are also attributes, named by field_names."""
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    field_names = [str(name) for name in field_names]
    typename = str(typename)
    if rename:
        seen = {}
        for index in range(len(field_names)):
            name = field_names[index]
            if (not name.isidentifier() or _iskeyword(name) or name.startswith("_")
                    or name in seen):
                field_names[index] = "_" + str(index)
            seen[field_names[index]] = True
    for name in [typename] + field_names:
        if not isinstance(name, str):
            raise TypeError("Type names and field names must be strings")
        if not name.isidentifier():
            raise ValueError("Type names and field names must be valid identifiers: "
                             + repr(name))
        if _iskeyword(name):
            raise ValueError("Type names and field names cannot be a keyword: " + repr(name))
    seen = {}
    for name in field_names:
        if name.startswith("_") and not rename:
            raise ValueError("Field names cannot start with an underscore: " + repr(name))
        if name in seen:
            raise ValueError("Encountered duplicate field name: " + repr(name))
        seen[name] = True

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError("Got more default values than field names")
        for name, default in zip(field_names[len(field_names) - len(defaults):], defaults):
            field_defaults[name] = default

    field_names = tuple(field_names)
    num_fields = len(field_names)
    arg_list = ", ".join(field_names)
    if num_fields == 1:
        arg_list += ","
    repr_fmt = "(" + ", ".join([name + "=%r" for name in field_names]) + ")"
    tuple_new = tuple.__new__

    # __new__ gets the exact signature, so that wrong calls fail as CPython's do.
    namespace = {"_tuple_new": tuple_new, "__name__": "namedtuple_" + typename}
    parameters = list(field_names)
    if defaults is not None:
        first = num_fields - len(defaults)
        for index in range(first, num_fields):
            namespace["_default_" + str(index)] = defaults[index - first]
            parameters[index] += "=_default_" + str(index)
    # A lambda, as CPython's: before 3.10 argument errors name it `<lambda>()`.
    exec("__new__ = lambda _cls, " + ", ".join(parameters) + ": _tuple_new(_cls, ("
         + arg_list + "))", namespace)
    __new__ = namespace["__new__"]
    __new__.__name__ = "__new__"
    __new__.__doc__ = "Create new instance of " + typename + "(" + arg_list + ")"

    @classmethod
    def _make(cls, iterable):
        result = tuple_new(cls, iterable)
        if len(result) != num_fields:
            raise TypeError("Expected " + str(num_fields) + " arguments, got "
                            + str(len(result)))
        return result

    def _replace(self, /, **kwds):
        result = self._make([kwds.pop(name, value) for name, value
                             in zip(field_names, self)])
        if kwds:
            error = TypeError if _VERSION >= (3, 13) else ValueError
            raise error("Got unexpected field names: " + repr(list(kwds)))
        return result

    def __repr__(self):
        return self.__class__.__name__ + repr_fmt % self

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __getnewargs__(self):
        return tuple(self)

    class_namespace = {
        "__doc__": typename + "(" + arg_list + ")",
        "__slots__": (),
        "_fields": field_names,
        "_field_defaults": field_defaults,
        "__new__": __new__,
        "_make": _make,
        "_replace": _replace,
        "__repr__": __repr__,
        "_asdict": _asdict,
        "__getnewargs__": __getnewargs__,
    }
    if _VERSION >= (3, 10):
        class_namespace["__match_args__"] = field_names
    for index, name in enumerate(field_names):
        class_namespace[name] = property(_itemgetter(index))
    result = type(typename, (tuple,), class_namespace)

    for method in (__new__, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = typename + "." + method.__name__
    if module is None:
        module = _sys._getframemodulename(1) or "__main__"
    result.__module__ = module
    return result



# ---- deque ----

class deque:
    """A list-like sequence, fast to change at both ends; with maxlen, bounded.

    The items and the methods that touch them are in Rust (`_collections`), one lock per deque,
    so that each operation is atomic as in CPython and threads may share a deque; this class
    adds what is about the class: construction, maxlen, comparisons, copies, arithmetic."""
    # `deque[int]` in annotations, as CPython's.
    __class_getitem__ = classmethod(GenericAlias)

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        # Past a subclass's __setattr__, which CPython's deque never calls for its storage.
        object.__setattr__(self, "_storage", _collections.storage())
        return self

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        _collections.reset(self, maxlen)
        deque.extend(self, iterable)

    maxlen = property(_collections.maxlen)

    append = _collections.append
    appendleft = _collections.appendleft
    pop = _collections.pop
    popleft = _collections.popleft
    extend = _collections.extend
    extendleft = _collections.extendleft
    clear = _collections.clear
    rotate = _collections.rotate
    reverse = _collections.reverse
    insert = _collections.insert
    count = _collections.count
    index = _collections.index
    remove = _collections.remove
    __len__ = _collections.__len__
    if _VERSION < (3, 11):
        __bool__ = _collections.__bool__
    __iter__ = _collections.__iter__
    __reversed__ = _collections.__reversed__
    __contains__ = _collections.__contains__
    __getitem__ = _collections.__getitem__
    __setitem__ = _collections.__setitem__
    __delitem__ = _collections.__delitem__
    __repr__ = _collections.__repr__

    def copy(self):
        # As CPython's: a subclass gets maxlen only when there is one.
        if self.maxlen is None:
            return type(self)(self)
        return type(self)(self, self.maxlen)

    __copy__ = copy

    def __deepcopy__(self, memo):
        # What CPython's copy makes of `__reduce__` (below): the class called as pickle
        # would, the attributes of a subclass, then each item appended, deep-copied.
        from copy import deepcopy
        maxlen = self.maxlen
        result = type(self)() if maxlen is None else type(self)((), maxlen)
        memo[id(self)] = result
        for name, value in vars(self).items():
            if name != "_storage":
                setattr(result, name, deepcopy(value, memo))
        for item in self:
            result.append(deepcopy(item, memo))
        return result

    def _compare(self, other, compare):
        if not isinstance(other, deque):
            return NotImplemented
        return compare(_collections.snapshot(self), _collections.snapshot(other))

    def __eq__(self, other):
        return self._compare(other, _operator.eq)

    def __ne__(self, other):
        return self._compare(other, _operator.ne)

    def __lt__(self, other):
        return self._compare(other, _operator.lt)

    def __le__(self, other):
        return self._compare(other, _operator.le)

    def __gt__(self, other):
        return self._compare(other, _operator.gt)

    def __ge__(self, other):
        return self._compare(other, _operator.ge)

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not "' + type(other).__name__
                            + '") to deque')
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        # A copy (of the subclass too), repeated in place, as CPython's deque_repeat.
        result = self.copy()
        deque.__imul__(result, n)
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        items = _collections.snapshot(self) * n
        _collections.reset(self, self.maxlen)
        deque.extend(self, items)
        return self

    __hash__ = None


# ---- defaultdict ----

class defaultdict(dict):
    """A dict that makes missing values with default_factory() and keeps them."""
    # `defaultdict[int]` in annotations, as CPython's.
    __class_getitem__ = classmethod(GenericAlias)


    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        super().__init__(*args, **kwargs)
        self.default_factory = default_factory

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __repr__(self):
        return ("defaultdict(" + repr(self.default_factory) + ", "
                + dict.__repr__(self) + ")")


# ---- Counter ----

class Counter(dict):
    """A dict that counts hashable items; missing items count zero."""
    # `Counter[int]` in annotations, as CPython's.
    __class_getitem__ = classmethod(GenericAlias)


    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    if _VERSION >= (3, 10):
        def total(self):
            return sum(self.values())

    def most_common(self, n=None):
        ordered = sorted(self.items(), key=_itemgetter(1), reverse=True)
        if n is None:
            return ordered
        return ordered[:max(n, 0)]

    def elements(self):
        for element, count in self.items():
            for _ in range(count):
                yield element

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.")

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    for element, count in iterable.items():
                        self[element] = count + self.get(element, 0)
                else:
                    dict.update(self, iterable)
            else:
                for element in iterable:
                    self[element] = self.get(element, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                for element, count in iterable.items():
                    self[element] = self.get(element, 0) - count
            else:
                for element in iterable:
                    self[element] = self.get(element, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __delitem__(self, element):
        if element in self:
            dict.__delitem__(self, element)

    if _VERSION >= (3, 10):
        def __eq__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return all(self[e] == other[e] for c in (self, other) for e in c)

        def __ne__(self, other):
            if not isinstance(other, Counter):
                return NotImplemented
            return not self == other

    def __repr__(self):
        if not self:
            return self.__class__.__name__ + "()"
        try:
            shown = dict(self.most_common())
        except TypeError:
            shown = dict(self)
        return self.__class__.__name__ + "(" + repr(shown) + ")"

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            total = count + other[element]
            if total > 0:
                result[element] = total
        for element, count in other.items():
            if element not in self and count > 0:
                result[element] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            left = count - other[element]
            if left > 0:
                result[element] = left
        for element, count in other.items():
            if element not in self and count < 0:
                result[element] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            other_count = other[element]
            biggest = other_count if count < other_count else count
            if biggest > 0:
                result[element] = biggest
        for element, count in other.items():
            if element not in self and count > 0:
                result[element] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for element, count in self.items():
            other_count = other[element]
            smallest = count if count < other_count else other_count
            if smallest > 0:
                result[element] = smallest
        return result

    def __pos__(self):
        result = Counter()
        for element, count in self.items():
            if count > 0:
                result[element] = count
        return result

    def __neg__(self):
        result = Counter()
        for element, count in self.items():
            if count < 0:
                result[element] = 0 - count
        return result

    def _keep_positive(self):
        for element in [e for e, count in self.items() if not count > 0]:
            del self[element]
        return self

    def __iadd__(self, other):
        for element, count in other.items():
            self[element] += count
        return self._keep_positive()

    def __isub__(self, other):
        for element, count in other.items():
            self[element] -= count
        return self._keep_positive()


# ---- OrderedDict ----

class OrderedDict(dict):
    """A dict that can move its keys to either end; equality with another OrderedDict is
    order-sensitive."""
    # `OrderedDict[int]` in annotations, as CPython's.
    __class_getitem__ = classmethod(GenericAlias)


    def move_to_end(self, key, last=True):
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
        else:
            rest = list(self.items())
            dict.clear(self)
            dict.__setitem__(self, key, value)
            for k, v in rest:
                dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        if not self:
            raise KeyError("dictionary is empty")
        keys = list(self)
        key = keys[-1] if last else keys[0]
        return key, dict.pop(self, key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and list(self) == list(other)
        return dict.__eq__(self, other)

    def __ne__(self, other):
        return not self == other

    __hash__ = None

    def __reversed__(self):
        return reversed(list(self))

    def copy(self):
        return self.__class__(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        made = cls()
        for key in iterable:
            made[key] = value
        return made

    def __repr__(self):
        if not self:
            return self.__class__.__name__ + "()"
        if _VERSION >= (3, 12):
            return self.__class__.__name__ + "(" + dict.__repr__(self) + ")"
        return self.__class__.__name__ + "(" + repr(list(self.items())) + ")"


class ChainMap(_collections_abc.MutableMapping):
    """Several mappings seen as one: lookups try each in turn; writes, updates and deletions
    go to the first (CPython's collections.ChainMap)."""
    # `ChainMap[int]` in annotations, as CPython's.
    __class_getitem__ = classmethod(GenericAlias)


    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        d = {}
        for mapping in reversed(self.maps):
            d.update(dict.fromkeys(mapping))
        return iter(d)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        return f'{self.__class__.__name__}({", ".join(map(repr, self.maps))})'

    @classmethod
    def fromkeys(cls, iterable, *args):
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def popitem(self):
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError("No keys found in the first mapping.")

    def pop(self, key, *args):
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(f"Key not found in the first mapping: {key!r}")

    def clear(self):
        self.maps[0].clear()

    def __ior__(self, other):
        self.maps[0].update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ror__(self, other):
        if not isinstance(other, _collections_abc.Mapping):
            return NotImplemented
        m = dict(other)
        for child in reversed(self.maps):
            m.update(child)
        return self.__class__(m)


# How pickle writes them, as CPython's reduce them (the bytes match CPython's).
def _deque_reduce(self):
    # A subclass's attributes are the state (the storage is the items, given after).
    state = {name: value for name, value in vars(self).items() if name != "_storage"}
    arguments = () if self.maxlen is None else ((), self.maxlen)
    return self.__class__, arguments, state or None, iter(self)


def _defaultdict_reduce(self):
    factory = () if self.default_factory is None else (self.default_factory,)
    return self.__class__, factory, None, None, iter(self.items())


def _ordereddict_reduce(self):
    return self.__class__, (), None, None, iter(self.items())


def _counter_reduce(self):
    return self.__class__, (dict(self),)


deque.__reduce__ = _deque_reduce
defaultdict.__reduce__ = _defaultdict_reduce
OrderedDict.__reduce__ = _ordereddict_reduce
Counter.__reduce__ = _counter_reduce
