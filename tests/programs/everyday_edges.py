# Everyday edges found by probing against CPython: an executor left running at exit, split and
# count with their bounds, round of big floats, zip(strict=True), the words of argument errors,
# sequence repetition by a non-int, and the OSError family.
print(round(1e20), round(-1e20), round(1e19), round(float(2**70)), round(2.5), round(-0.5), int(1e40), int(-1.5e300) == -15 * 10**299 or "exact")
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError", e)
print(" a b ".split(None, 1), "  a b c  ".rsplit(None, 1), "a  b".split(maxsplit=0), "  x ".rsplit(None, 0), "a b c".split(None, 5))
print("oo".count("o", 1), "abab".count("ab", 0, 3), "aaa".count("", 1), "abc".count("", 5), "héllo".count("l", -2), "abc".count("b", None, None))
try:
    "abc".count(1)
except TypeError as e:
    print("TypeError", e)
print(list(zip([1, 2], [3, 4], strict=True)), list(zip(strict=True)))
for bad in [([1, 2], [3]), ([1], [2, 3]), ([1], [2], [3, 4]), ([1, 2], [3, 4], [5])]:
    try:
        print(list(zip(*bad, strict=True)))
    except ValueError as e:
        print("ValueError", e)
print("abcabc".find("c", 3), "abcabc".index("a", 1), "héhé".rfind("é"))
def f(a, *, c): pass
def g(a, b=1): pass
def h(a, *, c, d): pass
def k(a, b, c, *, d): pass
for call in [lambda: f(), lambda: f(1), lambda: (lambda: 0)(1), lambda: g(1, 2, 3), lambda: g(), lambda: h(1), lambda: k(), lambda: k(1, 2), lambda: (lambda a: 0)(1, 2), lambda: (lambda a=1: 0)(1, 2)]:
    try:
        call()
    except TypeError as e:
        print(e)
for a, b in [("a", "b"), ([1], 1.5), (2.5, "x"), ((1,), [2]), (b"x", b"y"), (None, "a"), ("a", None)]:
    try:
        print(a * b)
    except TypeError as e:
        print(e)
x = "ab"
try:
    x *= 1.5
except TypeError as e:
    print(e)
try:
    raise ConnectionResetError("peer went away")
except ConnectionError as e:
    print(type(e).__name__, e, isinstance(e, OSError), ConnectionResetError.__mro__[1:3])
try:
    raise FileNotFoundError("nope.txt")
except OSError as e:
    print(repr(e))
print(issubclass(TabError, SyntaxError), issubclass(RuntimeWarning, Warning), StopAsyncIteration.__bases__, issubclass(BrokenPipeError, ConnectionError))
from concurrent.futures import ThreadPoolExecutor
left_running = ThreadPoolExecutor(2)
print(left_running.submit(abs, -7).result(), list(ThreadPoolExecutor().map(lambda x: x * 2, range(5))))
