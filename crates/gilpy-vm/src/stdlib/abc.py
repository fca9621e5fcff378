"""Abstract base classes: `ABC`, `ABCMeta` and `abstractmethod`. A class that still has abstract methods
cannot be instantiated (`object.__new__` refuses it, with CPython's message for the version)."""


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


class ABCMeta(type):
    """Classes made with it may count other classes as their subclasses: those they `register`,
    and those their `__subclasshook__` accepts; and cannot be instantiated while they have
    abstract methods: it sets `__abstractmethods__`, which `object.__new__` checks, as in
    CPython."""

    def __init__(cls, name, bases, namespace):
        super().__init__(name, bases, namespace)
        cls.__abstractmethods__ = frozenset(_abstract_methods(cls))

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
