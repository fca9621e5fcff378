# Checks str.isdigit, isdecimal and isnumeric beyond ASCII, and int() and float() of other scripts' digits.
import sys
for s in ["123", "²", "①", "½", "Ⅻ", "٣", "一", "₃", "१२", "", "1a", "𝟙", "⑩", "〇"]:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric())
print(int("٣٤"), float("१.५"))
