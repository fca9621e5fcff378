# Dict iterators are live, as CPython's: they see the dict at each step, a change of size while
# one runs raises RuntimeError, and so does swapping keys for others of the same count.
# Deleting keeps the order of the rest; a key put back goes last. An LRU cache leans on that.

d = {1: "a", 2: "b"}
try:
    for key in d:
        d[key + 10] = "new"
except RuntimeError as error:
    print("RuntimeError:", error)

d = {1: "a", 2: "b"}
try:
    for key in d:
        del d[key]
        d[key + 10] = "moved"
except RuntimeError as error:
    print("RuntimeError:", error)
print(d)

squares = {n: n * n for n in range(5)}
items = iter(squares.items())
print(next(items))
squares[0] = "zero"  # a new value for a key is no change of size
print(list(items), list(squares.values()))

keys = iter(squares.keys())
squares.pop(3)
for attempt in range(2):
    try:
        next(keys)
    except RuntimeError as error:
        print(attempt, "RuntimeError:", error)

values = iter(squares.values())
print(next(values), next(values))
print(list(values), list(values))


class LRU:
    def __init__(self, size):
        self.size = size
        self.data = {}

    def get(self, key, compute):
        if key in self.data:
            value = self.data.pop(key)
        else:
            value = compute(key)
            if len(self.data) == self.size:
                oldest = next(iter(self.data))
                del self.data[oldest]
        self.data[key] = value
        return value


cache = LRU(3)
for key in [1, 2, 3, 1, 4, 2, 5, 1]:
    cache.get(key, lambda k: k * 100)
    print(key, list(cache.data))

big = {i: i for i in range(2000)}
for i in range(0, 2000, 3):
    del big[i]
big[0] = "back"
print(len(big), list(big)[:4], list(big)[-3:], big.popitem(), next(iter(big)))
while len(big) > 2:
    big.popitem()
print(big, {**big, 1: "one"}, dict(reversed(big.items())), list(big.__reversed__()))

# reversed() takes dicts and their views, sequences and what defines __reversed__; not sets.
class Countdown:
    def __len__(self):
        return 3

    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10


print(list(reversed(Countdown())), list(reversed(range(3))), list(reversed(squares.values())))
for unordered in [{1, 2}, frozenset(), (c for c in "ab"), 5]:
    try:
        reversed(unordered)
    except TypeError as error:
        print("TypeError:", error)
