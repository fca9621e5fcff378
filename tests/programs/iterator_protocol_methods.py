# The iterator protocol by hand: __next__ and __iter__ of generators and built-in
# iterators (what next() and for call), and StopIteration carrying a return value.
g = (x for x in range(3))
print(g.__next__(), next(g), g.__iter__() is g)
it = iter([1, 2])
print(it.__next__(), it.__iter__() is it, hasattr(it, "__next__"), hasattr(map(str, []), "__next__"))


def gen():
    yield 1
    return "done"


g = gen()
print(g.__next__())
try:
    g.__next__()
except StopIteration as e:
    print("stop", e.value)
z = zip([1], [2])
print(z.__next__(), enumerate("a").__next__(), iter({"a": 1}).__next__(), iter(range(5)).__next__())
empty = ()
print(empty is (), () is tuple(), type(None)() is None)
try:
    type(None)(1)
except TypeError as error:
    print(error)
