"""collections.abc: the abstract classes of containers, for isinstance checks and type hints.

As in CPython, a class counts as Iterable, Sized... when it defines the methods (its
`__subclasshook__` looks), and the built-in types are registered with the classes they fit.
`Iterable[int]` is a `types.GenericAlias`, as `list[int]` is, for annotations.
"""

from abc import ABC, abstractmethod
from _types import GenericAlias

__all__ = [
    "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Hashable",
    "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container", "Callable",
    "Collection", "Set", "MutableSet", "Mapping", "MutableMapping", "MappingView", "KeysView",
    "ItemsView", "ValuesView", "Sequence", "MutableSequence", "ByteString",
]


def _check_methods(C, *methods):
    """Whether C or a base defines every method (None in a class counts as "not here")."""
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class _Abstract(ABC):
    """A class that sets `_required` counts every class defining those methods as its own
    (its own `_required` only: a subclass without one relies on registration)."""

    __slots__ = ()

    @classmethod
    def __subclasshook__(cls, C):
        if cls.__dict__.get("_required"):
            return _check_methods(C, *cls._required)
        return NotImplemented

    __class_getitem__ = classmethod(GenericAlias)


class Hashable(_Abstract):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is not Hashable:
            return NotImplemented
        if C in (list, dict, set):
            return False
        # A class that defines __eq__ without __hash__ has __hash__ None.
        for B in C.__mro__:
            if "__hash__" in B.__dict__:
                return B.__dict__["__hash__"] is not None
        return True


class Awaitable(_Abstract):
    _required = ("__await__",)


class Coroutine(Awaitable):
    _required = ("__await__", "send", "throw", "close")


class AsyncIterable(_Abstract):
    _required = ("__aiter__",)


class AsyncIterator(AsyncIterable):
    _required = ("__aiter__", "__anext__")

    def __aiter__(self):
        return self


class AsyncGenerator(AsyncIterator):
    _required = ("__aiter__", "__anext__", "asend", "athrow", "aclose")


class Iterable(_Abstract):
    _required = ("__iter__",)

    @abstractmethod
    def __iter__(self):
        while False:
            yield None


class Iterator(Iterable):
    _required = ("__iter__", "__next__")

    @abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self


class Reversible(Iterable):
    _required = ("__reversed__", "__iter__")


class Generator(Iterator):
    _required = ("__iter__", "__next__", "send", "throw", "close")


class Sized(_Abstract):
    _required = ("__len__",)

    @abstractmethod
    def __len__(self):
        return 0


class Container(_Abstract):
    _required = ("__contains__",)

    @abstractmethod
    def __contains__(self, x):
        return False


class Collection(Sized, Iterable, Container):
    _required = ("__len__", "__iter__", "__contains__")


class Callable(_Abstract):
    _required = ("__call__",)

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False


class Set(Collection):
    """The comparisons and operators of a set, from `__contains__`, `__iter__` and `__len__`."""

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable(value for value in other if value in self)

    __rand__ = __and__

    def isdisjoint(self, other):
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        chain = (e for s in (self, other) for e in s)
        return self._from_iterable(chain)

    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in self if value not in other)

    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable(value for value in other if value not in self)

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return (self - other) | (other - self)

    __rxor__ = __xor__


class MutableSet(Set):
    pass


class Mapping(Collection):
    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

    def __eq__(self, other):
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())

    __reversed__ = None

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def keys(self):
        return KeysView(self)

    def items(self):
        return ItemsView(self)

    def values(self):
        return ValuesView(self)


class MutableMapping(Mapping):
    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError

    _marker = object()

    def pop(self, key, default=_marker):
        try:
            value = self[key]
        except KeyError:
            if default is self._marker:
                raise
            return default
        del self[key]
        return value

    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), **kwds):
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default


class MappingView(Sized):
    __slots__ = ("_mapping",)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return "{0.__class__.__name__}({0._mapping!r})".format(self)


class KeysView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping


class ItemsView(MappingView, Set):
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value

    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])


class ValuesView(MappingView, Collection):
    __slots__ = ()

    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False

    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]


class Sequence(Reversible, Collection):
    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                yield self[i]
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for item in self:
            if item is value or item == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value):
        for i, item in enumerate(self):
            if item is value or item == value:
                return i
        raise ValueError

    def count(self, value):
        return sum(1 for item in self if item is value or item == value)


class MutableSequence(Sequence):
    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = self[n - i - 1], self[i]

    def extend(self, values):
        if values is self:
            values = list(values)
        for value in values:
            self.append(value)

    def pop(self, index=-1):
        value = self[index]
        del self[index]
        return value

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self


class ByteString(Sequence):
    pass


def _iterator_types():
    samples = [iter([]), iter(()), iter(""), iter("é"), iter(b""), iter(range(0)),
               iter(range(2**70)), iter({}), iter({}.values()), iter({}.items()), iter(set()),
               reversed([]), reversed(()), reversed({}), map(len, []), zip(), filter(None, []),
               enumerate([])]
    return {type(sample) for sample in samples}


def _generator():
    yield


_views = [type({}.keys()), type({}.values()), type({}.items())]
_sequences = [list, tuple, str, bytes, range]
_registrations = [
    (Iterable, _sequences + [dict, set, frozenset] + _views),
    (Reversible, _sequences + [dict] + _views),
    (Sized, _sequences + [dict, set, frozenset] + _views),
    (Container, _sequences + [dict, set, frozenset] + _views),
    (Collection, _sequences + [dict, set, frozenset] + _views),
    (Sequence, _sequences),
    (MutableSequence, [list]),
    (ByteString, [bytes]),
    (Set, [set, frozenset, _views[0], _views[2]]),
    (MutableSet, [set]),
    (Mapping, [dict]),
    (MutableMapping, [dict]),
    (MappingView, _views),
    (KeysView, [_views[0]]),
    (ValuesView, [_views[1]]),
    (ItemsView, [_views[2]]),
    (Iterator, list(_iterator_types()) + [type(_generator())]),
    (Iterable, list(_iterator_types()) + [type(_generator())]),
    (Generator, [type(_generator())]),
    (Callable, [type(len), type(_generator), type, type([].append)]),
]
for _abc, _types in _registrations:
    for _type in _types:
        _abc.register(_type)
del _abc, _type, _types
