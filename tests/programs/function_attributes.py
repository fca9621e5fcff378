# Checks function attributes (__doc__, __name__, __dict__, __defaults__), callable instances, number attributes.
def area(width, height=2, *, unit="cm"):
    "Return the area."
    return width * height

class Shape:
    "A shape."

def undocumented():
    return None

print(area.__doc__, area.__name__, area.__qualname__, area.__module__, area.__defaults__, area.__kwdefaults__)
print(Shape.__doc__, undocumented.__doc__, undocumented.__defaults__, undocumented.__kwdefaults__)
area.calls = 0
area.calls += 1
area.__name__ = "surface"
area.__doc__ = "Changed."
print(area.calls, area.__name__, area.__doc__, area.__dict__, area(3))

class Multiplier:
    def __init__(self, factor):
        self.factor = factor

    def __call__(self, value, extra=0):
        return value * self.factor + extra

triple = Multiplier(3)
print(triple(4), triple(4, extra=1), callable(triple), list(map(triple, [1, 2])), sorted([3, 1, 2], key=Multiplier(-1)))
print((7).real, (7).imag, (7).numerator, (7).denominator, (2.5).real, (2.5).imag, True.numerator)
