# NotImplemented is its own object, native types are one class each, sum's small-int and
# list paths keep CPython's results, and `a, b = b, a` swaps without a tuple.
import copy
import pickle
import threading


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented


class Looks:
    # A string spelled like the singleton is only a string.
    def __eq__(self, other):
        return "NotImplemented"


print(repr(NotImplemented), type(NotImplemented).__name__, NotImplemented is NotImplemented)
print(Money(5) == Money(5), Money(5) == 5, 5 == Money(5), Looks() == 1)
print(sum([Money(1), Money(2), Money(3)]).cents)
try:
    Money(1) + "x"
except TypeError as error:
    print("TypeError:", error)
print(pickle.loads(pickle.dumps(NotImplemented)) is NotImplemented)
print(pickle.loads(pickle.dumps([..., NotImplemented])))
print(copy.copy(NotImplemented) is NotImplemented, copy.deepcopy([NotImplemented, ...]))
print(type(threading.Lock()) is type(threading.Lock()), type(...) is type(Ellipsis))

print(sum([1, 2, 3]), sum((4, 5, 6)), sum([], 10), sum([2**62, 2**62, 2**62]))
print(sum([1, True, 2.5]), sum([0.1] * 10), sum([-(2**63), -1]), sum(range(5), start=100))
print(sum([[1], [2, 3]], []), sum(x * x for x in range(10)))
grown = [1, 2, 3]


class Grower:
    def __radd__(self, other):
        grown.append(10)  # the list grows while sum reads it: CPython reads the new items
        return other + 1


grown.append(Grower())
print(sum(grown), len(grown))
try:
    sum([1, "a"])
except TypeError as error:
    print("TypeError:", error)

a, b = 1, 2
a, b = b, a
x, y, z = "x", "y", "z"
x, y, z = z, x, y
[p, q] = a + 1, b + 1
print(a, b, x, y, z, p, q)
box = {}
index = 0
items = [0, 0, 0]
index, items[index], box["k"] = 2, "set", index
print(index, items, box)


def swap_locals():
    first, second = "one", "two"
    (first, second), third = (second, first), 3
    first, second = second, first
    return first, second, third


print(swap_locals())
try:
    left, right = right, 1
except NameError as error:
    print("NameError:", error)
