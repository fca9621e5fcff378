# The errors random and math raise, in each version's words: choosing from an empty list,
# an empty randint range, and math functions whose result overflows a float.
import math
import random

for attempt in (
    lambda: random.choice([]),
    lambda: random.randint(10, 1),
    lambda: random.randrange(0, 10, -1),
    lambda: random.randrange(0),
    lambda: math.exp(710),
    lambda: math.cosh(1000),
    lambda: math.sinh(-1000),
    lambda: math.expm1(1000),
    lambda: math.log(0),
    lambda: math.sqrt(-1),
    lambda: math.exp(10 ** 400),
    lambda: math.sqrt(10 ** 400),
):
    try:
        print(attempt())
    except (IndexError, ValueError, OverflowError) as error:
        print(type(error).__name__, error)
print(math.exp(709) > 1e307, math.degrees(1e308), math.tanh(1000))
