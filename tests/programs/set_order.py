# Checks that sets iterate in CPython's order: collisions, growth, deleted slots, pop, set algebra.
# 3.9 never reuses a deleted slot for a new key (3.10+ do), so some lines differ between versions.
s = set()
for n in [8, 0, 16, 1, 24, 9, 32, 17]:  # all collide modulo the first table size, 8
    s.add(n)
print(s, list(s))
grown = set()
for n in range(40, -40, -7):  # negatives, and several resizes
    grown.add(n * 13)
print(grown)
big = {2**61 - 1, 2**61, 2**61 + 1, -(2**61), 2**64, 5, 1, 0, -1, -2}
print(big, [hash(n) for n in [2**61 - 1, 2**61, -(2**61), 2**64, -1, -2]])
d = set(range(20))
for n in range(0, 20, 3):
    d.remove(n)
for n in [64, 35, 67, 3, 96]:  # land in or near the slots left by the removals
    d.add(n)
print(d)
p = {5, 13, 21, 29, 37, 2, 10}
print([p.pop() for _ in range(3)], p)
p.update([45, 53, 61])
print(p, p.pop(), p)
literal = {1, 17, 33, 2, 3, -1, -2, 9}
built = {n for n in [1, 17, 33, 2, 3, -1, -2, 9]}
print(literal, built, set([1, 17, 33, 2, 3, -1, -2, 9]), {-1, -2, -3, 8, 16})
added = set()
for n in [1, 17, 33, 2, 3, -1, -2, 9]:
    added.add(n)
print(added, literal == built == added)
a = {n * 8 for n in range(12)}
b = {n * 4 for n in range(-6, 10)}
print(a | b, b | a)
print(a & b, b & a, a & {0, 64, 1000})
print(a - b, b - a, a - {0, 8})
print(a ^ b, b ^ a)
print(a.union([3, 11, 19], (-8,)), a.intersection(range(0, 100, 16)), a.difference([8, 16], {24}))
print(a.symmetric_difference([8, 7, 15, 23]), b.symmetric_difference({v: 1 for v in [4, 5, 6]}))
c = set(a)
c |= {1, 9, 17}
c &= set(range(0, 40))
c -= {8, 16}
c ^= {24, 25, 33, 41}
print(c, [c.pop(), c.pop()], c)
floats = {0.5, 1.5, 2.0, -0.25, 1e16, 8.0, 3.75, 2.5e-3}
print(floats, {1, 1.0, True, 2.0, 2})
pairs = {(x, y) for x in range(3) for y in range(-1, 2)}
print(pairs, {(1, 2), (2, 1), (0, 0), (-1, -1)})
frozen = frozenset([40, 8, 24, 16, 0])
nested = {frozenset({1, 2}), frozenset({9}), frozenset(), frozenset({2, 1}), frozen}
print(frozen, nested, frozen | {1}, frozenset(range(10, 0, -3)) & frozen, hash(frozenset({1, 2, 3})))
print(frozenset({(1, 2), 3}), hash(frozenset({(1, 2), 3})), {frozen: "key"}[frozenset(frozen)])
e = set(range(100))
e.difference_update(range(0, 90))  # mostly deleted slots: the table is rebuilt smaller
e.update([128, 256, 3, 90 + 128])
print(e, sorted(e))
e.clear()
e.update([15, 7, 31])
print(e, e.pop(), e)
