# Tuples, lists and dicts compare their items with the items' own __eq__ and __lt__, in
# CPython's order: identity first, then ==, and the first pair that differs decides by the
# operator itself. Dataclasses in containers are the everyday case.
import heapq
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int = 0


@dataclass(frozen=True)
class Key:
    name: str


class Loud:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("  eq", self.v, getattr(other, "v", other))
        return isinstance(other, Loud) and self.v == other.v

    def __lt__(self, other):
        print("  lt", self.v, other.v)
        return self.v < other.v

    def __repr__(self):
        return f"Loud({self.v})"


print([Point(1)] == [Point(1)], (Point(1), 2) == (Point(1), 2), [Point(1)] != [Point(2)])
print({"p": Point(1)} == {"p": Point(1)}, {Key("a"): 1} == {Key("a"): 1}, {Key("a"): 1} == {Key("b"): 1})
print([[Point(1)], (Point(2),)] == [[Point(1)], (Point(2),)], [Point(1), 1] == [Point(1), 2])
print(Point(3) in [Point(1), Point(3)], [Point(1), Point(1)].count(Point(1)), [Point(2), Point(1)].index(Point(1)))

a, b = Loud(1), Loud(2)
print("tuples")
print((1, a) < (1, b), (1, a) < (1, a), (1, a) <= (1, a), (0, a) < (1, b))
print("lists")
print([a, b] == [Loud(1), Loud(2)], [a] != [b], [a, a] > [a])
print("sorted")
print(sorted([(2, Point(2)), (1, Point(9)), (2, Point(1))], key=lambda t: (t[0], t[1].x)))
print("heap")
heap = []
for item in [(3, Loud(30)), (1, Loud(10)), (3, Loud(5))]:
    heapq.heappush(heap, item)
print([heapq.heappop(heap) for _ in range(3)])


class Broken:
    def __eq__(self, other):
        raise ValueError("cannot compare")


try:
    print([1, Broken()] == [1, Broken()])
except ValueError as error:
    print("ValueError:", error)
try:
    print((1, object()) < (1, object()))
except TypeError as error:
    print("TypeError:", error)
print([1, 2] == [1, 2.0], (1, [2, {3: 4}]) == (1, [2, {3: 4.0}]), [] < [Loud(0)], (Point(1),) == [Point(1)])
