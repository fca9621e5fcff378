# Construction and divmod of user classes: a class that overrides __new__ takes its arguments
# there (object.__init__ lets them through), __divmod__/__rdivmod__ and their TypeError, and
# Fraction divmod.
class A:
    def __new__(cls, x):
        self = super().__new__(cls)
        self.x = x
        return self
a = A(5)
print(a.x)
class B:
    def __divmod__(self, other): return ("dm", other)
    def __rdivmod__(self, other): return ("rdm", other)
print(divmod(B(), 3), divmod(3, B()))
class C:
    def __init__(self): pass
try:
    C(1)
except TypeError as e: print(e)
class D: pass
try:
    D(1)
except TypeError as e: print(e)
class E: pass
try:
    divmod(E(), 2)
except TypeError as e: print(e)
from fractions import Fraction
print(divmod(Fraction(7, 2), 1))
from fractions import Fraction as F
print(divmod(F(7,2),1), divmod(7, F(2,3)), divmod(F(7,2), F(1,3)), divmod(F(7,2), 1.5), divmod(2.5, F(1,2)))
