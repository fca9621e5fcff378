# The SyntaxWarnings CPython prints before the program runs: a backslash that starts no
# escape sequence (3.12+), `is` with a literal, and a missing comma between two tuples.
# The program runs all the same.
path = "C:\data\new_folder"
pattern = r"\d+"
x = 1
if x is 1:
    print("one")
if x is not "1":
    print("not the string")
points = [(1, 2) (3, 4)] if x == 2 else []
raw = b"\d"
print(repr(path), pattern, points, raw)
