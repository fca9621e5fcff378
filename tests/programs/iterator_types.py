# What type() says of iterators, as lessons on lazy iteration print it: each built-in
# iterable has its own iterator type, and map, zip, filter and enumerate are types too.
import itertools


def gen():
    yield 1


def name(value):
    return type(value).__name__


print(name(iter([1])), name(iter((1,))), name(iter("ab")), name(iter("é")), name(iter(b"x")))
print(name(iter({1: 2})), name(iter({}.values())), name(iter({}.items())), name(iter({1})))
print(name(iter(range(3))), name(iter(range(2**70))), name(gen()), name((x for x in [])))
print(name(map(str, [1])), name(zip([1], [2])), name(enumerate([1])), name(filter(None, [1])))
print(name(reversed([1])), name(reversed((1,))), name(reversed("ab")), name(reversed(range(3))))
print(name(reversed({1: 2})), name(reversed({}.values())), name(reversed({}.items())))
print(type(itertools.permutations([1])), type(itertools.combinations([1], 1)))
print(type(iter([])) is type(iter([1, 2])), type(iter(set())) is type(iter({1})))
print(type(iter([])) is type(iter(())), isinstance(iter([]), type(iter([3]))))

it = iter([1, 2])
list(it)
print(name(it), next(it, "done"), name(it))
m = map(abs, [-1])
print(list(m), name(m), repr(m).startswith("<map object at 0x"))
print(repr(iter([])).startswith("<list_iterator object at 0x"))
