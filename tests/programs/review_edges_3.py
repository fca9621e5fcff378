# Review fixes: a built-in function pickled by its own module (random holds math.sqrt as
# _sqrt); a JoinableQueue whose put raised Full still joins; a NamedTuple class's subclass; a
# metaclass derived from ABCMeta that computes no abstract set; copy of built-in container
# subclasses, slotted objects, Ellipsis; kill() and terminate() of a child that swallows every
# exception; and a cause chain that loops back printed once.
import random, math, multiprocessing as mp, queue, copy, collections, sys
from dataclasses import dataclass
from typing import NamedTuple
from abc import ABC, ABCMeta, abstractmethod

class Point(NamedTuple):
    x: int
    y: int = 0
class P3(Point):
    def total(self):
        return self.x + self.y

class A(ABC):
    @abstractmethod
    def f(self): ...
class Meta2(ABCMeta):
    def __init__(cls, *a):
        pass
class B(A, metaclass=Meta2):
    def f(self):
        return 1

class L(list):
    pass
@dataclass(**({"slots": True} if sys.version_info >= (3, 10) else {}))
class S:
    x: list
class Sl:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = [1]
        self.b = 2

def stubborn():
    import time
    while True:
        try:
            time.sleep(0.01)
        except BaseException:
            pass

if __name__ == "__main__":
    try:
        class Bad(NamedTuple):
            a: int = 1
            b: int
            c: int = 2
    except TypeError as e:
        print(e)
    with mp.Pool(2) as pool:
        print(pool.map(math.sqrt, [1.0, 4.0]))
    q = mp.JoinableQueue(1)
    q.put(1)
    try:
        q.put(2, False)
    except queue.Full:
        print("full")
    q.get(); q.task_done(); q.join(); print("joined")
    print(P3(1, 2), P3(1, 2).total())
    print(B().f())
    print(copy.copy(collections.OrderedDict(a=1)), copy.deepcopy(collections.Counter("aab")), copy.copy(L([1, 2])), type(copy.copy(L([1]))).__name__)
    print(copy.deepcopy(S([1])), copy.deepcopy(...) is ..., copy.copy(NotImplemented) is NotImplemented)
    s2 = copy.deepcopy(Sl()); print(s2.a, s2.b)
    p = mp.Process(target=stubborn); p.start()
    import time; time.sleep(0.3)
    p.kill(); p.join(3); print(p.is_alive(), p.exitcode)
    p = mp.Process(target=stubborn); p.start(); time.sleep(0.3)
    p.terminate(); p.join(3); print(p.is_alive(), p.exitcode)
    a = ValueError("a")
    b = KeyError("b")
    a.__cause__ = b
    b.__cause__ = a
    raise a
