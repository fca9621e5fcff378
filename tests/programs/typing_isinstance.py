# isinstance and issubclass against typing's hints: the bare ones test their class (typing.List
# tests list, typing.Iterable the abstract Iterable), subscripted ones refuse, a Union answers
# from 3.10, and forms with no class (Any, Optional, ClassVar) refuse in each version's words.
import typing
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple, Union


def check(label, test):
    try:
        print(label, test())
    except TypeError as error:
        print(label, "TypeError:", error)


def describe(value):
    if isinstance(value, (List, Tuple)):
        return "sequence of " + str(len(value))
    if isinstance(value, Dict):
        return "mapping of " + str(len(value))
    if isinstance(value, Callable):
        return "callable"
    return "other"


for value in ([1, 2], (3,), {"a": 1}, len, 7):
    print(describe(value))

check("list is List", lambda: isinstance([1], List))
check("dict is Dict", lambda: isinstance({}, typing.Dict))
check("list subclass of List", lambda: issubclass(list, List))
check("bool subclass of Type", lambda: issubclass(bool, typing.Type))
check("range is Sequence", lambda: isinstance(range(3), Sequence))
check("generator is Iterable", lambda: isinstance((x for x in ()), Iterable))
check("int is Hashable", lambda: isinstance(1, typing.Hashable))
check("list is Hashable", lambda: isinstance([], typing.Hashable))
check("str is Sized", lambda: isinstance("abc", typing.Sized))
check("List[int]", lambda: isinstance([], List[int]))
check("Union[int, str]", lambda: isinstance(1, Union[int, str]))
check("Optional[int] of None", lambda: isinstance(None, Optional[int]))
check("issubclass Union", lambda: issubclass(bool, Union[int, str]))
check("Any", lambda: isinstance(1, Any))
check("Optional", lambda: isinstance(1, Optional))
check("Union", lambda: isinstance(1, Union))
check("ClassVar", lambda: isinstance(1, typing.ClassVar))
check("issubclass Any", lambda: issubclass(int, Any))
check("mixed tuple", lambda: isinstance(2.5, (List, float)))
check("mixed tuple, none", lambda: isinstance(2.5, (List, int)))
check("not a type", lambda: isinstance(1, 5))
check("not a class", lambda: issubclass(int, "str"))


# A tuple is read in order, the first yes winning before any later hint or hook is asked; an
# exact type never asks its metaclass.
check("int before List[int]", lambda: isinstance(1, (int, List[int])))
check("issubclass, int first", lambda: issubclass(int, (int, List[int])))


class Hook:
    def __instancecheck__(self, obj):
        print("  hook asked")
        return False


class Meta(type):
    def __instancecheck__(cls, obj):
        print("  metaclass asked")
        return False


class Measured(metaclass=Meta):
    pass


check("hook after int", lambda: isinstance(1, (int, Hook())))
check("hook alone", lambda: isinstance(1, Hook()))
check("exact type", lambda: isinstance(Measured(), Measured))
check("other value", lambda: isinstance(1, Measured))


class Pretender:
    @property
    def __class__(self):
        return list


check("claims list, typing.List", lambda: isinstance(Pretender(), List))
check("claims list, list", lambda: isinstance(Pretender(), list))
