# Sorting compares ints, strs and tuples of them without Python code, and anything else
# through `<`: both must give CPython's order, stable, reversed stably, and its errors.
words = ["pear", "Apple", "écrin", "zèbre", "apple", "Zoo", "ångström", "pear", "日本", "a"]
print(sorted(words))
print(sorted(words, reverse=True))
print(sorted(words, key=str.lower))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (2,), (1, "a", 0), ()]
print(sorted(pairs))
print(sorted(pairs, reverse=True))
nested = [((1, 2), 5), ((1, 2), 3), ((0, 9), 7), ((1,), 1)]
print(sorted(nested))
# Equal keys keep their order, reversed or not.
records = [("b", 1), ("a", 2), ("b", 3), ("a", 4), ("c", 5)]
print(sorted(records, key=lambda r: r[0]))
print(sorted(records, key=lambda r: r[0], reverse=True))
big = [10**30, -5, 3, -(10**25), 0, 2**63, 2**63 - 1]
print(sorted(big))
print(sorted([3.5, 1, True, -2.25, 0]))


class Loud:
    def __init__(self, n):
        self.n = n

    def __lt__(self, other):
        return self.n < other.n

    def __repr__(self):
        return f"Loud({self.n})"


print(sorted([Loud(3), Loud(1), Loud(2)]))
values = [5, 1, 4]
values.sort(reverse=True)
print(values)
for bad in ([1, "a"], [(1, 2), (1, "x")], [Loud(1), 2]):
    try:
        sorted(bad)
    except TypeError as error:
        print("TypeError:", error)
