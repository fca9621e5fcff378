# typing.NamedTuple classes: annotated fields, defaults, methods of their own, the named
# tuple's _asdict, _replace, _make, _fields, unpacking, sorting by a field, and its errors.
from typing import NamedTuple
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm1(self):
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.x, p[1], p.norm1(), Point(1), p._asdict(), p._replace(x=0), Point._fields, Point._field_defaults)
print(isinstance(p, tuple), len(p), tuple(p), p == (3, -4), Point._make([5, 6]), hash(p) == hash((3, -4)))
a, b = p; print(a, b)
class Result(NamedTuple):
    name: str
    seconds: float
    ok: bool = True
rs = sorted([Result("b", 2.5), Result("a", 1.0, False)], key=lambda r: r.seconds)
print(rs, [r.name for r in rs])
try:
    Point()
except TypeError as e:
    print("TypeError", e)
try:
    p.x = 1
except AttributeError as e:
    print("AttributeError")
# Before 3.10 an argument error names the function by its code's name, not its qualified name.
class Shape:
    def scale(self, factor):
        return factor
try:
    Shape().scale()
except TypeError as e:
    print(e)
