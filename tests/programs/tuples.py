# Checks tuples: creation, singleton syntax, indexing, immutability, comparison, hashing, methods.
t = (1, 2, 3)
empty = ()
single = (5,)
not_tuple = (5)
packed = 1, "two", 3.0
print(t, empty, single, not_tuple, packed, type(single).__name__, type(not_tuple).__name__)
print(len(t), t[0], t[-1], t[1:], t[::-1], t + (4,), t * 2, 2 in t)
print(t.index(2), (1, 1, 2).count(1), tuple("ab"), tuple([1, 2]), tuple(range(3)))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, "a") == (1, "a"))
print(hash((1, 2)) == hash((1, 2)), {(0, 0): "origin", (1, 2): "p"}[(1, 2)])
a, b, c = t
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
nested = ((1, 2), (3, 4))
for (p, q) in nested:
    print(p * q)
mixed = (1, [2, 3])
mixed[1].append(4)
print(mixed)
try:
    t[0] = 10
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
print(sorted([(2, "b"), (1, "z"), (2, "a")]), max([(1, 5), (1, 7), (0, 9)]))
print(tuple(sorted((3, 1, 2))), sum((1, 2, 3)), min(("b", "a")), repr((None,)))
def min_max(items):
    return min(items), max(items)
lo, hi = min_max([4, 8, 1])
print(lo, hi, min_max("hello"))
