# A metaclass's __init__ runs once the class is made (a registry of plugin classes); ABCMeta sets
# __abstractmethods__, which object.__new__ checks, with or without ABC as a base and through a
# __new__ of the class's own.
from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
class Sq(Shape):
    def area(self): return 4
for cls in (Shape, Sq):
    try:
        cls()
    except TypeError as e:
        print(e)
class Full(Sq):
    def name(self): return "sq"
print(Full().area(), Full().name(), sorted(Shape.__abstractmethods__), Full.__abstractmethods__)
class Registry(type):
    classes = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        Registry.classes.append((name, len(bases), sorted(k for k in ns if not k.startswith("__"))))
class Plugin(metaclass=Registry):
    def run(self): pass
class Other(Plugin):
    x = 1
print(Registry.classes, type(Other).__name__)
class P(ABC):
    def __new__(cls, *a):
        return super().__new__(cls)
    @abstractmethod
    def f(self): ...
try:
    P()
except TypeError as e:
    print(e)
