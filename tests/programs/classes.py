# Checks classes: __init__, instance/class attributes, methods, classmethod/staticmethod, __str__/__repr__.
class Point:
    dimensions = 2
    created = 0

    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
        Point.created += 1

    def __repr__(self):
        return "Point(" + repr(self.x) + ", " + repr(self.y) + ")"

    def __str__(self):
        return "(" + str(self.x) + ", " + str(self.y) + ")"

    def distance_sq(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    @classmethod
    def origin(cls):
        return cls()

    @staticmethod
    def parse(text):
        a, b = text.split(",")
        return Point(int(a), int(b))

p = Point(3, 4)
q = Point.origin()
r = Point.parse("1,2")
print(p, repr(p), [p, q], str(r), p.distance_sq(q), Point.distance_sq(p, r))
print(p.moved(1, -1), Point.created, p.dimensions, Point.dimensions)
p.dimensions = 3
print(p.dimensions, Point.dimensions, q.dimensions, sorted(vars(p)))
print(type(p).__name__, Point.__name__, Point.__qualname__, isinstance(p, Point), isinstance(p, object))
print(hasattr(p, "x"), getattr(p, "z", "no z"), p.__class__ is Point, type(Point).__name__)
setattr(p, "z", 9)
print(p.z, p.__dict__)
del p.z
print(hasattr(p, "z"))

class Empty:
    pass

e = Empty()
e.anything = "dynamic"
print(e.anything, Empty.__name__, str(Empty)[:8])

method = p.moved
print(method(10, 10), callable(method))
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
