# Checks dataclasses: generated __init__/__repr__/__eq__, defaults, field(default_factory), order, frozen.
from dataclasses import FrozenInstanceError, asdict, astuple, dataclass, field, fields, replace

@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: list = field(default_factory=list)

    def total(self):
        return self.price * self.qty

a = Item("pen", 1.5)
b = Item("book", 12.0, 2, ["paper"])
print(a, b, a.total(), b.total())
print(a == Item("pen", 1.5), a == b, a.tags is not Item("x", 0).tags)
a.tags.append("blue")
print(asdict(a), astuple(b), [f.name for f in fields(Item)], replace(a, qty=5))

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

versions = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 1)]
print(sorted(versions), max(versions), Version(1) < Version(1, 0, 1), Version(2) == Version(2, 0, 0))

@dataclass(frozen=True)
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, hash(p) == hash(Point(1, 2)), {p: "stored"}[Point(1, 2)])
try:
    p.x = 10
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)

@dataclass
class Account:
    owner: str
    balance: int = 0
    history: list = field(default_factory=list, repr=False)

    def __post_init__(self):
        self.owner = self.owner.title()

acct = Account("jane doe", 100)
acct.history.append("open")
print(acct, acct.history)
try:
    Item()
except TypeError:
    print("TypeError: missing required fields")
