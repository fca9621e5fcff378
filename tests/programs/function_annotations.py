# Function annotations: __annotations__ holds each annotated parameter (positional-or-keyword
# first, then positional-only, as CPython orders them; *args, keyword-only, **kwargs) and the
# return, evaluated when the def runs; an unannotated function's is an empty dict made on first
# read and kept; functools.singledispatch registers by annotation and by class, and dispatches
# along the class order.
import functools


def f(x: int, /, y: "str" = "a", *args: float, z: list[int] = None, **kw: dict) -> bool:
    pass


def plain(a, b=1):
    pass


print(f.__annotations__)
print(plain.__annotations__, plain.__annotations__ is plain.__annotations__)
plain.__annotations__["a"] = int
print(plain.__annotations__, "__annotations__" in plain.__dict__)
order = []


def note(value):
    order.append(value)
    return value


def g(a: note(1), b: note(2) = note(0)) -> note(3):
    pass


print(order, g.__annotations__)


class Shape:
    def area(self) -> float:
        return 0.0

    @property
    def name(self) -> str:
        return "shape"


print(Shape.area.__annotations__, Shape.name.fget.__annotations__)


@functools.singledispatch
def describe(value):
    return "something"


@describe.register
def _(value: int):
    return "an int"


@describe.register
def _(value: list):
    return "a list of %d" % len(value)


print(describe(3), describe([1, 2]), describe("x"))
f.__annotations__ = {"replaced": True}
print(f.__annotations__)


@describe.register(float)
def _(value):
    return "a float"


print(describe(1.5), describe(True), describe.dispatch(bool).__name__, sorted(c.__name__ for c in describe.registry))
try:
    @describe.register
    def _(value):
        return "?"
except TypeError as e:
    print("TypeError", str(e).split(":")[0])

# Generic standard-library classes in annotations, and names from an enclosing function.
import asyncio
import collections
import concurrent.futures as cf
import queue


def w(q: queue.Queue[int], f: asyncio.Future[str], g: cf.Future[int], d: collections.deque[int]) -> collections.defaultdict[str, int]:
    pass


print(w.__annotations__["q"], w.__annotations__["return"])


def outer():
    T = int

    class C:
        def m(self, x: T) -> T:
            return x

    def inner(y: T):
        pass

    return C.m.__annotations__, inner.__annotations__


print(outer())
