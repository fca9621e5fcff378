# Edges a review found: __future__ annotations, imports under TYPE_CHECKING, enum members that
# are ints or strs hashing as their values, break and continue out of except, super() in a
# metaclass's __repr__, deep recursion through ABC classes, and += on a string that len() read.
from __future__ import annotations
from typing import TYPE_CHECKING
from dataclasses import dataclass
from enum import IntEnum, Enum
from abc import ABC
if TYPE_CHECKING:
    import numpy
class P(IntEnum):
    LOW = 1
class S(str, Enum):
    A = "a"
print({1: 'a'}.get(P.LOW), P.LOW in {1}, {"a": 1}.get(S.A), hash(P.LOW) == hash(1))
@dataclass
class Node:
    value: int
    next: Node | None = None
print(Node(1, Node(2)).next.value, Node.__annotations__)
for i in range(2):
    try:
        raise KeyError(i)
    except KeyError:
        continue
try:
    raise TypeError("t")
except TypeError as e:
    print(repr(e.__context__))
def f():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError:
            if i == 1:
                break
    try:
        raise ValueError
    except ValueError as e:
        return repr(e.__context__)
print(f())
class M(type):
    def __repr__(c):
        return "M:" + super().__repr__()
class A(metaclass=M): pass
print(repr(A))
class Node2(ABC):
    def __init__(s, n):
        s.c = Node2(n - 1) if n else None
Node2(300)
print("deep ok")
def g():
    s = ""
    for i in range(300000):
        s += "x"
        if len(s) < 0:
            break
    return len(s)
print(g())
