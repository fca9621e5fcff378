# Checks sets of ints (deterministic order): operators, methods, frozenset, comprehension, membership.
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([7]), a.intersection(b, {4}), a.difference({1}), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= {1}, a.issubset(a), a.isdisjoint({9}), a.issuperset({1, 4}))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([2, 5], (8,))
print(s, len(s), 3 in s, 9 in s)
s.discard(99)
s.remove(8)
print(s, sorted(s), s.pop() in {1, 2, 3, 5})
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
print(set(), set([3, 3, 1]), set(range(5)), {x % 3 for x in range(10)})
fs = frozenset([1, 2, 2, 3])
print(fs, len(fs), fs | {4}, {fs: "hashable"}[frozenset({3, 2, 1})])
print(sorted({"pear", "apple", "fig"}), len({"x", "y", "x"}), "x" in {"x", "y"})
c = {1, 2, 3}
c |= {4}
c &= {2, 3, 4}
c -= {3}
c ^= {10, 2}
print(c)
print({1, 2} == {2, 1}, {1} == frozenset({1}), set() == frozenset(), {1.0, 1, True})
unique = []
seen = set()
for n in [3, 1, 3, 2, 1, 4]:
    if n not in seen:
        seen.add(n)
        unique.append(n)
print(unique)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
