# Checks yield from: delegation to sub-generators and iterables, return values, send passthrough.
def inner():
    yield 1
    yield 2
    return "inner done"

def outer():
    result = yield from inner()
    print("inner returned:", result)
    yield from [10, 20]
    yield from "ab"
    yield from range(3)

print(list(outer()))

def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item

print(list(flatten([1, [2, [3, [4, 5]], 6], [], [[7]]])))

def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value

def delegator(results):
    while True:
        result = yield from accumulate()
        results.append(result)

results = []
d = delegator(results)
next(d)
for v in [1, 2, 3, None, 10, 20, None]:
    print("sent", v, "->", d.send(v))
print("results:", results)

def chain(*iterables):
    for it in iterables:
        yield from it

print(list(chain([1, 2], (3,), {4: "x"}, "56")))

def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield "node" + str(depth)
    yield from tree(depth - 1)
    yield from tree(depth - 1)

print(list(tree(2)))
