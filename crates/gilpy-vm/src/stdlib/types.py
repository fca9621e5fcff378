"""Names for the types of built-in objects that `builtins` does not name (functions,
generators, coroutines, methods, modules), and SimpleNamespace, as CPython's types module has
them. What gilpy does not have yet says so when a program asks for it."""

import sys
import _thread


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_coroutine = _c()
CoroutineType = type(_coroutine)
_coroutine.close()
del _coroutine


async def _ag():
    yield 1


AsyncGeneratorType = type(_ag())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type(len)
ModuleType = type(sys)
GenericAlias = type(list[int])

if sys.version_info >= (3, 10):
    NoneType = type(None)
    NotImplementedType = type(NotImplemented)
    EllipsisType = type(Ellipsis)
    UnionType = type(int | str)

del _f, _g, _c, _ag, _C

_MISSING = {"coroutine", "MappingProxyType", "TracebackType", "FrameType", "CellType",
            "new_class", "prepare_class", "resolve_bases", "get_original_bases",
            "DynamicClassAttribute", "MethodWrapperType", "WrapperDescriptorType",
            "MethodDescriptorType", "ClassMethodDescriptorType", "GetSetDescriptorType",
            "MemberDescriptorType", "CapsuleType"}


def __getattr__(name):
    if name in _MISSING:
        raise NotImplementedError("types." + name + " is not supported by gilpy yet")
    raise AttributeError("module 'types' has no attribute '" + name + "'")


_NO_ARGUMENT = object()

# The reprs being made, by thread: a namespace that holds itself shows as `namespace(...)`.
_repr_running = set()


class SimpleNamespace:
    """An object whose attributes are the keywords it was made with."""

    def __hash__(self):
        # CPython's SimpleNamespace is a C type, named with its module.
        raise TypeError("unhashable type: 'types.SimpleNamespace'")

    def __init__(self, mapping_or_iterable=_NO_ARGUMENT, /, **kwargs):
        if mapping_or_iterable is not _NO_ARGUMENT:
            if sys.version_info < (3, 13):
                raise TypeError("no positional arguments expected")
            kwargs = {**dict(mapping_or_iterable), **kwargs}
        for key in kwargs:
            if not isinstance(key, str):
                raise TypeError("keywords must be strings")
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        key = (id(self), _thread.get_ident())
        if key in _repr_running:
            return name + "(...)"
        _repr_running.add(key)
        try:
            items = ", ".join(k + "=" + repr(v) for k, v in self.__dict__.items())
        finally:
            _repr_running.discard(key)
        return name + "(" + items + ")"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __reduce__(self):
        return (type(self), (), dict(self.__dict__))

    if sys.version_info >= (3, 13):
        def __replace__(self, /, **changes):
            result = type(self)()
            result.__dict__.update(self.__dict__)
            result.__dict__.update(changes)
            return result
