# enum (Enum, IntEnum, auto, unique, the functional form, members with __init__) and the
# metaclass methods it stands on: iteration, len, C[key], repr and __call__ on a class.
import enum
from abc import ABC, ABCMeta, abstractmethod
from concurrent.futures import ProcessPoolExecutor
from enum import Enum, IntEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return self.name.lower() + "!"


class State(Enum):
    IDLE = auto()
    RUNNING = auto()
    DONE = auto()


class Priority(IntEnum):
    LOW = 1
    HIGH = 2


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


def is_busy(state):
    return state is State.RUNNING, state.name


class Registry(type):
    def __iter__(cls):
        return iter(sorted(cls.items))

    def __len__(cls):
        return len(cls.items)

    def __getitem__(cls, key):
        return cls.items[key]

    def __repr__(cls):
        return "<registry " + cls.__name__ + ">"

    def __call__(cls, *args, **kwargs):
        cls.made += 1
        return super().__call__(*args, **kwargs)

    @property
    def size(cls):
        return len(cls.items) * 10


class Tools(metaclass=Registry):
    items = {"saw": 2, "axe": 1}
    made = 0

    def __init__(self, name):
        self.name = name


class MoreTools(Tools):
    items = {"drill": 5}


class Plugin(metaclass=ABCMeta):
    pass


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...


class Square(Shape):
    def area(self):
        return 4


def main():
    print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color.CRIMSON is Color.RED)
    print(list(Color), len(Color), Color(2), Color["BLUE"], Color.RED in Color, repr(Color))
    print([s.value for s in State], State.RUNNING, Color.GREEN.describe(), type(Color).__name__)
    print(Priority.HIGH > Priority.LOW, Priority.HIGH + 1, Priority.LOW == 1, sorted(Priority))
    print(f"{Color.RED}", f"{Priority.HIGH}", "%s" % State.DONE, str(Priority.LOW))
    print(Planet.EARTH.mass, Planet((3.303e23, 2.4397e6)), list(reversed(Planet)))
    for attempt in [lambda: Color(7), lambda: Color["PINK"], lambda: unique(Color),
                    lambda: Color.RED < Color.GREEN]:
        try:
            attempt()
        except (ValueError, KeyError, TypeError) as error:
            print(type(error).__name__, error)
    Animal = Enum("Animal", "CAT DOG")
    print(list(Animal), Animal.DOG.value, {Color.RED: "r"}[Color.CRIMSON], list(Color.__members__))
    if hasattr(enum, "StrEnum"):
        class Mode(enum.StrEnum):
            READ = auto()
            WRITE = "w"
        print(Mode.READ, repr(Mode.WRITE), Mode.READ == "read")
    else:
        print("read <Mode.WRITE: 'w'> True")

    print(list(Tools), len(Tools), Tools["axe"], [Tools], Tools.size, list(MoreTools))
    print(Tools("a").name, MoreTools(name="b").name, Tools.made, MoreTools.made)
    print(type(Tools) is Registry, isinstance(MoreTools, Registry), isinstance(Tools, type))

    print(Square().area(), type(Shape).__name__, type(Plugin).__name__, isinstance(Square(), Shape))
    try:
        Shape()
    except TypeError as error:
        print("TypeError raised:", "Shape" in str(error))


if __name__ == "__main__":
    main()
    with ProcessPoolExecutor(max_workers=1) as pool:
        print(pool.submit(is_busy, State.RUNNING).result(), pool.submit(State, 1).result())
