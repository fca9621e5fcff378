# Checks contextlib beyond the basics: generator managers that swallow or replace errors, as decorators, nullcontext, closing, ExitStack; generator throw and close.
from contextlib import ExitStack, closing, contextmanager, nullcontext, suppress

@contextmanager
def swallow(kind):
    try:
        yield "guarded"
    except kind as e:
        print("swallowed", type(e).__name__, e)

with swallow(KeyError) as value:
    print("body", value)
    raise KeyError("missing")
print("continues")

@contextmanager
def translate():
    try:
        yield
    except ZeroDivisionError as e:
        raise ValueError("bad math") from e

try:
    with translate():
        1 / 0
except ValueError as e:
    print("ValueError", e, type(e.__cause__).__name__)

@swallow(IndexError)
def pick(items):
    return items[5]

print(pick([1]), pick(list(range(10))))
with nullcontext(42) as answer, suppress(TypeError):
    print("answer", answer)
    len(5)

class Resource:
    def __init__(self, name):
        self.name = name
    def close(self):
        print("closing", self.name)

with closing(Resource("file")) as r:
    print("using", r.name)

with ExitStack() as stack:
    for name in ["a", "b"]:
        stack.callback(print, "cleanup", name)
    stack.enter_context(closing(Resource("stacked")))
    print("stack body")

def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("numbers finally")

gen = numbers()
print(next(gen))
gen.close()
print(list(gen))
gen = numbers()
print(next(gen))
try:
    gen.throw(ValueError("thrown"))
except ValueError as e:
    print("propagated", e)

@contextmanager
def no_yield():
    if False:
        yield

try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
