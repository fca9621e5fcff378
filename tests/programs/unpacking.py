# Checks unpacking: tuple/list targets, starred targets, nested targets, swaps, loops, errors.
a, b = 1, 2
(c, d), e = (3, 4), 5
[f, g] = "xy"
print(a, b, c, d, e, f, g)
first, *rest = [1, 2, 3, 4]
*init, last = "hello"
head, *mid, tail = range(6)
only, *empty = [9]
print(first, rest, init, last, head, mid, tail, only, empty)
x, (y, *z), w = 1, (2, 3, 4), 5
print(x, y, z, w)
a, b = b, a
print(a, b)
p = q = r = 0
p += 1
print(p, q, r)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
for n, *others in [(1, 2, 3), (4,)]:
    print(n, others)
key, value = {"only": "item"}.popitem()
print(key, value)
print([*range(3), *"ab"], (*[1, 2], 3), {*[1, 1, 2]}, {**{"a": 1}, "b": 2})
nums = [1, 2, 3]
print(*nums)
m, n = divmod(17, 5)
print(m, n)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 5
print(i, lst)
try:
    a, b = [1, 2, 3]
except ValueError as err:
    print("ValueError:", err)
try:
    a, b, c = [1, 2]
except ValueError as err:
    print("ValueError:", err)
try:
    a, *b, c = [1]
except ValueError as err:
    print("ValueError:", err)
try:
    a, b = 5
except TypeError as err:
    print("TypeError:", err)
