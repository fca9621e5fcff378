# Checks list/dict/set comprehensions and generator expressions: filters, nesting, scoping.
print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[r * c for c in range(1, 4)] for r in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [n for row in matrix for n in row])
print({w: len(w) for w in ["a", "bb", "ccc"]})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print(sorted({n % 4 for n in range(20)}), {c for c in [3, 1, 3, 2]})
print(sum(x * x for x in range(10)), max(len(w) for w in ["hi", "hello"]), any(n > 5 for n in [1, 9]))
gen = (c.upper() for c in "abc")
print(next(gen), list(gen), list(gen))
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
words = ["Apple", "banana", "avocado", "Cherry", "apricot"]
by_letter = {}
for w in words:
    by_letter.setdefault(w[0].lower(), []).append(w)
print(by_letter, {k: len(v) for k, v in by_letter.items()})
print([i for i in range(5)][::-1], [c * 2 for c in "xyz"], [[]  for _ in range(2)])
print(dict((n, n ** 2) for n in range(4)), tuple(n for n in range(3)), set(n % 2 for n in range(5)))
flat = [y for x in [[1, [2]], [3]] for y in x]
print(flat)
factor = 10
print([factor * n for n in range(3)], [(lambda n=n: n * factor)() for n in range(3)])
primes = [n for n in range(2, 40) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
print([(i, j) for i in range(3) for j in range(3) if i != j and (i + j) % 2 == 1])
