# Checks more of functools: partial reprs and nesting, lru_cache eviction and cache_clear, cache, total_ordering, reduce errors; classes inside functions that close over its variables.
import functools

def power(base, exponent, *, mod=None):
    return base ** exponent if mod is None else pow(base, exponent, mod)

square = functools.partial(power, exponent=2)
cube_mod = functools.partial(functools.partial(power, 3), mod=5)
print(square(7), cube_mod(4), cube_mod.args, cube_mod.keywords, cube_mod.func is power)
print(repr(functools.partial(max, 1, key=abs)), repr(functools.partial(int, "10", base=2)))

@functools.lru_cache(maxsize=2)
def slow_double(n):
    print("computing", n)
    return n * 2

for n in [1, 2, 1, 3, 2, 1]:
    slow_double(n)
print(slow_double.cache_info(), slow_double.cache_parameters())
slow_double.cache_clear()
print(slow_double.cache_info(), slow_double.__name__, slow_double.__wrapped__(21))

@functools.cache
def ways(n):
    return 1 if n < 2 else ways(n - 1) + ways(n - 2)

print(ways(60), ways.cache_info().hits, ways.cache_info()._asdict())

@functools.total_ordering
class Version:
    def __init__(self, number):
        self.number = number

    def __eq__(self, other):
        return self.number == other.number

    def __lt__(self, other):
        return self.number < other.number

a, b = Version(1), Version(2)
print(a < b, a > b, a <= b, a >= b, b >= a, a <= Version(1), sorted([b, a])[0].number)
for bad in [lambda: functools.reduce(lambda x, y: x + y, []), lambda: functools.partial(5)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(functools.reduce(lambda acc, s: acc + len(s), ["ab", "cde"], 0))

def make_counter_class(start):
    step = 2

    class Counter:
        base = start

        def __init__(self):
            self.value = start

        def advance(self):
            self.value += step
            return self.value

    return Counter

Counter = make_counter_class(10)
counter = Counter()
print(counter.advance(), counter.advance(), Counter.base, Counter.__qualname__)

def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper

@logged
def documented(x):
    """Adds one."""
    return x + 1

print(documented(1), documented.__name__, documented.__doc__, documented.__qualname__, documented.__wrapped__.__name__)
