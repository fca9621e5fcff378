# Rules classes enforce: an abstract property (or classmethod) makes a class abstract until a
# subclass defines it, and an enumeration's members cannot be rebound.
from abc import ABC, abstractmethod
from enum import Enum


class Shape(ABC):
    @property
    @abstractmethod
    def name(self): ...

    @classmethod
    @abstractmethod
    def unit(cls): ...

    @abstractmethod
    def area(self): ...


class Square(Shape):
    def area(self):
        return 4


class Named(Square):
    @property
    def name(self):
        return "square"

    @classmethod
    def unit(cls):
        return "cm"


for cls in (Shape, Square, Named):
    try:
        shape = cls()
        print(cls.__name__, shape.name, shape.unit(), shape.area())
    except TypeError as error:
        print(cls.__name__, "TypeError:", error)
print(sorted(Shape.__abstractmethods__), sorted(Square.__abstractmethods__))


class Color(Enum):
    RED = 1
    GREEN = 2


try:
    Color.RED = 5
except AttributeError as error:
    print("AttributeError:", error)
Color.label = "colours"
print(Color.RED, Color.label, list(Color))
Color.extra = 5
del Color.extra
print(hasattr(Color, "extra"))
