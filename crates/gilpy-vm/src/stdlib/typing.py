"""Type hints: the names programs import from typing, so that the annotations that run (those
of modules, classes and dataclass fields) evaluate, and print as CPython prints them. Nothing
checks them, as CPython checks nothing either."""

import collections.abc as _abc
import collections as _collections
import sys as _sys

__all__ = [
    "Any", "AnyStr", "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable",
    "Callable", "ClassVar", "Collection", "Container", "Coroutine", "Counter", "DefaultDict",
    "Deque", "Dict", "Final", "FrozenSet", "Generator", "Generic", "Hashable", "Iterable",
    "Iterator", "List", "Literal", "Mapping", "MutableMapping", "MutableSequence", "MutableSet",
    "NoReturn", "Optional", "OrderedDict", "Protocol", "Reversible", "Sequence", "Set", "Sized",
    "Text", "Tuple", "Type", "TypeVar", "TYPE_CHECKING", "Union", "cast", "final", "overload",
    "runtime_checkable", "no_type_check",
]

TYPE_CHECKING = False
Text = str


def _type_repr(obj):
    """How a type shows inside a hint: built-in classes by name, others with their module."""
    if isinstance(obj, type):
        module = getattr(obj, "__module__", "builtins")
        name = getattr(obj, "__qualname__", obj.__name__)
        if module == "builtins":
            return name
        return module + "." + name
    if obj is ...:
        return "..."
    if obj is None or obj is type(None):
        return "None"
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(item) for item in obj) + "]"
    return repr(obj)


class _Hint:
    """What the hints share: `|` makes a Union (3.10+, as types do)."""

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm(_Hint):
    """`List`, `Optional`, `Callable`...: subscripted, an alias; called, its origin if any."""

    def __init__(self, name, origin=None, subscriptable=True, checks=None):
        self._name = name
        self._origin = origin
        self._subscriptable = subscriptable
        # The class that `isinstance` and `issubclass` test against: the origin, or for
        # `Iterable`, `Callable`... their abstract class in collections.abc.
        self._checks = origin if checks is None else checks

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not self._subscriptable:
            raise TypeError("typing." + self._name + " is not subscriptable")
        return _GenericAlias(self, params)

    def __instancecheck__(self, obj):
        if self._checks is None:
            raise TypeError(repr(self) + " cannot be used with isinstance()")
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        if self._checks is None:
            if self._name == "Any" and _sys.version_info >= (3, 11):
                return False  # `Any` is a class from 3.11, and `int` does not derive from it
            raise TypeError(repr(self) + " cannot be used with issubclass()")
        return issubclass(cls, self._checks)

    def __call__(self, *args, **kwargs):
        origin = self._origin
        if origin is None:
            if self._name == "Any" and _sys.version_info >= (3, 11):
                raise TypeError("Any cannot be instantiated")
            raise TypeError("Cannot instantiate typing." + self._name)
        if origin in (list, dict, set, frozenset, tuple, type):
            raise TypeError("Type " + self._name + " cannot be instantiated; use "
                            + origin.__name__ + "() instead")
        return origin(*args, **kwargs)


class _GenericAlias(_Hint):
    def __init__(self, origin, params):
        self.__origin__ = origin
        self.__args__ = params if isinstance(params, tuple) else (params,)

    def __repr__(self):
        name = self.__origin__._name
        args = self.__args__
        if name == "Union" and len(args) == 2 and (args[1] is None or args[1] is type(None)):
            return "typing.Optional[" + _type_repr(args[0]) + "]"
        return "typing." + name + "[" + ", ".join(_type_repr(arg) for arg in args) + "]"

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        # A Union answers from 3.10, as `int | str` does; other subscripted hints never.
        if self.__origin__ is Union and _sys.version_info >= (3, 10):
            return any(issubclass(cls, member) for member in self.__args__)
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((id(self.__origin__), self.__args__))


class _UnionForm(_SpecialForm):
    """`Union[X, Y]`: nested unions flatten, repeats go, and one member is that member."""

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        members = []
        for param in params:
            if isinstance(param, _GenericAlias) and param.__origin__ is Union:
                found = param.__args__
            else:
                found = (type(None) if param is None else param,)
            for member in found:
                if member not in members:
                    members.append(member)
        if len(members) == 1:
            return members[0]
        return _GenericAlias(self, tuple(members))


class _OptionalForm(_SpecialForm):
    def __getitem__(self, param):
        return Union[param, None]


Any = _SpecialForm("Any", subscriptable=False)
NoReturn = _SpecialForm("NoReturn", subscriptable=False)
Union = _UnionForm("Union")
Optional = _OptionalForm("Optional")
ClassVar = _SpecialForm("ClassVar")
Final = _SpecialForm("Final")
Literal = _SpecialForm("Literal")
List = _SpecialForm("List", list)
Dict = _SpecialForm("Dict", dict)
Set = _SpecialForm("Set", set)
FrozenSet = _SpecialForm("FrozenSet", frozenset)
Tuple = _SpecialForm("Tuple", tuple)
Type = _SpecialForm("Type", type)
Deque = _SpecialForm("Deque", _collections.deque)
DefaultDict = _SpecialForm("DefaultDict", _collections.defaultdict)
OrderedDict = _SpecialForm("OrderedDict", _collections.OrderedDict)
Counter = _SpecialForm("Counter", _collections.Counter)
Callable = _SpecialForm("Callable", checks=_abc.Callable)
Iterable = _SpecialForm("Iterable", checks=_abc.Iterable)
Iterator = _SpecialForm("Iterator", checks=_abc.Iterator)
Generator = _SpecialForm("Generator", checks=_abc.Generator)
Reversible = _SpecialForm("Reversible", checks=_abc.Reversible)
Sequence = _SpecialForm("Sequence", checks=_abc.Sequence)
MutableSequence = _SpecialForm("MutableSequence", checks=_abc.MutableSequence)
Mapping = _SpecialForm("Mapping", checks=_abc.Mapping)
MutableMapping = _SpecialForm("MutableMapping", checks=_abc.MutableMapping)
MutableSet = _SpecialForm("MutableSet", checks=_abc.MutableSet)
Collection = _SpecialForm("Collection", checks=_abc.Collection)
Container = _SpecialForm("Container", checks=_abc.Container)
Hashable = _SpecialForm("Hashable", subscriptable=False, checks=_abc.Hashable)
Sized = _SpecialForm("Sized", subscriptable=False, checks=_abc.Sized)
Awaitable = _SpecialForm("Awaitable", checks=_abc.Awaitable)
Coroutine = _SpecialForm("Coroutine", checks=_abc.Coroutine)
AsyncIterable = _SpecialForm("AsyncIterable", checks=_abc.AsyncIterable)
AsyncIterator = _SpecialForm("AsyncIterator", checks=_abc.AsyncIterator)
AsyncGenerator = _SpecialForm("AsyncGenerator", checks=_abc.AsyncGenerator)


class TypeVar(_Hint):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__


AnyStr = TypeVar("AnyStr", bytes, str)


class Generic:
    """A base for generic classes: `class Stack(Generic[T])` derives from Generic itself."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    pass


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def runtime_checkable(cls):
    return cls


def no_type_check(arg):
    return arg


class NamedTuple(tuple):
    """`class Point(NamedTuple): x: int; y: int = 0`: the class becomes a named tuple of its
    annotated fields, defaults from their values, as `collections.namedtuple` makes one. (CPython
    builds the class with a metaclass; here the base finishes it when it is subclassed.)"""

    __slots__ = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if NamedTuple not in cls.__bases__:
            return  # a subclass of a named tuple class keeps its fields
        own = cls.__dict__
        fields = list(own.get("__annotations__", {}))
        defaults = []
        for index, name in enumerate(fields):
            if name in own:
                defaults.append(own[name])
            elif defaults:
                before = [f for f in fields[:index] if f in own]
                raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                                % (name, "s" if len(before) > 1 else "", ", ".join(before)))
        template = _collections.namedtuple(cls.__name__, fields, defaults=defaults)
        for name, value in template.__dict__.items():
            if name not in ("__module__", "__doc__", "__dict__", "__weakref__"):
                setattr(cls, name, value)
