# Found in review: a list or dict compared with itself (it hung: the same lock taken twice),
# instances and float subclasses inside containers, tuples of frozensets of Python-hashed
# elements, a set of many equal dataclasses, and methods taken from a type and called on the
# wrong receiver (they crashed).
l = [1]
d = {1: 2}
print(l == l, l != l, d == d, (l, 1) < (l, 2), [l] == [l], l <= l, l < l, [l, d] == [l, d])
class M:
    def __eq__(self, o): return o == 1.5
    __hash__ = lambda self: 0
class F(float):
    pass
print([1.5] == [M()], [2.5] == [F(2.5)], (M(),) == (1.5,))
from dataclasses import dataclass
@dataclass(frozen=True)
class P:
    x: int
print((frozenset({P(1)}), 1) < (frozenset({P(1)}), 2), len(set([P(i % 50) for i in range(2000)])))
import itertools
print(list(itertools.combinations("ab", 3)), list(itertools.permutations("ab", 5)))
for call in [lambda: str.upper(5), lambda: str.upper("x"), lambda: bytes.upper("x"), lambda: list.append((), 1), lambda: dict.fromkeys("ab"), lambda: int.bit_length(True), lambda: str.join(",", ["a", "b"]), lambda: bytes.fromhex("ff"), lambda: str.upper()]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
print(list(map(str.upper, ["a", "b"])), sorted(["b", "A", "c"], key=str.lower), repr(str.upper))
try:
    (0).to_bytes(2**62, "big")
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
