# heapq.merge (lazy, stable, key and reverse) and string.Template (substitute,
# safe_substitute, $$, braces, and its errors).
import heapq
from string import Template
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 9])), list(heapq.merge()), list(heapq.merge([], [1])))
print(list(heapq.merge([5, 3, 1], [4, 2], reverse=True)), list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print(list(heapq.merge([(1, "x"), (2, "a")], [(1, "y")], key=lambda p: p[0])))
gen = heapq.merge(iter(range(0, 10, 3)), iter(range(1, 10, 3))); print(next(gen), next(gen), list(gen))
t = Template("$who likes ${what}s, costs $$5, $missing")
print(t.safe_substitute(who="Ann", what="thread"), Template("$a-$b").substitute({"a": 1}, b=2))
for bad in [lambda: t.substitute(who="x", what="y"), lambda: Template("oops $").substitute(), lambda: Template("x ${bad").substitute()]:
    try:
        print(bad())
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
