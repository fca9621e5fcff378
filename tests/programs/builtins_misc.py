# Checks assorted builtins: abs round divmod pow min/max any/all zip map filter enumerate reversed chr/ord hex/bin isinstance.
print(abs(-3), abs(2.5), abs(-0.0), abs(-(2 ** 70)))
print(round(2.5), round(3.5), round(-1.5), round(0.5), round(1.25, 1), round(1234.5678, -2), round(7, -1), round(5))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7.5, 2))
print(pow(2, 10), pow(2, -2), pow(3, 4, 5), pow(3, -1, 7), pow(2.0, 3), pow(10, 0), pow(0, 0))
print(min(3, 1, 2), max([4, 9, 2]), min("hello"), max("b", "ab", key=len), min([], default="empty"))
print(max([], default=None), min([(2, "b"), (1, "z")]), max({"a": 3, "b": 1}, key=lambda k: -ord(k)), min(5, 5.0))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all(x > 0 for x in [1, -1]))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(2), range(2), range(2))), dict(zip("ab", [1, 2])))
print(list(map(str, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(len, ["a", "bb"])))
print(list(filter(None, [0, 1, "", "x", [], [0]])), list(filter(str.isdigit, "a1b2")))
print(list(enumerate("abc")), list(enumerate("ab", start=1)), list(enumerate([], 5)))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), "".join(reversed("stressed")))
print(chr(65), chr(0x263A), ord("a"), ord("€"), [ord(c) for c in "AZ"], chr(ord("a") + 1))
print(hex(255), hex(-1), bin(10), bin(-10), oct(64), hex(0), int(hex(1234), 16), int(bin(5), 2))
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("s", (int, str)), isinstance(None, type(None)))
print(issubclass(bool, int), type(1) is int, type(True).__name__, type(None).__name__, type([]).__name__)
print(len("abc"), len([1, 2]), len({}), len(range(0, 10, 3)), sum([1, 2, 3], 10), sum([0.5, 0.25]))
print(sorted([3, 1, 2]), sorted("bca", reverse=True), list(range(3)), bool(0), bool("0"), int("7"), float("7"), str(7))
print(callable(len), callable(5), repr("x"), ascii("héllo"), bin(0), hash(5) == hash(5.0))
print(list(iter([1, 2])), next(iter("xy")), tuple(map(abs, (-1, -2))), list(zip(*[(1, "a"), (2, "b")])))
print(max(range(10), key=lambda n: (n % 4, n)), min(["bb", "a", "ccc"], key=len), max(1, 2, key=lambda n: -n))
print(round(0.1 + 0.2, 10), round(-0.5), round(1.5), round(2.675, 2), type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
try:
    max([])
except ValueError:
    print("ValueError raised for max of an empty list")
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)

# A bare object() has no __dict__: its attributes cannot be set.
sentinel = object()
try:
    sentinel.label = "x"
except AttributeError as error:
    print("AttributeError:", error)
print(hasattr(sentinel, "label"))
