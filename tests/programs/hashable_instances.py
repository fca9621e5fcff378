# Instances whose __hash__ and __eq__ are Python code (frozen dataclasses, a class with both), alone
# or inside tuples and frozensets, as set elements and dict keys: equal ones are one element.
from dataclasses import dataclass
@dataclass(frozen=True)
class K:
    n: str
s = {K("a"), K("b")}
print(K("a") in s, {K("a")} == {K("a")}, {K("a")} <= s, s - {K("a")}, len({K("a"), K("a")}), s & {K("b")}, frozenset([K("x")]) == frozenset([K("x")]))
d = {K("a"): 1}
d[K("a")] = 2
print(d, K("a") in d, d.get(K("a")), {(K("a"), 1): 2}[(K("a"), 1)])
s.add(K("a")); s.add(K("c")); s.discard(K("b")); print(sorted(x.n for x in s), len(s))
s.update([K("c"), K("d"), K("d")]); print(len(s), s >= {K("d")}, s > {K("d")}, {K("d")} < s, s.issuperset([K("a")]), s.isdisjoint({K("z")}))
t = set(); t |= {K("q"), K("q")}; t ^= {K("q"), K("r")}; print(t, s.intersection([K("a"), K("zz")]), s.difference([K("a")]) == {K("c"), K("d")})
print(set([K("m"), K("m")]), {(K("a"), 1), (K("a"), 1)}, (K("a"), 1) in {(K("a"), 1)}, frozenset({K("a")}) in {frozenset({K("a")})})
seen = set()
for n in "abcabc":
    if K(n) in seen:
        print("again", n)
    seen.add(K(n))
print(len(seen), {K(1): "x"} == {K(1): "x"}, [1, 2] in [[1, 2]], hash(K("a")) == hash(K("a")))
class H:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, H) and o.v == self.v
    def __repr__(self): return f"H({self.v})"
print({H(1), H(1), H(2)}, sorted({H(3): 1, H(3): 2}.values()), {H(i % 3) for i in range(10)})
