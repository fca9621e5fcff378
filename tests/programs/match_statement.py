# The match statement (3.10+): literal, capture, wildcard, or, as, sequence (with star), mapping
# (with rest), class (positional through __match_args__, keyword, built-in types matching
# themselves, dataclasses, named tuples) patterns, guards, and the errors class patterns raise.
# versions: 3.13
from dataclasses import dataclass
from collections import namedtuple, defaultdict

@dataclass
class Point:
    x: int
    y: int

class Job:
    __match_args__ = ("kind", "size")
    def __init__(self, kind, size):
        self.kind = kind
        self.size = size

Pair = namedtuple("Pair", "left right")

def describe(value):
    match value:
        case None:
            return "nothing"
        case True | False as flag:
            return f"flag {flag}"
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as number:
            return f"number {number}"
        case "":
            return "empty string"
        case str(text):
            return f"text {text!r}"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [first, *middle, last] if not middle:
            return f"two items {first} {last}"
        case (first, *rest):
            return f"starts with {first}, then {rest}"
        case {"type": "cpu", "work": work, **others}:
            return f"cpu task {work} {others}"
        case {"type": kind}:
            return f"task of kind {kind}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=px):
            return f"point at x={px}"
        case Job("io", size=s):
            return f"io job {s}"
        case Job(kind, size):
            return f"{kind} job {size}"
        case Pair(a, b):
            return f"pair {a} {b}"
        case _:
            return "something else"

for value in [None, True, 0, -5, 7, 2.5, "", "hi", [], [1], [1, 2], [1, 2, 3], (4, 5, 6),
              {"type": "cpu", "work": 10, "prio": 1}, {"type": "io"}, {}, Point(0, 0), Point(3, 3),
              Point(1, 2), Job("io", 5), Job("cpu", 9), Pair(1, 2), range(3), object]:
    print(describe(value))

def command(text):
    match text.split():
        case ["go", ("north" | "south") as direction]:
            return f"going {direction}"
        case ["take", *items] if items:
            return f"taking {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case other:
            return f"unknown {other}"

for text in ["go north", "go west", "take lamp key", "take", "exit"]:
    print(command(text))

d = defaultdict(int)
match d:
    case {"missing": _}:
        print("matched")
    case _:
        print("no key added:", dict(d))

def bad(value):
    match value:
        case Job(a, b, c):
            return "three"

try:
    bad(Job("x", 1))
except TypeError as error:
    print(error)

try:
    match 5:
        case describe():
            pass
except TypeError as error:
    print(error)

for status in (200, 404, 500):
    match status:
        case 200 | 201:
            print("ok")
        case 404:
            print("not found")
    print("after", status)

from collections import namedtuple
P = namedtuple("P", "a b")
match P(1, 2):
    case P(x, b=y):
        print(x, y)
print(P.__match_args__)
