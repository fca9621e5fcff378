# __slots__: when a class and every base define it, an instance takes only the attributes listed
# (in each version's words); a subclass without __slots__, or __dict__ in them, lifts that.
class C:
    __slots__ = ("r",)
c = C()
c.r = 1
try:
    c.color = 1
except AttributeError as e:
    print(e)
class D(C):
    pass
d = D()
d.color = 2
print(d.color, c.r)
class E(C):
    __slots__ = ["s"]
e = E()
e.s = 1
e.r = 2
try:
    e.t = 3
except AttributeError as x:
    print(x)
class Point:
    __slots__ = "x", "y"
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
p.x += 10
print(p.x, p.y)
class Open:
    __slots__ = ("a", "__dict__")
o = Open()
o.z = 1
print(o.z)
