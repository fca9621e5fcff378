# Checks more of collections: namedtuple errors, rename and module, deque edge cases, Counter operators, OrderedDict order.
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

Point = namedtuple("Point", "x, y")
print(Point, Point.__name__, Point.__module__, Point._fields, Point._field_defaults, Point.__doc__)
p = Point(1, y=2)
print(p, repr(p), str(p), p._asdict(), hash(p) == hash((1, 2)), p < (1, 3), p + (3,), p * 2, list(p), p.count(1), p.index(2))
print({p: "point"}[(1, 2)], sorted([Point(2, 1), Point(1, 5)]), max(Point(2, 1), Point(1, 5)).x)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, x=2), lambda: p._replace(z=1), lambda: Point._make([1])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
Renamed = namedtuple("Renamed", ["a", "def", "a", "_b"], rename=True)
print(Renamed._fields, Renamed(1, 2, 3, 4))
Single = namedtuple("Single", "value")
print(Single(5), Single._make([6]), Single(value=7).value)
for bad_name in ["1x", "class", "_y", "x x"]:
    try:
        namedtuple("Bad", ["ok", bad_name])
    except ValueError as e:
        print("ValueError:", e)
dq = deque("abc", maxlen=4)
dq.extendleft("xy")
print(dq, dq.maxlen, len(dq), dq.count("a"), dq == deque(["y", "x", "a", "b"]), list(reversed(dq)))
dq.rotate(-5)
dq.remove("a")
print(dq, dq.index("b"), deque() == deque(), bool(deque()), deque([1, 2]) + deque([3]))
try:
    deque().popleft()
except IndexError as e:
    print("IndexError:", e)
empty = Counter()
c = Counter(a=3, b=-1, c=0)
print(empty, +c, -c, c & Counter(a=1), c | Counter(b=5), c.most_common(1), list(c.elements()))
c["d"] += 2
del c["zzz"]
print(c, c.get("e"), "e" in c, len(c), isinstance(c, dict), Counter("aab") == Counter("aba"))
c.update({"a": 10})
c.subtract(a=1)
print(c, dict(c), sorted(c))
dd = defaultdict(lambda: "?", {"k": "v"})
print(dd["k"], dd["missing"], sorted(dd.items()), defaultdict(None).default_factory)
try:
    defaultdict(None)["x"]
except KeyError as e:
    print("KeyError:", e)
od = OrderedDict([("x", 1), ("y", 2), ("z", 3)])
od.move_to_end("x")
od.move_to_end("z", last=False)
print(list(od.items()), od.popitem(), od.popitem(last=False), list(od), od == OrderedDict(y=2), od != {"y": 2})
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1})
