# collections.abc: isinstance and issubclass through abstract classes (methods a class defines,
# built-in types registered), a Mapping mixin's methods, and hints such as Iterable[int].
from collections.abc import MutableSequence
from collections.abc import Iterable, Iterator, Mapping, Sequence, Callable, Hashable, Sized, Generator, MutableMapping, Set
import collections.abc as cabc
from abc import ABC
def gen():
    yield 1
class Box:
    def __init__(self, items): self.items = items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
class Point:
    def __eq__(self, other): return True
print(isinstance([], Iterable), isinstance(5, Iterable), isinstance(iter([]), Iterator), isinstance([], Iterator))
print(isinstance({}, Mapping), isinstance([], Mapping), isinstance("ab", Sequence), isinstance({1}, Sequence), isinstance({1}, Set))
print(isinstance(len, Callable), isinstance(gen, Callable), isinstance(3, Callable), isinstance(Box, Callable))
print(isinstance(Box([1]), Iterable), isinstance(Box([1]), Sized), isinstance(Box([]), Sequence), issubclass(Box, Iterable))
print(isinstance([], Hashable), isinstance((1,), Hashable), isinstance(Point(), Hashable), isinstance(Box([]), Hashable))
print(isinstance(gen(), Generator), isinstance(gen(), Iterator), isinstance({}, MutableMapping), isinstance(map(str, []), Iterator))
print(Iterable[int], Mapping[str, list[int]], Callable[[int], str], cabc.Sized)
def total(xs: Iterable[int]) -> int:
    return sum(xs)
print(total(range(4)))
class MyMap(Mapping):
    def __init__(self): self.d = {"a": 1}
    def __getitem__(self, k): return self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return 1
m = MyMap()
print(m.get("a"), m.get("z", 0), "a" in m, isinstance(m, Mapping), len(m))
class Shape(ABC): pass
class Sq(Shape): pass
print(isinstance(Sq(), Shape), issubclass(Sq, Shape), isinstance(3, Shape), isinstance([], (Mapping, Sequence)), isinstance(3, (int, Iterable)))

class X(Mapping):
    pass
try:
    X()
except TypeError as e:
    print("TypeError", e)
class Store(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
s = Store(); s.update({"a": 1}, b=2); s.setdefault("c", 3)
print(dict(s.items()), s.pop("a"), s.pop("z", 0), s == Store(), len(s), s.get("b"))
class Vec(MutableSequence):
    def __init__(self): self.items = []
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
    def __delitem__(self, i): del self.items[i]
    def __len__(self): return len(self.items)
    def insert(self, i, v): self.items.insert(i, v)
v = Vec(); v.extend([3, 1, 2]); v.append(5); v.reverse(); v.remove(1); v += [9]
print(v.items, v.pop(), list(v), 3 in v, v.index(2), v.count(5), list(reversed(v)))
class Count(Iterator):
    def __init__(self): self.n = 0
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(Count()), isinstance(Count(), Iterator))

from collections.abc import Callable as _Callable
print(Iterable[int], _Callable[[int, str], list[int]], Mapping[str, int] == Mapping[str, int], type(Iterable[int]).__name__)
