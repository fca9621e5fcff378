# Checks with statements: __enter__/__exit__, exception suppression, contextlib helpers, nesting order.
from contextlib import contextmanager, suppress

class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow

with Resource("a") as r:
    print("inside with", r.name)
with Resource("outer"), Resource("inner") as inner:
    print("nested body uses", inner.name)
with Resource("swallower", swallow=True):
    raise ValueError("suppressed")
print("after suppressed error")
try:
    with Resource("passer"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))

@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")

with tag("div") as t:
    with tag("p"):
        print("text", t)
try:
    with tag("err"):
        raise RuntimeError("inside generator cm")
except RuntimeError as e:
    print("caught", e)
with suppress(ZeroDivisionError, KeyError):
    print("before")
    1 / 0
    print("never")
print("suppress done")

def early_return():
    with Resource("returning"):
        return "returned value"

print(early_return())
for i in range(2):
    with Resource("loop" + str(i)):
        if i == 0:
            continue
        print("loop body", i)
