# Checks closures: captured variables, nonlocal rebinding, late binding in loops, independent counters.
def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment

c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())

def make_multiplier(n):
    def multiply(x):
        return x * n
    return multiply

double, triple = make_multiplier(2), make_multiplier(3)
print(double(7), triple(7), [make_multiplier(i)(10) for i in range(4)])
late = [lambda: i for i in range(3)]
bound = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in bound])

def outer():
    x = "outer"

    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x

    result = middle()
    return result, x

print(outer())

def shadow():
    x = 1

    def inner():
        x = 2
        return x

    return inner(), x

print(shadow())

def unbound():
    def inner():
        print(y)
        y = 1
    inner()

try:
    unbound()
except UnboundLocalError:
    print("UnboundLocalError raised")
