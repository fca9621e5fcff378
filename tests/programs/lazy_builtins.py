# Checks that zip, map, filter and enumerate are lazy: endless inputs, what they consume, and iterators that are used up.
import itertools

print(list(zip(itertools.count(), "abc")), list(map(lambda a, b: a * b, itertools.count(1), [5, 6])))
print(list(itertools.islice(filter(lambda n: n % 3 == 0, itertools.count(1)), 4)), list(itertools.islice(enumerate(itertools.cycle("xy"), 10), 3)))
numbers = iter([1, 2, 3, 4, 5])
print(list(zip(numbers, "ab")), list(numbers))
calls = []
def noisy(n):
    calls.append(n)
    return n * 10
lazy = map(noisy, [1, 2, 3])
print(calls, next(lazy), calls, list(lazy), calls)
pairs = enumerate("ab", start=5)
print(next(pairs), list(pairs), list(pairs), list(zip()), list(filter(None, [0, 1, "", "x", None])))
squares = map(pow, [2, 3], itertools.repeat(2))
print(list(squares), dict(zip("abc", range(3))), sum(map(len, ["ab", "cde"])), sorted(filter(str.isdigit, "a1b2c3")))


# The built-ins' own errors for calls they refuse.
for call in (lambda: map(abs), lambda: map(abs, [1], key=1), lambda: filter(abs),
             lambda: filter(abs, [1], [2]), lambda: map(abs, 5), lambda: filter(None, 5)):
    try:
        call()
    except TypeError as error:
        print("TypeError:", error)
print(list(map(lambda a, b: a - b, [5, 6, 7], (1, 2))), list(filter(lambda s: s.strip(), ["a", " ", "b"])))
