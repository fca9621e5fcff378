# Checks input() with nothing to read (the parity run's stdin is empty, as the page has none):
# the prompt is printed, then EOFError; and hand-made NameError/AttributeError, whose name
# and obj are None from 3.10, and OrderedDict.fromkeys.
from collections import OrderedDict

try:
    answer = input("How many workers? ")
except EOFError as error:
    print()
    print("EOFError:", error)

for made in [NameError("plain"), AttributeError("plain")]:
    print(type(made).__name__, getattr(made, "name", "no name"), getattr(made, "obj", "no obj"))

print(OrderedDict.fromkeys(["first", "second"], 0))
print(input())
