# Checks the string module's constants and capwords, and a module imported twice is one object.
import string
from string import ascii_lowercase, digits

print(string.ascii_letters)
print(string.ascii_uppercase, ascii_lowercase, digits)
print(string.hexdigits, string.octdigits)
print(string.punctuation)
print(repr(string.whitespace), len(string.printable))
print(string.capwords("hello   big world"), string.capwords("a-b-c", "-"))
import string as s2
print(s2 is string, s2.digits == digits)
print(sum(1 for c in "Hello, World!" if c in string.punctuation))
