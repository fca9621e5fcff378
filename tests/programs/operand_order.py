# Which operand's method goes first: a subclass that overrides the reflected method is asked before
# its base, an operand of the same class is never asked for the reflected one, and comparisons
# ask an instance of a subclass first.
class B:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        print("B.add"); return "B.add"
    def __radd__(self, o):
        print("B.radd"); return "B.radd"
    def __eq__(self, o):
        print("B.eq", type(self).__name__, type(o).__name__); return NotImplemented
    def __lt__(self, o):
        print("B.lt"); return NotImplemented
    def __gt__(self, o):
        print("B.gt"); return NotImplemented
class S(B):
    def __radd__(self, o):
        print("S.radd"); return "S.radd"
    def __eq__(self, o):
        print("S.eq", type(self).__name__, type(o).__name__); return NotImplemented
class T(B):
    pass
print(B(1) + S(2), S(1) + B(2), B(1) + T(2), B(1) + B(2))
print(B(1) == S(2))
print(S(1) == B(2))
try:
    print(B(1) < S(2))
except TypeError as e:
    print("TypeError", e)
class OnlyR:
    def __radd__(self, o): return "radd"
try:
    OnlyR() + OnlyR()
except TypeError as e:
    print("TypeError", e)
print(1 + OnlyR())
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
    __radd__ = __add__
    def __repr__(self): return f"V({self.x})"
print(sum([V(1), V(2)]), V(1) + 2, 3 + V(1))
