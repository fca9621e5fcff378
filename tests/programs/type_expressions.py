# Type expressions as annotations evaluate them: list[int] (types.GenericAlias), int | None
# (types.UnionType, 3.10+), a class's __class_getitem__, and ... (Ellipsis), in dataclass fields,
# module and class annotations and stub bodies.
from dataclasses import dataclass, field
@dataclass
class Job:
    name: str
    tags: list[str] = field(default_factory=list)
    meta: "dict[str, int] | None" = None
print(Job("a"), Job("b", ["x"]))
print(list[int], type(list[int]).__name__, tuple[int, ...], dict[str, list[int]], list[int]([1, 2]), tuple[()], type[int])
print(int | None, int | str | None, list[int] | None, (int | str) == (str | int), int | int)
print(isinstance(3, int | str), isinstance(None, int | None), isinstance("x", int | float))
x: list[int] = []
y: dict[str, "Job"] = {}
class Box:
    items: set[frozenset[int]] = set()
    def first(self) -> tuple[int, ...]: ...
print(x, y, Box.items, Box().first(), ..., Ellipsis, ... is Ellipsis, type(...).__name__, repr(...), [...])
class Registry:
    def __class_getitem__(cls, key):
        return f"Registry of {key}"
print(Registry[int], Registry["x"])
def stub(): ...
print(stub())
print(list[Job], dict[int, Box])
try:
    int[3]
except TypeError as e:
    print(e)
