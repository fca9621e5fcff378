# __init_subclass__: called with each new subclass (an implicit classmethod), through the nearest
# base that defines it; object's does nothing.
class Plugin:
    registry = []
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        print("registered", cls.__name__)
        Plugin.registry.append(cls.__name__)
class CSV(Plugin):
    pass
class JSON(Plugin):
    pass
class Strict(JSON):
    pass
print(Plugin.registry)
class Counted:
    count = 0
    @classmethod
    def __init_subclass__(cls):
        Counted.count += 1
        cls.number = Counted.count
class A(Counted): pass
class B(Counted): pass
print(A.number, B.number, Counted.count)
class Plain:
    pass
class Child(Plain):
    pass
print(Child.__name__, hasattr(object, "__init_subclass__"))
