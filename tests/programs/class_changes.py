# A class changed after its attributes were read: each read afterwards must see the change, in
# the class itself and through its subclasses. (The VM remembers what each name lookup in a
# class found; every one of these must reach it at once.)
class Base:
    kind = "base"

    def greet(self):
        return "hello from Base"


class Child(Base):
    pass


c = Child()
for round in range(3):
    print(round, c.kind, c.greet())
    if round == 0:
        Base.kind = "changed in Base"
        Base.greet = lambda self: "patched greet"
    elif round == 1:
        Child.kind = "Child's own"
        del Base.greet
        Child.greet = lambda self: "Child's greet"


class Point:
    def __init__(self, x):
        self.x = x


p = Point(1)
print("before", p.x)
# A property added later wins over the instance's own value, as CPython's data descriptors do.
Point.x = property(lambda self: "from the property", lambda self, value: print("setter got", value))
print("after", p.x)
p.x = 5
print("still", p.x, vars(p))
del Point.x
print("removed", p.x)


class Logged:
    pass


log = Logged()
log.a = 1
Logged.__setattr__ = lambda self, name, value: print("setting", name, "to", value)
log.b = 2
print(vars(log))
del Logged.__setattr__
log.c = 3
print(sorted(vars(log)))


class Counter:
    count = 0

    def bump(self):
        Counter.count += 1
        return Counter.count


counter = Counter()
print([counter.bump() for _ in range(4)], counter.count)
counter.count = "the instance's"
print(counter.count, Counter.count)
del counter.count
print(counter.count)
