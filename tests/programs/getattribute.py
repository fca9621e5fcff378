# __getattribute__ sees every attribute read; __getattr__ only what it does not find.
class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if name == "secret":
            return 42
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
l = Logged()
print(l.x, l.secret, l.missing)
class Sub(Logged):
    pass
print(Sub().secret)
class Strict:
    def __getattribute__(self, name):
        raise AttributeError(name)
try:
    Strict().a
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(Strict(), "a"), getattr(Strict(), "a", "default"))
class A:
    def hello(self):
        return "real"
    def __getattribute__(self, name):
        if name == "hello":
            return lambda: "intercepted"
        return object.__getattribute__(self, name)
print(A().hello())
