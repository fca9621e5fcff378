# enumerate's count is a Python int: it goes on past sys.maxsize into big ints, from a start
# given as a big int too, in a for loop (stepped by the eval loop) and through next().
import sys

for i, letter in enumerate("abc", sys.maxsize - 1):
    print(i, letter)

counter = enumerate(["x", "y"], start=2**70)
print(next(counter), next(counter))
print(list(enumerate([None] * 3, -2**64)))
try:
    enumerate([], "1")
except TypeError as error:
    print("TypeError:", error)
