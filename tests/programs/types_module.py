# The types module: SimpleNamespace (its repr, equality, copy, and a namespace that holds
# itself), and the names of the built-in types a program checks against.
import types
ns = types.SimpleNamespace(a=1, b="two")
print(ns, ns.a, ns == types.SimpleNamespace(b="two", a=1), ns != types.SimpleNamespace(a=1))
ns.c = [ns]
ns.me = ns
print(ns)
del ns.c
print(repr(ns.me is ns), vars(ns).keys())
print(type(ns).__name__, type(ns).__module__, repr(type(ns)))
try:
    hash(ns)
except TypeError as e:
    print("TypeError", e)
class Sub(types.SimpleNamespace):
    pass


class Point:
    def norm(self):
        return 0


print(Sub(x=1))
def f(): pass
def g(): yield
print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType), isinstance(g(), types.GeneratorType))
print(isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType), isinstance(Point().norm, types.MethodType))
print(types.FunctionType.__name__, types.GeneratorType.__name__, types.CoroutineType.__name__, types.MethodType.__name__, types.ModuleType.__name__)
try:
    types.nothing
except AttributeError as e:
    print("AttributeError", e)
try:
    print(types.SimpleNamespace(()))
except TypeError as e:
    print("TypeError", e)
try:
    types.SimpleNamespace({"a": 1})
    print("positional ok")
except TypeError as e:
    print("TypeError", e)
import sys
if sys.version_info >= (3, 10):
    print(types.NoneType, types.UnionType, types.EllipsisType.__name__)
import copy
print(copy.copy(ns) == ns)
