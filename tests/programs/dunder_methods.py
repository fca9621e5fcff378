# Checks operator overloading: arithmetic, reflected and augmented ops, NotImplemented, comparisons, __eq__ and __hash__, __bool__.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)

    def __add__(self, other):
        if not isinstance(other, Vec):
            return NotImplemented
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)

    def __lt__(self, other):
        return abs(self) < abs(other)

    def __bool__(self):
        return bool(self.x or self.y)

v, w = Vec(1, 2), Vec(3, 4)
print(v + w, v * 3, 3 * v, -v, abs(w), v == Vec(1, 2), v != w, v < w, w > v, bool(Vec(0, 0)), bool(v))
print(sorted([w, v, Vec(0, 1)]), Vec.__hash__ is None)
total = Vec(0, 0)
total += v
print(total, total is not v)

try:
    v + 1
except TypeError as e:
    print("TypeError:", e)
