# Checks range objects: repr, len, negative steps, membership, indexing, slicing, equality, errors.
print(range(5), range(1, 10), range(0, 20, 5), range(10, 0, -3))
print(list(range(5)), list(range(2, 8)), list(range(0, 10, 3)), list(range(5, 0, -1)), list(range(0)))
print(list(range(5, 5)), list(range(5, 1)), list(range(-3, 3)), list(range(10, -10, -7)))
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], r.index(11), r.count(7), 7 in r, 8 in r, r.start, r.stop, r.step)
print(r[1:4], r[::-1], r[::2], list(r[::-2]), len(range(0, 10, -1)), range(10 ** 20)[5])
print(range(0, 3) == range(0, 3), range(0) == range(5, 2), range(0, 4, 2) == range(0, 3, 2))
print(sum(range(1, 101)), max(range(7)), list(reversed(range(4))), sorted(range(3), reverse=True))
total = 0
for i in range(1, 6):
    total += i * i
print("sum of squares:", total)
for i in range(10, 0, -4):
    print("countdown", i)
print(range(2 ** 70)[-1], (2 ** 70 - 5) in range(2 ** 70), bool(range(0)), bool(range(1)))
try:
    range(0, 10, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(3)[3]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
