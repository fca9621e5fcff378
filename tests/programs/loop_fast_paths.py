# for loops the eval loop steps itself: over a list, a tuple and a str, enumerate and zip over
# them (unpacked or not), lists growing under the loop, iterators partly used before, the
# shorter side of a zip, and what still takes the general path (generators, nested zips).
items = ["a", "b", "c"]
for i, x in enumerate(items):
    print(i, x)
for pair in enumerate(items, 10):
    print(pair)
e = enumerate([1, 2, 3])
print(next(e))
for i, x in e:
    print("rest", i, x)
for i, (a, b) in enumerate(zip("xy", "pq")):
    print(i, a, b)
for i, x in enumerate(range(3)):
    if i == 1:
        items.append("d")
print(items)
lst = [1, 2]
for i, x in enumerate(lst):
    if len(lst) < 5:
        lst.append(x * 10)
    print(i, x)
for i, x in enumerate(iter([7, 8])):
    print(i, x)
def gen():
    yield 1
    yield 2
for i, x in enumerate(gen()):
    print("g", i, x)
try:
    for i, x, y in enumerate([1]):
        pass
except ValueError as err:
    print(err)
d = {1: 2}
try:
    for i, k in enumerate(d):
        d[k + 10] = 0
except RuntimeError as err:
    print(err)
for c in "héllo":
    print(c, end=".")
print()
print([x for x in (1, 2, 3)], [c for c in "ab€"])
a = [1, 2, 3]; b = "xy"
for x, y in zip(a, b):
    print(x, y)
for t in zip(a, range(10, 13)):
    print(t)
it1 = iter([1, 2, 3]); it2 = iter([9])
print(list(zip(it1, it2)), list(it1))
it1 = iter([1, 2, 3]); it2 = iter([9])
for p, q in zip(it1, it2):
    print("pair", p, q)
print(list(it1))
z = zip([1, 2], [3, 4])
print(next(z))
for p, q in z:
    print("rest", p, q)
for p, q in z:
    print("never")
lst = [1, 2]
for x, y in zip(lst, lst):
    if len(lst) < 4:
        lst.append(x)
    print(x, y)
for x, y in zip(range(3), "ab€"):
    print(x, y)
def g():
    yield 1
    yield 2
for x, y in zip(g(), [5, 6, 7]):
    print(x, y)
import sys
if sys.version_info >= (3, 10):
    for x, y in zip([1], [2], strict=True):
        print(x, y)
try:
    for x, y, w in zip([1], [2]):
        pass
except ValueError as err:
    print(err)
for (x, y), z in zip(zip("ab", "cd"), "ef"):
    print(x, y, z)
print(sum(x * y for x, y in zip(range(5), range(5))))
