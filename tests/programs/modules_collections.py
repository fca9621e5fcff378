# Checks collections: deque, Counter, defaultdict, namedtuple, OrderedDict basics and their reprs.
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1])
d.extend([7, 8])
d.extendleft([-1, -2])
d.rotate(2)
print(d)
d.rotate(-3)
print(d, list(d), 7 in d)
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
print(bounded, bounded.maxlen)
c = Counter("mississippi")
print(c, c["s"], c["z"], c.most_common(2), sorted(c.elements()))
c.update("miss")
c.subtract({"i": 10})
print(c, sum(Counter([1, 1, 2]).values()))
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2), Counter(["x", "y", "x"]))
words = "the quick the lazy the end quick".split()
print(Counter(words).most_common())
dd = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    dd[word[0]].append(word)
print(dd, dict(dd), dd["z"], len(dd))
counts = defaultdict(int)
for ch in "hello":
    counts[ch] += 1
print(counts, counts.default_factory.__name__)
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
q = Point(y=1, x=2)
print(p, q, p.x + p.y, p[0], p == (3, 4), p._asdict(), p._replace(x=10), Point._fields)
x, y = q
print(x, y, isinstance(p, tuple), len(p), Point._make([5, 6]))
Color = namedtuple("Color", "r g b", defaults=[0])
print(Color(1, 2), Color(1, 2, 3))
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od.move_to_end("b")
print(list(od.items()), list(od), od.popitem(last=False), od == {"b": 1})
