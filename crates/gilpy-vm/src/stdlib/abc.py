"""Abstract base classes: `ABC`, `ABCMeta` and `abstractmethod`. A class that still has abstract methods
cannot be instantiated, with CPython's message for the version."""

import sys as _sys


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _abstract_methods(cls):
    names = []
    for klass in reversed(cls.__mro__):
        for name, value in klass.__dict__.items():
            if getattr(value, "__isabstractmethod__", False):
                if name not in names:
                    names.append(name)
            elif name in names:
                names.remove(name)
    return sorted(names)


# The classes each abstract class was told about with `register`, by abstract class.
_registry = {}


# Each class's abstract methods, found once: instantiating walks no order after the first.
_abstract_cache = {}


class ABCMeta(type):
    """Classes made with it may count other classes as their subclasses: those they `register`,
    and those their `__subclasshook__` accepts; and cannot be instantiated while they have
    abstract methods (CPython checks that in `object.__new__`; here the metaclass's `__call__`
    does)."""

    def __call__(cls, *args, **kwargs):
        missing = _abstract_cache.get(cls)
        if missing is None:
            missing = _abstract_cache[cls] = _abstract_methods(cls)
        if missing:
            plural = "s" if len(missing) > 1 else ""
            if _sys.version_info >= (3, 12):
                quoted = ", ".join("'" + name + "'" for name in missing)
                message = ("Can't instantiate abstract class " + cls.__name__
                           + " without an implementation for abstract method" + plural + " "
                           + quoted)
            else:
                message = ("Can't instantiate abstract class " + cls.__name__
                           + " with abstract method" + plural + " " + ", ".join(missing))
            raise TypeError(message)
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        _registry.setdefault(cls, []).append(subclass)
        return subclass

    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if cls in getattr(subclass, "__mro__", ()):
            return True
        hook = getattr(cls, "__subclasshook__", None)
        if hook is not None:
            answer = hook(subclass)
            if answer is not NotImplemented:
                return answer
        for registered in _registry.get(cls, ()):
            if registered is subclass or issubclass(subclass, registered):
                return True
        return False


class ABC(metaclass=ABCMeta):
    __slots__ = ()
