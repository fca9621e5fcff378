# Checks lambda expressions and sorting: key functions, reverse, stability, multi-key sorts, min/max keys.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(6), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
people = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: (p[1], p[0])))
words = ["kiwi", "Banana", "apple", "fig", "Cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: w[-1]))
nums = [5, -3, 2, -8, 0, 7]
print(sorted(nums, key=abs), sorted(nums, reverse=True), sorted(nums, key=lambda n: (n % 2, n)))
records = [{"name": "x", "score": 3}, {"name": "y", "score": 1}, {"name": "z", "score": 2}]
records.sort(key=lambda r: r["score"])
print([r["name"] for r in records])
data = [3, 1, 2]
data.sort(key=lambda n: -n)
print(data)
pairs = [(1, "b"), (1, "a"), (0, "c")]
print(sorted(pairs, key=lambda p: p[0]))
print(list(map(lambda x: x * 2, range(4))), list(filter(lambda x: x % 3 == 0, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_square = compose(square, lambda x: x + 1)
print(inc_then_square(4), (lambda x: (lambda y: x + y))(3)(4))
print(sorted("hello world"), sorted({3: "c", 1: "a", 2: "b"}.items(), key=lambda kv: kv[1], reverse=True))
print(sorted([[2, 1], [1, 2], [1, 1]]), sorted([0.5, -1, 3, 2.5]), sorted([]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
