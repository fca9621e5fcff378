# collections.abc's Mapping gives KeysView, ItemsView and ValuesView, with the Set operators;
# `from collections import abc` finds the submodule; ABCMeta alone (without ABC) enforces
# abstract methods; a metaclass's __str__ serves f-strings and format(); an int past 64 bits
# and the float it equals are one dict key; '%d' of big floats and ints; non-ASCII text
# indexed, sliced and searched from a position.
from collections import abc
from abc import ABCMeta, abstractmethod


class Table(abc.Mapping):
    def __init__(self, data):
        self.data = data

    def __getitem__(self, key):
        return self.data[key]

    def __len__(self):
        return len(self.data)

    def __iter__(self):
        return iter(self.data)

    def __repr__(self):
        return f"Table({self.data})"


t = Table({"a": 1, "b": 2})
k, i, v = t.keys(), t.items(), t.values()
print(k, i, v, list(k), list(i), list(v))
print("a" in k, ("a", 1) in i, ("a", 2) in i, 2 in v, 3 in v, len(k), len(v))
print(k == {"a", "b"}, k <= {"a", "b", "c"}, k < {"a"}, sorted(k & {"a", "z"}), sorted(k | {"z"}))
print(sorted(k - {"a"}), sorted({"a", "q"} - k), sorted(k ^ {"a", "q"}), k.isdisjoint({"x"}))
print(isinstance(k, abc.Set), isinstance(v, abc.Set), isinstance(k, abc.KeysView), t == {"a": 1, "b": 2})


class Store(abc.MutableMapping):
    def __init__(self):
        self.slots = {}

    def __getitem__(self, key):
        return self.slots[key]

    def __setitem__(self, key, value):
        self.slots[key] = value

    def __delitem__(self, key):
        del self.slots[key]

    def __len__(self):
        return len(self.slots)

    def __iter__(self):
        return iter(self.slots)


s = Store()
s.update(x=1, y=2)
s.setdefault("z", 3)
print(sorted(s.items()), s.pop("x"), list(s.keys()), list(s.values()))


class Worker(metaclass=ABCMeta):
    @abstractmethod
    def run(self):
        ...


class Done(Worker):
    def run(self):
        return "ran"


try:
    Worker()
except TypeError as error:
    print("TypeError", "abstract" in str(error), "run" in str(error))
print(Done().run(), isinstance(Done(), Worker))


class Named(type):
    def __str__(cls):
        return "class " + cls.__name__


class C(metaclass=Named):
    pass


print(f"{C}", str(C), "%s" % C, format(C), f"{int}", f"{C!r}")
for spec in [">30", "x"]:
    for value in (int, C):
        try:
            print(format(value, spec))
        except TypeError as error:
            print(error)

keys = {1e19: "a", 2**63: "b", -2.0**63: "c", 9.21e18: "d", 2.0**200: "e"}
print(keys.get(10**19), keys.get(2.0**63), keys.get(-2**63), keys.get(9210000000000000000), keys.get(2**200))
print(sorted({10**19, 1e19, 2**64, 2.0**64}), hash(1e19) == hash(10**19))
for make in [lambda: "%d" % 1e20, lambda: "%d" % float("inf"), lambda: "%i" % float("nan"),
             lambda: "%i" % -2.5e19, lambda: "%5d|" % 3.9, lambda: len("%d" % 10**4000),
             lambda: "%d" % 10**5000, lambda: "%x" % 10**5000 == hex(10**5000)[2:]]:
    try:
        print(make())
    except (ValueError, OverflowError) as error:
        print(type(error).__name__, str(error)[:40])

text = "héllo wörld " * 20 + "€" * 70 + "abc"
for a, b in [(0, 5), (3, 20), (-10, None), (250, 10), (100, 100), (5, 500)]:
    print(repr(text[a:b]))
print(text[::37], text[300:1:-41], [text[i] for i in (0, 1, 64, 65, 127, 128, 240, 241, 310, -1, -4)])
print(len(text), text.find("€"), text.rfind("ö"), text.find("ö", 100), text.count("l", 10, 100))
grown = ""
for n in range(300):
    grown += "é" if n % 7 == 0 else "a"
    if len(grown) % 100 == 0:
        print(len(grown), grown[-3:], grown.find("é", len(grown) - 10), grown[64], grown[len(grown) - 37])
