# __getattr__ answers when a lookup raises AttributeError anywhere in it: a property's getter
# or a descriptor's __get__ too, not only a name found nowhere. Other errors pass through, and
# a class without __getattr__ lets the getter's error out.


class Lazy:
    """Computes `size` on first use; until then the getter fails and __getattr__ stands in."""

    def __init__(self):
        self.loaded = False

    @property
    def size(self):
        if not self.loaded:
            raise AttributeError("size not loaded")
        return 42

    def __getattr__(self, name):
        return "default " + name


lazy = Lazy()
print(lazy.size, lazy.color)
lazy.loaded = True
print(lazy.size)
for _ in range(3):
    print(Lazy().size)


class Refusing:
    def __get__(self, obj, owner):
        raise AttributeError("refused")


class WithDescriptor:
    field = Refusing()

    def __getattr__(self, name):
        return "from __getattr__: " + name


print(WithDescriptor().field)


class NoFallback:
    @property
    def value(self):
        raise AttributeError("no value here")


try:
    NoFallback().value
except AttributeError as error:
    print("AttributeError:", error)


class OtherError:
    @property
    def value(self):
        raise ValueError("bad value")

    def __getattr__(self, name):
        return "never"


try:
    OtherError().value
except ValueError as error:
    print("ValueError:", error)


class Chained:
    @property
    def value(self):
        return self.missing

    def __getattr__(self, name):
        if name == "missing":
            raise AttributeError("really missing")
        return "fallback " + name


print(Chained().value)
print(hasattr(NoFallback(), "value"), hasattr(Lazy(), "size"), getattr(NoFallback(), "value", 0))


class WriteOnly:
    """A property with a setter only: reading it is an AttributeError, so __getattr__ answers."""

    def _set(self, value):
        self.stored = value

    value = property(fset=_set)

    def __getattr__(self, name):
        return "no getter for " + name


only = WriteOnly()
only.value = 5
print(only.value, only.stored)
