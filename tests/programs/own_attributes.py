# Reading `local.name`: an instance's own attribute, and everything that takes precedence over it
# or stands in when it is missing.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def total(self):
        return self.x + self.y


# In a function, where `p` is a local (module code reads globals).
def shadowing():
    p = Point(3, 4)
    print(p.x, p.y, p.total(), p.__class__.__name__)

    # A property added to the class later wins over the instance's own value.
    p.__dict__["z"] = "own z"
    print(p.z)
    Point.z = property(lambda self: "property z")
    print(p.z)
    del Point.z
    print(p.z)

    # A plain class attribute does not: the instance's own value wins.
    Point.y = "class y"
    print(p.y)
    del p.y
    print(p.y)
    p.y = 40
    print(p.y, p.total())
    return p


p = shadowing()


class Fallback:
    def __init__(self):
        self.known = 1

    def __getattr__(self, name):
        return f"made up {name}"


f = Fallback()
print(f.known, f.unknown)
f.unknown = "now own"
print(f.unknown)


class Logged:
    def __init__(self):
        self.value = 5

    def __getattribute__(self, name):
        print("asked for", name)
        return object.__getattribute__(self, name)


def logged():
    item = Logged()
    return item.value


print(logged())


def read_before_bound():
    try:
        return q.x
    except UnboundLocalError:
        return "unbound"
    q = p


print(read_before_bound())


def missing(point):
    return point.w


try:
    missing(p)
except AttributeError as error:
    print(error)

def each_x(items):
    for item in items:
        try:
            print(item.x)
        except AttributeError as error:
            print(error)


each_x([Point(1, 2), 7, "text", f])

missing(p)
