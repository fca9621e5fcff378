# Checks calls of obj.name(...): the instance's own attribute wins over the class's method, the
# lookup happens before the arguments are evaluated, and methods of every kind of object work.
class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self, punctuation="!"):
        return "hello " + self.name + punctuation

    @staticmethod
    def shout(text):
        return text.upper()

    @classmethod
    def make(cls, name):
        return cls(name)

    @property
    def loud(self):
        return self.shout

g = Greeter("ann")
print(g.greet(), g.greet("?"), g.shout("hi"), Greeter.make("bo").greet(), g.loud("x"))
g.greet = lambda: "shadowed"
print(g.greet())
del g.greet
print(g.greet())


def trace(label):
    print("evaluated", label)
    return label

try:
    None.missing(trace("argument"))
except AttributeError as e:
    print("AttributeError:", e)

words = []
words.append(trace("a"))
print(words, "-".join(["x", "y"]), {"k": 1}.get("k"), (1, 2, 1).count(1), {3}.union({4}))
import math
print(math.sqrt(16), "abc".upper().lower().title())


class Counter(dict):
    def bump(self, key):
        self[key] = self.get(key, 0) + 1
        return self

print(Counter().bump("a").bump("a").bump("b"))


class Dynamic:
    def __getattr__(self, name):
        return lambda *args: name + str(args)

print(Dynamic().anything(1, 2))
