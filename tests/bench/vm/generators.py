# A generator pipeline: yield, generator expressions, and built-ins that drain them.
def numbers(n):
    for i in range(n):
        yield i


def evens(items):
    for item in items:
        if item % 2 == 0:
            yield item


def scaled(items, factor):
    for item in items:
        yield item * factor


total = sum(x + 1 for x in scaled(evens(numbers(600_000)), 3))
print(total, max(i * i % 1009 for i in range(200_000)))
