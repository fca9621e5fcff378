# Checks subclasses of built-in types (list, dict, tuple, str, int): inherited methods and operators, super(), __new__, __missing__, __setattr__.
class MyList(list):
    def total(self):
        return sum(self)

ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), isinstance(ml, list), type(ml).__name__, ml[1:], 3 in ml, ml + [5])
ml += [9]
print(ml, type(ml).__name__, ml == [1, 2, 3, 4, 9], list(ml), sorted(ml, reverse=True), bool(MyList()))

class Counter(dict):
    def __init__(self, iterable=(), **kw):
        super().__init__()
        for x in iterable:
            self[x] = self.get(x, 0) + 1
    def __missing__(self, key):
        return 0
    def __repr__(self):
        return "Counter(" + super().__repr__() + ")"

c = Counter("hello")
print(c, c["l"], len(c), dict(c), list(c.items()), "h" in c, isinstance(c, dict), c == {"h": 1, "e": 1, "l": 2, "o": 1})

class P(tuple):
    def __new__(cls, x, y):
        return tuple.__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return "P(x=%r, y=%r)" % self

p = P(1, 2)
print(p, p.x, p[1], p == (1, 2), len(p), {p: "a"}[(1, 2)], hash(p) == hash((1, 2)), tuple(p), p + (3,))
a, b = p
print(a, b, isinstance(p, tuple))

class Up(str):
    def shout(self):
        return self.upper() + "!"
u = Up("hi")
print(u, u.shout(), u + "x", len(u), repr(u), f"{u:>5}", u == "hi")

class D(dict):
    pass
d = D(a=1)
d["b"] = 2
print(d, D([("x", 1)]), list(d.keys()), dict.__getitem__(d, "a"), dict.get(d, "b"))

class N(int):
    pass
n = N(5)
print(n + 1, n * 2, n, repr(n), n == 5, int(n), str(n))
class F(object):
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.made = args
        return inst
    def __init__(self, a):
        self.a = a
f = F(3)
print(f.made, f.a)
class Frozen:
    def __setattr__(self, name, value):
        raise AttributeError("frozen " + name)
    def __init__(self):
        object.__setattr__(self, "v", 1)
fr = Frozen()
try:
    fr.v = 2
except AttributeError as e:
    print(e, fr.v)
Pair = type("Pair", (tuple,), {"first": property(lambda self: self[0]), "__module__": "shapes"})
pair = Pair((7, 8))
print(Pair, pair.first, pair, type(pair).__name__, Pair.__module__, P.__module__)
