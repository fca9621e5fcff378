# heapq's core functions (in Rust, as CPython's are in C): the same heap after heapify, push and
# pop, the same comparisons in the same order for __lt__ written in Python, and the same errors.
import heapq, random
random.seed(3)
data = [random.randint(0, 50) for _ in range(3000)]
h = list(data)
heapq.heapify(h)
print(h[:20], h[-5:])
out = [heapq.heappop(h) for _ in range(10)]
print(out, len(h))
for x in data[:200]:
    heapq.heappush(h, x)
print(h[:15])
print(heapq.heapreplace(h, 99), heapq.heappushpop(h, -1), heapq.heappushpop(h, 1000), h[:10])
small = [5, 3, 8, 1]
heapq.heapify(small); print(small)
class Task:
    def __init__(self, p, name): self.p, self.name = p, name
    def __lt__(self, other):
        print("  cmp", self.name, other.name)
        return self.p < other.p
    def __repr__(self): return self.name
tasks = []
for p, name in [(3, "c"), (1, "a"), (2, "b"), (1, "a2"), (0, "z")]:
    heapq.heappush(tasks, Task(p, name))
print(tasks)
print([heapq.heappop(tasks) for _ in range(5)])
pq = []
for i, (p, n) in enumerate([(2, "x"), (1, "y"), (2, "w"), (1, "v")]):
    heapq.heappush(pq, (p, i, n))
print([heapq.heappop(pq) for _ in range(4)], heapq.nsmallest(3, data), heapq.nlargest(2, data))
for bad in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush([1, "a"], 2), lambda: heapq.heapify(["a", 1, 2])]:
    try:
        bad()
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
class Grow:
    def __init__(self, heap): self.heap = heap
    def __lt__(self, other):
        self.heap.append(0)
        return True
g = [1]
try:
    heapq.heappush(g, Grow(g))
except RuntimeError as e:
    print("RuntimeError", e)
print(heapq.heappushpop([], 5))
for call in [lambda: heapq.heappop(), lambda: heapq.heapify([], 1), lambda: heapq.heappush([]), lambda: heapq.heappop(()), lambda: heapq.heappushpop((), 1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
