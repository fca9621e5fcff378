# isinstance asks the object's type first, then the class its __class__ claims: a proxy or a
# mock that defines __class__ as a property passes for what it stands for. type() and
# issubclass still see the real class.


class Proxy:
    def __init__(self, target):
        self._target = target

    @property
    def __class__(self):
        return type(self._target)


class Plain:
    @property
    def size(self):
        return 1


numbers = Proxy([1, 2])
print(numbers.__class__, type(numbers).__name__)
print(isinstance(numbers, list), isinstance(numbers, (int, list)), isinstance(numbers, Proxy))
print(isinstance(numbers, dict), issubclass(type(numbers), list))
print(isinstance(Plain(), Plain), isinstance(Plain(), int), Plain().__class__.__name__)
