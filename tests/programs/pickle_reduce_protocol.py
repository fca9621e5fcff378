# pickle's reduce protocol: __reduce_ex__, __reduce__ (a global's name, list and dict items),
# __getstate__ and __setstate__, __getnewargs__, subclasses of list, dict, tuple, int and str,
# namedtuples, enums, collections' own types, a frozen dataclass loaded back; and records
# dumped one after another to a file and loaded one after another.
import io
import pickle
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple
from dataclasses import dataclass
from enum import Enum


class Keep:
    def __init__(self):
        self.keep, self.drop = 1, 2

    def __getstate__(self):
        return {"keep": self.keep}


class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __getstate__(self):
        return (self.a, self.b)

    def __setstate__(self, state):
        self.a, self.b = state


class ReduceEx:
    def __reduce_ex__(self, protocol):
        return dict, ([("protocol", protocol)],)


class Single:
    _made = None

    def __new__(cls, tag):
        if cls._made is None:
            cls._made = super().__new__(cls)
        return cls._made

    def __getnewargs__(self):
        return (7,)


class Bag(list):
    pass


class Table(dict):
    pass


class Name(str):
    pass


class Count(int):
    pass


Point = namedtuple("Point", "x y")


class Color(Enum):
    RED = 1
    GREEN = 2


@dataclass(frozen=True)
class Frozen:
    a: int
    b: str


def show(obj):
    data = pickle.dumps(obj)
    back = pickle.loads(data)
    shown = vars(back) if isinstance(back, (Keep, Pair, Single)) else back
    print(len(data), data[:70], type(back).__name__, shown)


for obj in [Keep(), Pair(1, "x"), ReduceEx(), Bag([1, 2, 3]), Bag([9]), Table(a=1, b=2), Table(z=0),
            Name("hi"), Count(5), Point(1, 2), [Point(3, 4), Point(5, 6)], Color.RED, [Color.GREEN, Color.GREEN],
            Frozen(1, "b!"), Counter("abracadabra"), OrderedDict(a=1, b=2), defaultdict(list, k=[1]),
            deque([1, 2, 3]), deque([1], maxlen=4), Bag(range(1500))]:
    show(obj)
single = Single(1)
print(pickle.loads(pickle.dumps(single)) is single, pickle.dumps(single)[-8:])

buffer = io.BytesIO()
for record in [{"id": 1}, [2, 3], "four", Point(5, 5)]:
    pickle.dump(record, buffer)
buffer.seek(0)
while True:
    try:
        print(pickle.load(buffer), buffer.tell())
    except EOFError:
        print("end")
        break
with open("pickle_records.bin", "wb") as f:
    for n in range(3):
        pickle.dump({"n": n, "square": n * n}, f)
with open("pickle_records.bin", "rb") as f:
    print([pickle.load(f) for _ in range(3)])
import os
os.remove("pickle_records.bin")
