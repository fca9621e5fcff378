# pickle in CPython's format: the bytes dumps writes (protocols 4 and 5) and their length for
# the data processes send: ints of every size, floats, strs (short, long, non-ASCII), bytes,
# tuples, lists, dicts and sets past a batch of 1,000 and past a 64 KB frame, shared and
# nested objects (the memo), instances, classes, functions and built-ins by name, exceptions,
# ranges; loads of it back; and the errors for lambdas, local functions, locks and bad data.
import pickle
import math
import threading


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Empty:
    pass


def work(n):
    return n * n


shared = [1, 2]
CASES = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -129, 2**31 - 1, 2**31, -2**31,
         -2**31 - 1, 2**63, -2**64, 10**100, 1.5, -0.0, float("inf"), "", "a", "héllo wörld",
         "x" * 300, b"", b"\x00\xff", b"y" * 300, (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
         [], [1], [1, 2], {}, {"a": 1}, {"a": 1, "b": [1, 2]}, {1, 2, 3}, set(), frozenset(),
         frozenset([5]), [shared, shared], (shared, shared), [[]] * 3, Point(1, "a"), Empty(),
         [Point(1, 2), Point(3, 4)], Point, work, len, math.sqrt, range(3), range(1, 10, 2),
         ValueError("bad", 3), KeyError("k"), [("t", 1)] * 2, {"k": ("v",)}, [1.0, 2.0]]
for case in CASES:
    for protocol in (4, 5):
        data = pickle.dumps(case, protocol=protocol)
        back = pickle.loads(data)
        same = repr(back) == repr(case) or type(back) is type(case) and type(case) in (Empty, ValueError, KeyError)
        print(protocol, len(data), data if len(data) < 120 else data[:60], same)

for size in [999, 1000, 1001, 2000, 2500, 30000, 100000]:
    items = list(range(size))
    mapping = {i: str(i) for i in range(size)}
    keyed = {str(i): i for i in range(size)}
    for data in [pickle.dumps(items), pickle.dumps(mapping), pickle.dumps(keyed),
                 pickle.dumps(tuple(items)), pickle.dumps([float(i) for i in items])]:
        print(size, len(data), data[:12], data[-12:], pickle.loads(data) is not None)
print(len(pickle.dumps("z" * 70000)), len(pickle.dumps([b"q" * 70000, "tail"])))
line = "a" * 100
print(len(pickle.dumps([[line] * 800 for _ in range(3)])), len(pickle.dumps([[str(i)] * 3 for i in range(500)])))
print(pickle.loads(pickle.dumps({"points": [Point(i, -i) for i in range(3)], "f": work}))["points"])
print(pickle.loads(pickle.dumps(work))(7), pickle.loads(pickle.dumps(math.sqrt))(16))
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL, pickle.dumps(1) == pickle.dumps(1, 4))


def local():
    def inner():
        pass
    return inner


for bad in [lambda: pickle.dumps(lambda x: x), lambda: pickle.dumps(local()),
            lambda: pickle.dumps(threading.Lock()), lambda: pickle.dumps((x for x in [])),
            lambda: pickle.loads(b""), lambda: pickle.loads(b"\x80\x04K"),
            lambda: pickle.loads(b"zzz"), lambda: pickle.loads("text"),
            lambda: pickle.dumps(1, protocol=9)]:
    try:
        bad()
    except Exception as e:
        text = str(e)
        print(type(e).__name__, text.split(" at 0x")[0])

# Nested and local classes, bad data, and protocol 2 as CPython 3 writes it (Python 2's names).
def f():
    class L:
        pass
    return L
class Outer:
    class Inner:
        pass
print(pickle.dumps(Outer.Inner), pickle.loads(pickle.dumps(Outer.Inner())).__class__.__qualname__)
for bad in [lambda: pickle.dumps(f()), lambda: pickle.dumps(f()()), lambda: pickle.loads(b"\x80\x05"), lambda: pickle.loads(b"N"),
            lambda: pickle.loads(b"(."), lambda: pickle.loads(b"\x80\x02c__builtin__\nset\nq\x00]q\x01K\x01a\x85q\x02Rq\x03.")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
for data in [b"\x80\x04NN(\x86t.", b"\x80\x04(N\x85."]:
    try:
        print(pickle.loads(data))
    except Exception as e:
        print(type(e).__name__, e)
print(len(pickle.dumps([len, abs])), len(pickle.dumps([Point, Empty, work])))
