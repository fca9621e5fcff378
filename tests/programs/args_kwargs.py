# Checks *args and **kwargs: collection, unpacking at call sites, forwarding, ordering of kwargs.
def show(*args, **kwargs):
    print("args =", args, "kwargs =", kwargs)

show()
show(1, 2, 3)
show(a=1, b=2)
show(1, "x", key="v", other=None)
nums = [4, 5, 6]
opts = {"sep": "-", "end": "!\n"}
show(*nums)
show(0, *nums, 7, *"ab")
show(**opts)
show(*nums, **opts, extra=1)
print(*nums, **opts)
print(*"abc", sep="|")

def total(first, *rest):
    return first + sum(rest)

print(total(1), total(1, 2, 3), total(*range(5)))

def wrapper(*args, **kwargs):
    print("calling with", len(args), "positional and", sorted(kwargs))
    return total(*args, **kwargs)

print(wrapper(10, 20, 30))

def point(x, y, z=0):
    return (x, y, z)

print(point(*[1, 2]), point(**{"y": 5, "x": 4}), point(1, **{"z": 9, "y": 8}))
merged = dict(**{"a": 1}, b=2)
print(merged)

def kw_order(**kw):
    return list(kw.items())

print(kw_order(z=1, a=2, m=3))
first, *middle, last = [1, 2, 3, 4, 5]
print(first, middle, last)
try:
    point(1, 2, x=3)
except TypeError:
    print("TypeError: multiple values for x")
try:
    point(1, 2, w=3)
except TypeError:
    print("TypeError: unexpected keyword w")
