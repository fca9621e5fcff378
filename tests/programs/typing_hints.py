# typing: the hints course code imports (List, Dict, Optional, Union, Callable, TypeVar, Generic,
# cast...) evaluate where annotations run, print as CPython prints them, and refuse what CPython
# refuses to instantiate.
from typing import List, Dict, Optional, Tuple, Set, Any, Callable, Iterable, Union, TypeVar, Generic, cast, TYPE_CHECKING, Deque, DefaultDict
from dataclasses import dataclass, field
import typing

T = TypeVar("T")

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> T:
        return self.items.pop()

@dataclass
class Order:
    id: int
    lines: List[str] = field(default_factory=list)
    note: Optional[str] = None
    totals: Dict[str, float] = field(default_factory=dict)

def apply(f: Callable[[int], int], xs: Iterable[int]) -> List[int]:
    return [f(x) for x in xs]

Pair = Tuple[int, str]
cache: Dict[str, Any] = {}
s = Stack()
s.push(1); s.push(2)
print(s.pop(), Order(1), apply(lambda x: x * 2, [1, 2]), cast(int, "3"), TYPE_CHECKING)
print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None], Tuple[int, ...], Callable[[int, str], bool], Pair, Any, T)
print(Union[int, int], Union[int, Union[str, int]], typing.Set[int], Deque[int], Deque[int]([1, 2]), DefaultDict(list))
print(Optional[List[int]], int | None, List[int] | None)
for make in [lambda: List(), lambda: List[int]([1]), lambda: Dict[str, int](), lambda: Any()]:
    try:
        print(make())
    except TypeError as error:
        print("TypeError:", error)
