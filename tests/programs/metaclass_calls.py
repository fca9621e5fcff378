# Calling a metaclass with a name, bases and a namespace makes a class of its kind (its
# __init__ runs, ABCMeta sets the abstract methods), so dataclass(slots=True), which remakes
# the class through type(cls), works on a subclass of an ABC.
from abc import ABC, ABCMeta, abstractmethod
from dataclasses import dataclass
import sys
class Shape(ABC):
    @abstractmethod
    def area(self): ...
@dataclass(**({"slots": True} if sys.version_info >= (3, 10) else {}))
class Sq(Shape):
    side: float
    def area(self): return self.side ** 2
print(Sq(2).area(), type(Sq).__name__)
X = ABCMeta("X", (ABC,), {"f": abstractmethod(lambda self: 1)})
try:
    X()
except TypeError as e:
    print("TypeError", "X" in str(e))
class M(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        cls.made_by = "M"
Y = M("Y", (), {"a": 1})
print(Y.a, Y.made_by, type(Y).__name__, Y.__name__, Y.__qualname__)
