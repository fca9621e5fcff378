# The copy module (shallow and deep copies, shared objects and cycles, __copy__ and
# __deepcopy__), int.bit_count (3.10+), math's log1p, expm1, inverse hyperbolics, cbrt and exp2
# (3.11+), and time's _ns and thread clocks.
import copy
from dataclasses import dataclass, field
@dataclass
class Config:
    name: str
    tags: list = field(default_factory=list)
base = {"a": [1, 2], "b": (3, [4]), "c": {5}}
shallow, deep = copy.copy(base), copy.deepcopy(base)
base["a"].append(99); base["b"][1].append(98)
print(shallow, deep, shallow is base, deep["b"] is base["b"])
shared = [1]
pair = [shared, shared]
d = copy.deepcopy(pair); print(d[0] is d[1], d[0] is shared)
c = Config("x", ["t"]); c2 = copy.copy(c); c3 = copy.deepcopy(c)
c.tags.append("u"); print(c2, c3, c2.tags is c.tags)
class Hooked:
    def __init__(self, v): self.v = v
    def __copy__(self): print("copy hook"); return Hooked(self.v)
    def __deepcopy__(self, memo): print("deepcopy hook"); return Hooked(copy.deepcopy(self.v, memo))
h = Hooked([1]); print(copy.copy(h).v, copy.deepcopy(h).v is h.v)
t = (1, 2, "x"); print(copy.deepcopy(t) is t, copy.copy(t) is t)
loop = []; loop.append(loop); l2 = copy.deepcopy(loop); print(l2[0] is l2, l2 is loop)
import math, time, sys
print((5).bit_count() if sys.version_info >= (3, 10) else 2, (-255).bit_count() if sys.version_info >= (3, 10) else 8, (2**100 - 1).bit_count() if sys.version_info >= (3, 10) else 100, True.bit_count() if sys.version_info >= (3, 10) else 1)
print(math.log1p(1e-10), math.expm1(1e-10), math.asinh(1), math.acosh(2), math.atanh(0.5))
if sys.version_info >= (3, 11):
    print(math.cbrt(-8), math.exp2(10))
else:
    print(-2.0, 1024.0)
for f, x in [(math.log1p, -1), (math.acosh, 0.5), (math.atanh, 1)]:
    try:
        f(x)
    except ValueError as e:
        print(f.__name__, e)
print(type(time.time_ns()).__name__, time.monotonic_ns() > 0, time.thread_time() >= 0, type(time.process_time_ns()).__name__, abs(time.time_ns() / 1e9 - time.time()) < 1)
try:
    (1).bit_count()
except AttributeError as e:
    print("AttributeError", e)
