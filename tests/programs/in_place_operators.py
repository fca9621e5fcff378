# Augmented assignment: `a += b` asks `a.__iadd__(b)` first, then `a + b`, then `b.__radd__(a)`.
import threading


class Total:
    def __init__(self, value):
        self.value = value

    def __iadd__(self, other):
        self.value += other
        return self

    def __isub__(self, other):
        return NotImplemented

    def __sub__(self, other):
        return Total(self.value - other)

    def __imul__(self, other):
        self.value *= other
        return self

    def __ior__(self, other):
        self.value |= other
        return self

    def __repr__(self):
        return f"Total({self.value})"


t = Total(5)
same = t
t += 3
print(t, t is same)
t -= 2
print(t, t is same, same)
t *= 4
t |= 1
print(t)


class OnlyAdd:
    def __init__(self, items):
        self.items = items

    def __add__(self, other):
        return OnlyAdd(self.items + [other])


a = OnlyAdd([1])
before = a
a += 2
print(a.items, a is before, before.items)


class Right:
    def __radd__(self, other):
        return f"radd({other})"


x = 10
x += Right()
print(x)

items = [1, 2]
alias = items
items += (3, 4)
items += "ab"
items += (n * n for n in range(3))
print(items, alias is items)
items *= 2
print(len(items), alias is items)
items *= 0
print(items, alias is items)
try:
    items += 5
except TypeError as error:
    print(error)


class Stack(list):
    def __iadd__(self, other):
        self.append(("pushed", other))
        return self


s = Stack([0])
s += 1
print(s)

try:
    n = 1
    n += "one"
except TypeError as error:
    print(error)

try:
    thing = object()
    thing += 1
except TypeError as error:
    print(error)


class Counter:
    """A thread-safe counter whose += takes its own lock."""

    def __init__(self):
        self.n = 0
        self.lock = threading.Lock()

    def __iadd__(self, k):
        with self.lock:
            self.n += k
        return self


counter = Counter()


def work():
    global counter
    for _ in range(5000):
        counter += 1


threads = [threading.Thread(target=work) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(counter.n)
