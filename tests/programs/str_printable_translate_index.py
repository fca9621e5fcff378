# repr escapes what is not printable, str.isprintable, str.maketrans and translate, and
# objects with __index__ used as sequence indexes and by bin/hex/oct.
import sys

samples = ["tab\there", "nul\x00del\x7f", "zero\u200bwidth", "nb\u00a0sp", "é😀", "esc\x1b[0m",
           "line\u2028sep", "private\ue000", "soft\xadhyphen", "bell\a"]
for s in samples:
    print(repr(s), ascii(s), s.isprintable())
print("".isprintable(), " ".isprintable(), "\n".isprintable(), repr(["\u0085", "\ufeff"]))

table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()))
print("aabbccdd-abcd".translate(table))
print("hello".translate({ord("l"): "L", ord("o"): None, 104: 72}))
print("caesar".translate(str.maketrans({"a": "4", "e": "3", "s": 5})))


class Shift(dict):
    def __missing__(self, key):
        return key + 1


print("HAL".translate(Shift()))
for bad in [lambda: str.maketrans("ab", "x"), lambda: str.maketrans({"ab": 1}),
            lambda: str.maketrans("ab"), lambda: "x".translate({120: 1.5})]:
    try:
        bad()
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)

print(isinstance(sys.platform, str) and len(sys.platform) > 0)


class Position:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


items = [10, 20, 30, 40]
print(items[Position(1)], items[Position(-1)], "abcd"[Position(2)], (1, 2, 3)[Position(0)])
print(items[Position(1):Position(3)], range(100)[Position(7)], b"xyz"[Position(1)])
items[Position(0)] = 99
del items[Position(1)]
print(items, bin(Position(5)), hex(Position(255)), oct(Position(8)))
try:
    items[Position(10)]
except IndexError as error:
    print("IndexError", error)
