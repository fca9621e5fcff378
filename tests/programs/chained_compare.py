# Checks chained comparisons: evaluation order, short-circuiting, single evaluation of middle operands.
x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5, 1 < x < 3, x == 5 == 5.0, 1 < 2 < 3 < 4 < 5)
print(1 == 1 != 2, 3 > 2 > 1 > 0 > -1, 0 < 0 < 1, "a" < "b" < "c", [1] < [2] < [3])
print(1 < 2 in [2, 3], 1 in [1] in [[1]], None is None is not False)
calls = []

def val(n):
    calls.append(n)
    return n

print(val(1) < val(2) < val(3), calls)
calls.clear()
print(val(3) < val(2) < val(1), calls)
calls.clear()
print(val(1) < val(5) > val(2) == val(2), calls)
calls.clear()
result = val(0) <= val(0) <= val(0)
print(result, calls)

def in_range(n, lo=0, hi=100):
    return lo <= n < hi

print([in_range(n) for n in (-1, 0, 50, 99, 100)])
a = b = c = 7
print(a == b == c, a is b, a != b != c, 2 <= a <= 7 <= c)
print(not 1 < 2, (1 < 2) < 3, 1 < (2 < 3), True == 1 < 2)
try:
    print(1 < "a" < 2)
except TypeError as e:
    print("TypeError:", e)
