"""Enumerations: Enum, IntEnum, StrEnum (3.11+), auto and unique, as CPython's enum shows them.

CPython builds members in its metaclass's `__new__`; gilpy's metaclasses may not define one, so
`Enum.__init_subclass__` turns the class body's names into members once the class exists. The
metaclass gives the class its container behaviour (iteration, len, `Color["RED"]`, `Color(1)`).
"""

import sys as _sys

_V311 = _sys.version_info >= (3, 11)
_V312 = _sys.version_info >= (3, 12)


class auto:
    """A member's value, chosen by `_generate_next_value_`: 1, 2, 3... by default."""

    def __repr__(self):
        return "auto(...)"


def _is_member_name(name, value):
    if name.startswith("_"):
        return False
    if callable(value) or isinstance(value, (staticmethod, classmethod, property)):
        return False
    return True


class _EnumTypeMethods:
    """The body of the type of enumerations, which is named EnumType since 3.11 and EnumMeta
    before (one name is an alias of the other)."""

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1):
        if names is not None:
            return cls._functional(value, names, start)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for member in cls._member_map_.values():
            if member._value_ == value:
                return member
        missing = cls._missing_(value)
        if isinstance(missing, cls):
            return missing
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    def _functional(cls, class_name, names, start):
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        namespace = {}
        items = list(names.items()) if isinstance(names, dict) else list(names)
        for index, item in enumerate(items):
            if isinstance(item, str):
                namespace[item] = start + index
            else:
                namespace[item[0]] = item[1]
        return type(class_name, (cls,), namespace)

    def __iter__(cls):
        return iter(cls._member_list_)

    def __reversed__(cls):
        return reversed(cls._member_list_)

    def __len__(cls):
        return len(cls._member_list_)

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        if _V312:
            return any(member._value_ == value for member in cls._member_list_)
        raise TypeError(
            "unsupported operand type(s) for 'in': '%s' and '%s'"
            % (type(value).__qualname__, cls.__class__.__qualname__))

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __bool__(cls):
        return True

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot reassign member %r" % name if _V311
                                 else "Cannot reassign members.")
        super().__setattr__(name, value)

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    @property
    def __members__(cls):
        return dict(cls._member_map_)


if _V311:
    class EnumType(_EnumTypeMethods, type):
        pass

    EnumMeta = EnumType
else:
    class EnumMeta(_EnumTypeMethods, type):
        pass


class Enum(metaclass=EnumMeta):
    """A set of named, unique constants: `class Color(Enum): RED = 1`."""

    _member_map_ = {}
    _member_list_ = []
    _value2member_map_ = {}

    def __init_subclass__(cls, **kwargs):
        cls._member_map_ = {}
        cls._member_list_ = []
        cls._value2member_map_ = {}
        last_values = []
        base = _data_type(cls)
        # Members hash by name; those that are ints or strs too hash as the value they equal.
        if base is object and "__hash__" not in cls.__dict__:
            cls.__hash__ = _hash_by_name
        for name, value in list(cls.__dict__.items()):
            if not _is_member_name(name, value):
                continue
            if isinstance(value, auto):
                value = cls._generate_next_value_(name, 1, len(last_values), last_values[:])
            last_values.append(value)
            alias = None
            for existing in cls._member_list_:
                if existing._value_ == value:
                    alias = existing
                    break
            if alias is not None:
                cls._member_map_[name] = alias
                type.__setattr__(cls, name, alias)
                continue
            args = value if isinstance(value, tuple) else (value,)
            if base is object:
                member = object.__new__(cls)
            else:
                member = base.__new__(cls, *args)
            member._name_ = name
            member._value_ = value if base is object or "__init__" in cls.__dict__ else base(*args)
            if "__init__" in cls.__dict__:
                member.__init__(*args)
            cls._member_map_[name] = member
            cls._member_list_.append(member)
            try:
                cls._value2member_map_[member._value_] = member
            except TypeError:
                pass
            type.__setattr__(cls, name, member)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return "<%s.%s: %r>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __reduce__(self):
        # As CPython's `__reduce_ex__`: the class called with the value finds the member.
        return self.__class__, (self._value_,)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


def _hash_by_name(member):
    return hash(member._name_)


def _data_type(cls):
    """The built-in type an enumeration's members extend (int for IntEnum), or object."""
    for klass in cls.__mro__:
        if klass in (int, str, float):
            return klass
    return object


class IntEnum(int, Enum):
    """Members that are ints as well, comparing and computing as their values."""

    if _V311:
        def __str__(self):
            return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


if _V311:
    class StrEnum(str, Enum):
        """Members that are strs as well; str() of one is its value (3.11+)."""

        def __str__(self):
            return self._value_

        def __format__(self, spec):
            return format(self._value_, spec)

        @staticmethod
        def _generate_next_value_(name, start, count, last_values):
            return name.lower()


def unique(enumeration):
    """Refuses an enumeration with aliases (two names for one value)."""
    duplicates = [(name, member.name) for name, member in enumeration.__members__.items()
                  if name != member.name]
    if duplicates:
        details = ", ".join("%s -> %s" % pair for pair in duplicates)
        raise ValueError("duplicate values found in %r: %s" % (enumeration, details))
    return enumeration
