# collections.deque, every method and its errors in each version's words: the ends, bounds
# (maxlen drops from the other end), rotation, indexing, searching, comparisons, copies,
# pickling, a subclass, and iteration that notices the deque changing under it.
import copy
import pickle
from collections import deque


def attempt(label, action):
    try:
        print(label, repr(action()))
    except Exception as error:
        print(label, type(error).__name__ + ":", error)


d = deque([1, 2, 3], maxlen=5)
attempt("append()", lambda: d.append())
attempt("appendleft(1, 2)", lambda: d.appendleft(1, 2))
attempt("pop empty", lambda: deque().pop())
attempt("popleft empty", lambda: deque().popleft())
attempt("d[7]", lambda: d[7])
attempt("d['a']", lambda: d["a"])
attempt("d[1:2]", lambda: d[1:2])
attempt("remove(9)", lambda: d.remove(9))
attempt("index(9)", lambda: d.index(9))
attempt("rotate('x')", lambda: d.rotate("x"))
attempt("rotate(1, 2)", lambda: d.rotate(1, 2))
attempt("insert into full", lambda: deque([1], maxlen=1).insert(0, 5))
attempt("count()", lambda: d.count())
attempt("maxlen=-1", lambda: deque(maxlen=-1))
attempt("maxlen='a'", lambda: deque(maxlen="a"))
attempt("deque(1)", lambda: deque(1))
attempt("extend(5)", lambda: d.extend(5))
attempt("maxlen", lambda: (d.maxlen, deque().maxlen))
attempt("pop(1)", lambda: d.pop(1))
attempt("len", lambda: (len(d), d.__len__(), bool(d), bool(deque())))
attempt("module", lambda: type(d).__module__)
attempt("d + [1]", lambda: d + [1])
attempt("d * 2", lambda: d * 2)
attempt("2 * d", lambda: 2 * d)
attempt("index in a range", lambda: d.index(2, 0, 1))
attempt("index from the end", lambda: d.index(2, -5))
attempt("index of c", lambda: deque("abc").index("c", 1))
attempt("count", lambda: deque([1, 2, 1, 1.0]).count(1))
attempt("in", lambda: (3 in deque([1, 2, 3]), 4 in deque([1, 2, 3])))

inner = deque([1])
inner.append(inner)
attempt("holds itself", lambda: inner)
attempt("equal", lambda: deque(range(3)) == deque(range(3)))
attempt("less", lambda: deque([1]) < deque([1, 2]))
attempt("equal to a list", lambda: deque([1]) == [1])


def grow_while_iterating():
    items = deque([1, 2, 3])
    for item in items:
        items.append(item)


def shrink_while_iterating():
    items = deque([1, 2, 3])
    walker = iter(items)
    next(walker)
    items.popleft()
    return next(walker)


attempt("grow while iterating", grow_while_iterating)
attempt("shrink while iterating", shrink_while_iterating)
attempt("reversed", lambda: list(reversed(deque([1, 2, 3]))))
attempt("iterator type", lambda: (type(iter(deque())).__name__,
                                  type(reversed(deque())).__name__))

e = deque([1, 2, 3, 4, 5], 11)
e.append(6)
print(e)
e.appendleft(0)
print(e)
e.extend([7, 8])
e.extendleft([9])
print(e)
e.rotate(2)
print(e)
e.rotate(-3)
print(e)
e.rotate(25)
print(e)
e.pop()
e.insert(100, "end")
del e[1]
e[0] = "z"
e.insert(1, "i")
e.insert(-100, "start")
print(e)
attempt("insert when full", lambda: e.insert(0, "full"))
e.reverse()
print(e, e.copy())
e.remove("i")
print(e, e[-1], e[0])
e.clear()
print(e, len(e))

bounded = deque(maxlen=3)
for n in range(6):
    bounded.append(n)
print(bounded)
bounded.appendleft(-1)
print(bounded)
zero = deque([1, 2], maxlen=0)
zero.append(3)
print(zero)

d2 = deque([1])
d2 += [2, 3]
print(d2)
d2 *= 2
print(d2)
attempt("deque[int]", lambda: deque[int])
d.__init__([4, 5], 1)
print(d)

f = deque([1, [2]], maxlen=4)
shallow, deep = copy.copy(f), copy.deepcopy(f)
f[1].append(3)
print(shallow, deep, pickle.loads(pickle.dumps(f)))


class Tens(deque):
    def append(self, x):
        super().append(x * 10)


tens = Tens([1, 2])
tens.append(3)
tens.label = "t"
print(tens, type(tens).__name__, isinstance(tens, deque), len(tens))
copied = copy.deepcopy(tens)
print(copied, copied.label, pickle.loads(pickle.dumps(tens)), copy.copy(tens))

# extend takes each item as the iterable gives it: a generator reading the deque sees it grow,
# and one that fails leaves what it gave.
growing = deque()


def lengths():
    for _ in range(3):
        yield len(growing)


growing.extend(lengths())
print(growing)


def fails_after_two():
    yield 1
    yield 2
    raise KeyError("stop")


partial = deque()
attempt("extend that fails", lambda: partial.extend(fails_after_two()))
attempt("extendleft that fails", lambda: partial.extendleft(fails_after_two()))
print(partial)
attempt("consume", lambda: deque(iter(range(100_000)), maxlen=0))

# Keyword arguments are refused by every method.
attempt("pop(x=1)", lambda: d.pop(x=1))
attempt("rotate(n=1)", lambda: d.rotate(n=1))
attempt("append(x=1)", lambda: d.append(x=1))


class Meddler:
    """Compares by changing the deque it sits in."""

    def __init__(self, home):
        self.home = home

    def __eq__(self, other):
        self.home.append(0)
        return False


for name in ("remove", "count", "index", "__contains__"):
    home = deque()
    home.extend([Meddler(home), 1])
    attempt(name + " while the deque changes", lambda: getattr(home, name)(1))


class Empty(deque):
    def __len__(self):
        return 0


print(bool(Empty([1])), bool(deque([1])), bool(deque()))


class OneArgument(deque):
    def __init__(self, items):
        super().__init__(items)


print(copy.copy(OneArgument([1, 2])), OneArgument([3]) * 2, 2 * Tens([1]))
