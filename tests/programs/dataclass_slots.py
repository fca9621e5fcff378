# dataclass(slots=True) and kw_only (3.10+; refused by 3.9's dataclass), and objects of
# classes with __slots__ having no __dict__.
import sys
from dataclasses import dataclass, fields, asdict
if sys.version_info >= (3, 10):
    @dataclass(slots=True)
    class S:
        a: int
        b: str = "x"
    s = S(1)
    print(s, S.__slots__, hasattr(s, "__dict__"), asdict(s), [f.name for f in fields(S)], S.__qualname__)
    try:
        s.c = 2
    except AttributeError as e:
        print("AttributeError", e)
    @dataclass(kw_only=True)
    class K:
        x: int
        y: int = 2
    print(K(x=1))
else:
    for option in ("slots", "kw_only", "match_args"):
        try:
            dataclass(**{option: True})
        except TypeError as e:
            print(e)
class Slotted:
    __slots__ = ("v",)
    def __init__(self): self.v = 1
class Open:
    pass
print(hasattr(Slotted(), "__dict__"), hasattr(Open(), "__dict__"))
