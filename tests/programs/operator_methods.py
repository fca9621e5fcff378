# Operators and `with` blocks whose special methods are written in Python, including ones that
# wait (sleep, take a lock) while other threads run, as they may in CPython.
import threading
import time


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents + other.cents)

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents < other.cents

    def __gt__(self, other):
        return f"reflected gt({other})"

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __repr__(self):
        return f"Money({self.cents})"


def operators():
    a, b = Money(150), Money(275)
    print(a + b, sum([a, b]), a < b, b < a, a == Money(150), a != b)
    print(3 < a)
    try:
        a + 1
    except TypeError as error:
        print(error)
    try:
        a < 1
    except TypeError as error:
        print(error)


operators()


class Broken:
    def __sub__(self, other):
        raise ValueError("cannot subtract")


def broken():
    try:
        Broken() - 1
    except ValueError as error:
        print("caught", error)


broken()


class Guard:
    def __init__(self, name, suppress):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        print(self.name, "exit with", kind.__name__ if kind else None, value)
        if self.suppress == "raise":
            raise RuntimeError(f"{self.name} failed in __exit__")
        return self.suppress


def guards():
    with Guard("quiet", True):
        raise KeyError("k")
    print("after the suppressed block")
    try:
        with Guard("loud", None):
            raise IndexError("i")
    except IndexError as error:
        print("reraised", repr(error))
    try:
        with Guard("failing", "raise"):
            raise ValueError("v")
    except RuntimeError as error:
        print(error, "| context:", repr(error.__context__))
    with Guard("clean", False):
        pass


guards()


class Slow:
    """Special methods that wait: other threads run meanwhile."""

    log = []
    lock = threading.Lock()

    def __init__(self, value):
        self.value = value

    def __add__(self, other):
        time.sleep(0.01)
        return Slow(self.value + other.value)

    def __iadd__(self, other):
        with Slow.lock:
            self.value += other
        return self

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        time.sleep(0.01)
        return True


results = {}


def work(name):
    total = Slow(1) + Slow(2)
    total += 10
    with Slow(0):
        raise ValueError("swallowed")
    results[name] = total.value


threads = [threading.Thread(target=work, args=(f"t{i}",)) for i in range(3)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(sorted(results.items()))


class Ticks:
    """An iterator class whose __next__ waits, as one reading from a slow source would."""

    def __init__(self, count):
        self.count = count

    def __iter__(self):
        return self

    def __next__(self):
        if self.count == 0:
            raise StopIteration
        time.sleep(0.005)
        self.count -= 1
        return self.count


def reader(name):
    seen = [tick for tick in Ticks(3)]
    for tick in Ticks(2):
        seen.append(tick * 10)
    else:
        seen.append("done")
    results[name] = seen


results.clear()
threads = [threading.Thread(target=reader, args=(f"r{i}",)) for i in range(3)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(sorted(results.items()))
