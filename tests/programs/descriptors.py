# The descriptor protocol for classes of our own: __get__ (through an instance and through the
# class), __set__ and __delete__, data descriptors winning over the instance's own attributes
# and non-data ones losing to them, __set_name__ when the class is made, and
# functools.cached_property on top of them.
from functools import cached_property
class Positive:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        print("get", self.name)
        return getattr(obj, self.name)
    def __set__(self, obj, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(obj, self.name, value)
class Stored:
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, objtype=None):
        return "via get: " + str(obj.__dict__.get(self.name))
    def __set__(self, obj, value):
        obj.__dict__[self.name] = value * 2
class Lazy:
    def __init__(self, f): self.f = f
    def __set_name__(self, owner, name): self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None: return self
        value = self.f(obj)
        obj.__dict__[self.name] = value
        print("computed")
        return value
class Order:
    qty = Positive()
    price = Positive()
    s = Stored()
    def __init__(self, qty, price):
        self.qty = qty
        self.price = price
    @Lazy
    def total(self):
        return self.qty * self.price
o = Order(2, 5)
print(o.total, o.total, type(Order.qty).__name__, sorted(k for k in vars(o)))
o.s = 4; print(o.s, o.__dict__["s"])
try:
    o.qty = -1
except ValueError as e:
    print(e)
class D:
    def __get__(s, o, t=None): return ("get", o is None, t.__name__)
class U: d = D()
print(U.d, U().d)
u = U(); u.d = 5; print(u.d)
class Del:
    def __get__(s, o, t=None): return 1
    def __delete__(s, o): print("deleting")
class W: x = Del()
w = W(); del w.x; print(w.x)
class Data:
    def __init__(self, n): self.n = n
    @cached_property
    def total(self):
        print("computing")
        return sum(range(self.n))
d = Data(10)
print(d.total, d.total, "total" in vars(d), type(Data.total).__name__)
del d.total
print(d.total)
