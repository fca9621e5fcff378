"""Data classes: @dataclass writes __init__, __repr__, __eq__, ordering and hashing from the
class's annotated fields, as CPython's dataclasses module does (methods are made with exec,
so they have exact signatures)."""

import sys as _sys

_VERSION = _sys.version_info
_repr = repr  # dataclass() has a parameter of that name

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "MISSING",
           "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class _HasDefaultFactory:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HasDefaultFactory()


class InitVar:
    def __init__(self, type):
        self.type = type


_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only=MISSING):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ("Field(name=" + repr(self.name) + ",type=" + repr(self.type)
                + ",default=" + repr(self.default)
                + ",default_factory=" + repr(self.default_factory)
                + ",init=" + repr(self.init) + ",repr=" + repr(self.repr)
                + ",hash=" + repr(self.hash) + ",compare=" + repr(self.compare)
                + ",metadata=" + repr(self.metadata) + ")")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None,
          compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def fields(class_or_instance):
    try:
        found = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple([f for f in found.values() if not isinstance(f.type, InitVar)])


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _is_dataclass_instance(obj):
    return not isinstance(obj, type) and hasattr(type(obj), _FIELDS)


def _make_function(name, parameters, body_lines, namespace, qualname):
    body = "\n".join(["    " + line for line in body_lines]) or "    pass"
    exec("def " + name + "(" + ", ".join(parameters) + "):\n" + body + "\n", namespace)
    function = namespace[name]
    function.__qualname__ = qualname + "." + name
    return function


def _set_new(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _field_tuple(fields, prefix):
    return "(" + "".join([prefix + "." + f.name + "," for f in fields]) + ")"


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    all_fields = {}
    for base in cls.__mro__[-1:0:-1]:
        base_fields = base.__dict__.get(_FIELDS)
        if base_fields is not None:
            for f in base_fields.values():
                all_fields[f.name] = f

    annotations = cls.__dict__.get("__annotations__", {})
    own_fields = []
    for name, kind in annotations.items():
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = kind
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if isinstance(f.default, (list, dict)):
            raise ValueError("mutable default " + str(type(f.default)) + " for field "
                             + name + " is not allowed: use default_factory")
        own_fields.append(f)
        all_fields[name] = f
        # The class attribute keeps a plain default; a Field object does not stay.
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)

    setattr(cls, _FIELDS, all_fields)
    setattr(cls, _PARAMS, {"init": init, "repr": repr, "eq": eq, "order": order,
                           "unsafe_hash": unsafe_hash, "frozen": frozen})
    field_list = list(all_fields.values())
    qualname = cls.__qualname__
    namespace = {"MISSING": MISSING, "_HAS_DEFAULT_FACTORY": _HAS_DEFAULT_FACTORY,
                 "__dataclass_builtins_object__": object,
                 "FrozenInstanceError": FrozenInstanceError, "__name__": cls.__module__}

    if init:
        _set_new(cls, "__init__", _make_init(field_list, frozen, cls, namespace, qualname))
    if repr:
        shown = [f for f in field_list if f.repr]
        parts = " + ', ' + ".join(["'" + f.name + "=' + repr(self." + f.name + ")"
                                   for f in shown]) or "''"
        _set_new(cls, "__repr__", _make_function(
            "__repr__", ["self"],
            ["return self.__class__.__qualname__ + '(' + " + parts + " + ')'"],
            namespace, qualname))
    compared = [f for f in field_list if f.compare]
    if eq:
        _set_new(cls, "__eq__", _make_function(
            "__eq__", ["self", "other"],
            ["if other.__class__ is self.__class__:",
             "    return " + _field_tuple(compared, "self") + " == "
             + _field_tuple(compared, "other"),
             "return NotImplemented"],
            namespace, qualname))
    if order:
        for name, op in [("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")]:
            function = _make_function(
                name, ["self", "other"],
                ["if other.__class__ is self.__class__:",
                 "    return " + _field_tuple(compared, "self") + " " + op + " "
                 + _field_tuple(compared, "other"),
                 "return NotImplemented"],
                namespace, qualname)
            if _set_new(cls, name, function):
                raise TypeError("Cannot overwrite attribute " + name + " in class "
                                + cls.__name__ + ". Consider using functools.total_ordering")
    if frozen:
        for name, parameters in [("__setattr__", ["self", "name", "value"]),
                                 ("__delattr__", ["self", "name"])]:
            function = _make_function(
                name, parameters,
                ["if type(self) is cls or name in " + _repr(tuple(all_fields)) + ":",
                 "    raise FrozenInstanceError('cannot assign to field ' + repr(name))"
                 if name == "__setattr__" else
                 "    raise FrozenInstanceError('cannot delete field ' + repr(name))",
                 "super(cls, self)." + name + "(" + ", ".join(parameters[1:]) + ")"],
                dict(namespace, cls=cls), qualname)
            if _set_new(cls, name, function):
                raise TypeError("Cannot overwrite attribute " + name + " in class "
                                + cls.__name__)

    has_own_hash = "__hash__" in cls.__dict__ and cls.__dict__["__hash__"] is not None
    if "__eq__" in cls.__dict__ and "__hash__" in cls.__dict__ and cls.__dict__["__hash__"] is None:
        # Only the implicit None that defining __eq__ left: not the class's own choice.
        has_own_hash = False
    hashed = [f for f in field_list if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        if unsafe_hash and has_own_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class " + cls.__name__)
        if not has_own_hash or unsafe_hash:
            setattr(cls, "__hash__", _make_function(
                "__hash__", ["self"], ["return hash(" + _field_tuple(hashed, "self") + ")"],
                namespace, qualname))
    elif eq and not has_own_hash:
        setattr(cls, "__hash__", None)

    if match_args and _VERSION >= (3, 10):
        _set_new(cls, "__match_args__",
                 tuple([f.name for f in field_list if f.init and not f.kw_only]))
    return cls


def _make_init(fields, frozen, cls, namespace, qualname):
    positional = []
    keyword = []
    seen_default = None
    for f in fields:
        if not f.init:
            continue
        if f.kw_only is True:
            keyword.append(f)
            continue
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if has_default:
            seen_default = f
        elif seen_default is not None:
            if _VERSION >= (3, 12):
                raise TypeError("non-default argument " + repr(f.name)
                                + " follows default argument " + repr(seen_default.name))
            raise TypeError("non-default argument " + repr(f.name)
                            + " follows default argument")
        positional.append(f)

    def parameter(f):
        if f.default_factory is not MISSING:
            return f.name + "=_HAS_DEFAULT_FACTORY"
        if f.default is not MISSING:
            namespace["__dataclass_dflt_" + f.name + "__"] = f.default
            return f.name + "=__dataclass_dflt_" + f.name + "__"
        return f.name

    parameters = ["self"] + [parameter(f) for f in positional]
    if keyword:
        parameters += ["*"] + [parameter(f) for f in keyword]
    lines = []
    for f in fields:
        if f.default_factory is not MISSING:
            namespace["__dataclass_factory_" + f.name + "__"] = f.default_factory
            factory = "__dataclass_factory_" + f.name + "__()"
            value = (factory + " if " + f.name + " is _HAS_DEFAULT_FACTORY else " + f.name
                     if f.init else factory)
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            namespace["__dataclass_dflt_" + f.name + "__"] = f.default
            value = "__dataclass_dflt_" + f.name + "__"
        else:
            continue
        if frozen:
            lines.append("__dataclass_builtins_object__.__setattr__(self, "
                         + repr(f.name) + ", " + value + ")")
        else:
            lines.append("self." + f.name + " = " + value)
    if hasattr(cls, "__post_init__"):
        lines.append("self.__post_init__()")
    return _make_function("__init__", parameters, lines, namespace, qualname)


_UNSET = object()


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=_UNSET, kw_only=_UNSET, slots=_UNSET):
    if _VERSION < (3, 10):
        # Added in 3.10.
        for name, given in (("match_args", match_args), ("kw_only", kw_only), ("slots", slots)):
            if given is not _UNSET:
                raise TypeError("dataclass() got an unexpected keyword argument '%s'" % name)
    match_args = True if match_args is _UNSET else match_args
    kw_only = False if kw_only is _UNSET else kw_only
    slots = False if slots is _UNSET else slots
    if order and not eq:
        raise ValueError("eq must be true if order is true")

    def wrap(cls):
        cls = _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                             kw_only)
        if slots:
            cls = _add_slots(cls)
        return cls

    if cls is None:
        return wrap
    return wrap(cls)


def _add_slots(cls):
    """The class made again with `__slots__` for its fields, as CPython's `slots=True` does:
    its objects have no `__dict__`, and the fields' defaults leave the class namespace."""
    if "__slots__" in cls.__dict__:
        raise TypeError(cls.__name__ + " already specifies __slots__")
    namespace = dict(cls.__dict__)
    names = tuple(f.name for f in fields(cls))
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(getattr(base, "__slots__", ()))
    namespace["__slots__"] = tuple(name for name in names if name not in inherited)
    for name in names:
        namespace.pop(name, None)
    namespace.pop("__dict__", None)
    namespace.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    cls = type(cls)(cls.__name__, cls.__bases__, namespace)
    if qualname is not None:
        cls.__qualname__ = qualname
    return cls


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    return _copy_fields(obj, lambda o: dict_factory(
        [(f.name, _asdict_inner(getattr(o, f.name), dict_factory)) for f in fields(o)]),
        lambda v: _asdict_inner(v, dict_factory))


def _copy_fields(obj, of_dataclass, inner):
    """A copy of obj with dataclasses made by of_dataclass and containers copied deeply."""
    if _is_dataclass_instance(obj):
        return of_dataclass(obj)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[inner(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([inner(v) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(inner(k), inner(v)) for k, v in obj.items()])
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    return _copy_fields(obj, lambda o: tuple_factory(
        [_astuple_inner(getattr(o, f.name), tuple_factory) for f in fields(o)]),
        lambda v: _astuple_inner(v, tuple_factory))


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if not f.init:
            if f.name in changes:
                raise ValueError("field " + f.name + " is declared with init=False, "
                                 "it cannot be specified with replace()")
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **options):
    namespace = {} if namespace is None else dict(namespace)
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            name, kind = item, "typing.Any"
        elif len(item) == 2:
            name, kind = item
        else:
            name, kind, spec = item
            namespace[name] = spec
        annotations[name] = kind
    namespace["__annotations__"] = annotations
    cls = type(cls_name, bases, namespace)
    return dataclass(cls, **options)
