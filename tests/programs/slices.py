# Checks slicing: steps, negative indices, out-of-range bounds, slice assignment/deletion, slice objects.
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::3], a[::-1], a[-1:-4:-1], a[8:2:-2])
print(a[5:2], a[100:], a[-100:2], a[3:3], a[::-3], a[:], a[:] is a)
s = "abcdefgh"
print(s[1:4], s[::-1], s[::2], s[-2:], s[:100], s[5:1:-1], repr(s[4:2]))
t = (0, 1, 2, 3, 4)
print(t[1:3], t[::-2])
b = list(range(6))
b[1:3] = ["x", "y", "z"]
print(b)
b[::2] = [0, 0, 0, 0]
print(b)
b[2:2] = [9, 9]
print(b)
b[-2:] = []
print(b)
del b[::3]
print(b)
del b[1:]
print(b)
c = list(range(10))
c[2:8:3] = ["A", "B"]
print(c)
sl = slice(1, 8, 2)
print(sl, sl.start, sl.stop, sl.step, a[sl], slice(3), slice(None, None, -1).indices(5), sl.indices(4))
print(range(10)[2:8:2], range(10)[::-1], "xyz"[slice(None, None, -1)])
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a[::0]
except ValueError as e:
    print("ValueError:", e)
