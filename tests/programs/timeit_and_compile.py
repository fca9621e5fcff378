# Timing code the way course notes do it: timeit with a string, a callable, setup and globals,
# repeat and autorange (with a timer of our own, so the figures are exact), the collector off
# while it times; and what timeit stands on: compile, exec with separate locals, __import__.
import gc
import timeit


class Clock:
    """A clock that moves only when the timed statement ticks it: a 64th of a second a tick."""

    def __init__(self):
        self.now = 0.0
        self.reads = 0

    def __call__(self):
        self.reads += 1
        return self.now

    def tick(self):
        self.now += 1 / 64


def work():
    return sum(range(100))


calls = []


def counted():
    calls.append(gc.isenabled())


clock = Clock()
print(timeit.timeit(counted, number=3, timer=clock), calls, gc.isenabled(), clock.reads)
clock = Clock()
print(timeit.repeat("x.append(1); tick()", setup="x = []", repeat=3, number=4, timer=clock,
                    globals={"tick": clock.tick}))
clock = Clock()
tries = []
print(timeit.Timer(clock.tick, timer=clock).autorange(lambda n, t: tries.append((n, t))))
print(tries)
clock = Clock()
print(timeit.Timer("work(); tick()", globals={"work": work, "tick": clock.tick},
                   timer=clock).timeit(10))
clock = Clock()
print(timeit.Timer("for i in range(3):\n    tick()", globals={"tick": clock.tick},
                   timer=clock).timeit(2))
print(timeit.Timer("pass").src)
real = timeit.timeit("sum(range(10))", number=100)
print(type(real).__name__, real > 0, timeit.default_timer.__name__)
for bad in [lambda: timeit.Timer(5), lambda: timeit.Timer("pass", 5), lambda: timeit.Timer("x = "),
            lambda: timeit.Timer("return 1"), lambda: timeit.Timer("1/0").timeit(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

# gc's switches.
gc.disable()
print(gc.isenabled(), gc.collect(), gc.collect(0))
gc.enable()
print(gc.isenabled(), gc.get_threshold())
gc.set_threshold(100)
print(gc.get_threshold())
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError", e)

# compile and exec.
g = {"a": 10}
l = {}
exec(compile("b = a + 1\ndef f():\n    return a\n", "<mine>", "exec"), g, l)
print(sorted(l), "b" in g, l["f"](), eval("b * 2", g, l), eval(compile("a - 1", "<e>", "eval"), g))
for bad in [lambda: compile(1, "f", "exec"), lambda: compile("x", "f", "bogus"),
            lambda: compile("x", "f"), lambda: compile("x", 3, "exec"),
            lambda: compile("x = ", "<mine>", "exec"), lambda: compile("x = 1", "<mine>", "eval"),
            lambda: compile("x", "f", "exec", bogus=1), lambda: exec("y = 2", {}, 5),
            lambda: eval("1", {}, 5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "filename", None), getattr(e, "lineno", None))

# __import__ by a computed name.
print([__import__(name).__name__ for name in ["threading", "queue", "concurrent.futures"]])
print(__import__("concurrent.futures", fromlist=["ThreadPoolExecutor"]).__name__)
for bad in [lambda: __import__(5), lambda: __import__(""), lambda: __import__("math", level=-1),
            lambda: __import__("math", level=1), lambda: __import__("math", globals(), level=1),
            lambda: __import__("no_such_module"), lambda: __import__("math", bogus=1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)


# exec without globals: in a function it reads the function's variables and its bindings stay
# its own; in a class body they become the class's.
def runs_exec():
    y = 2
    exec("w = y + 1\nprint('exec sees', y, w)")
    return "w" in globals()


print(runs_exec())


class Made:
    exec("v = 2")


print(Made.v)
print(__import__("concurrent", fromlist=["futures"]).futures.__name__, __import__(name="os").__name__)
