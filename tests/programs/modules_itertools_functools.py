# Checks itertools and functools: count/cycle/islice, chain, product, permutations, groupby, reduce, partial, lru_cache.
import functools
import itertools
import operator

print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.repeat("x", 3)), list(itertools.chain([1, 2], "ab", (3,))), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.product("ab", [0, 1])), len(list(itertools.product(range(3), repeat=3))))
print(list(itertools.permutations([1, 2, 3], 2)), list(itertools.combinations("abcd", 2)))
print(list(itertools.combinations_with_replacement("ab", 2)), list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)), list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)))
for key, group in itertools.groupby("aaabccdaa"):
    print(key, list(group))
data = [("fruit", "apple"), ("fruit", "pear"), ("veg", "kale"), ("fruit", "fig")]
print([(k, [name for _, name in g]) for k, g in itertools.groupby(sorted(data), key=lambda t: t[0])])
print(list(itertools.takewhile(lambda n: n < 4, [1, 3, 5, 2])), list(itertools.dropwhile(lambda n: n < 4, [1, 3, 5, 2])))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.filterfalse(lambda n: n % 2, range(6))))
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda acc, x: acc * x, [1, 2, 3, 4], 10))
print(functools.reduce(lambda a, b: a + [b * 2], [1, 2, 3], []))
int_base2 = functools.partial(int, base=2)
add_ten = functools.partial(operator.add, 10)
print(int_base2("1011"), add_ten(5), int_base2.keywords, add_ten.args)

@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())

def shout(func):
    @functools.wraps(func)
    def wrapper(*args):
        return func(*args).upper()
    return wrapper

@shout
def greet(name):
    "Return a greeting."
    return "hello " + name

print(greet("ann"), greet.__name__, greet.__doc__)
print(sorted(["b", "A", "c"], key=functools.cmp_to_key(lambda x, y: (x.lower() > y.lower()) - (x.lower() < y.lower()))))
print(operator.itemgetter(1)([5, 6, 7]), operator.attrgetter("real")(3), sorted([(1, "b"), (0, "a")], key=operator.itemgetter(1)))
