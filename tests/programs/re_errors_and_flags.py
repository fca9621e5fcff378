# re errors and flags: re.error for bad patterns and bad sub templates, with str(e), msg, pos,
# lineno and colno; the TypeError of mixing str and bytes and the ValueError of incompatible
# flags; flag values, reprs and combinations; inline flags (?i) (?m) (?s) (?x) (?a), scoped
# (?i:...) and (?-i:...); VERBOSE patterns with comments; and validating e-mail-like strings.
import re

BAD = ["(ab", "ab)", "*a", "a|*", "a**", "[abc", "[z-a]", r"\q", "a\\", "(?P<n>a)(?P=m)",
       "(?P<1>a)", "(?P<n>a)(?P<n>b)", r"\1(a)", r"(a)\2", "(?z)", "(?", "(?P<n", "(?i",
       "a{2,1}", r"\N{foo}", "(?(2)a|b)", "(?#comment", "(?<=a+)b"]
for pat in BAD:
    try:
        re.compile(pat)
        print(repr(pat), "compiled")
    except re.error as e:
        print(repr(pat), "|", e, "|", repr(e.msg), e.pos, e.lineno, e.colno, e.pattern == pat)
try:
    re.compile("(a\n(b", re.X)
except re.error as e:
    print(repr(str(e)), e.pos, e.lineno, e.colno, isinstance(e, Exception), re.error.__name__ in ("error", "PatternError"))
for pat, tmpl in [("(a)", r"\2"), ("(?P<x>a)", r"\g<y>"), ("(a)", r"\g<a-b>"), ("a", r"\d")]:
    try:
        print(re.sub(pat, tmpl, "a"))
    except re.error as e:
        print(repr(tmpl), "|", e, "|", e.msg, e.pos)
    except IndexError as e:
        print(repr(tmpl), "IndexError", e)

for call in [lambda: re.search("a", b"a"), lambda: re.search(b"a", "a"),
             lambda: re.compile(rb"\d").findall("1"), lambda: re.sub("a", b"b", "a"),
             lambda: re.compile("a", re.L), lambda: re.compile(b"a", re.U),
             lambda: re.compile("a", re.A | re.U), lambda: re.compile(re.compile("a"), re.I),
             lambda: re.compile(5), lambda: re.match("a", 5)]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, "|", e)

# flag values and reprs
print(re.I, re.IGNORECASE | re.M, repr(re.S), re.X, re.A, re.U, re.L, re.A | re.I)
print(int(re.I), int(re.L), int(re.M), int(re.S), int(re.U), int(re.X), int(re.A), int(re.DEBUG))
print(re.I == 2, re.I | 0, re.I | re.M == 10, int(re.I | re.M | re.S), type(re.I).__name__, re.M.name)
print(isinstance(re.I, int), re.I in (re.I | re.M), "%s %d" % (re.M, re.M), "{}".format(re.S))
for args in [("a",), (b"a",), ("(?i)a",), ("a", re.X | re.I), ("(?x)a",), ("(?a)a",), ("(?im)a",), ("a", re.U)]:
    p = re.compile(*args)
    print(args, p.flags, repr(p))
print(repr(re.compile("a", re.I | re.U)), repr(re.compile(b"a", re.L | re.I)), repr(re.compile("(?s:.)")))

# inline and scoped flags
print(re.findall(r"(?i)ab", "AB ab aB"), re.findall(r"a(?i:b)c", "aBc ABc abC"))
print(re.findall(r"(?i)a(?-i:b)", "AB Ab ab"), re.findall(r"(?m)^x", "x\nx"), re.findall(r"(?s)a.b", "a\nb"))
print(re.findall(r"(?x) a  b  # comment", "ab a b"), re.findall(r"(?x)a\ b [ ]c", "a b c"))
print(re.findall(r"(?a)\w+", "naïve"), re.findall(r"\w+", "naïve", re.ASCII), re.findall(r"(?i)ǅ", "Ǆǅǆ"))
print(repr(re.match(r"(?is)A.B", "a\nb").group()), re.search("B", "abc", re.I).group(), re.findall("^.", "a\nb", re.M | re.S))

# VERBOSE patterns
phone = re.compile(r"""
    ^\(?(\d{3})\)?   # area code, maybe in parentheses
    [\s.-]?          # separator
    (\d{3})          # exchange
    [\s.-]?
    (\d{4})$         # number; a literal space needs \  or [ ]
""", re.VERBOSE)
for s in ["(555) 123-4567", "555.123.4567", "5551234567", "555-1234", "555 123 45678"]:
    m = phone.match(s)
    print(repr(s), m.groups() if m else None)
num = re.compile(r"""[+-]?  (?: \d+ (?:\.\d*)? | \.\d+ )  (?: [eE] [+-]? \d+ )? # float""", re.X)
print([num.fullmatch(s) is not None for s in ["1", "-2.5", ".5", "1e10", "3.e-2", ".", "e5", "1 0"]])

# validating e-mail-like strings
EMAIL = re.compile(r"^[\w.+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}$", re.IGNORECASE)
for s in ["alice@example.com", "Bob.Smith+tag@Mail.Example.ORG", "no-at-sign.com", "a@b", "a@b.c",
          "two@@example.com", "space in@example.com", "trailing@example.com\n", "x@sub-1.example.io"]:
    print(repr(s), bool(EMAIL.match(s)), bool(EMAIL.fullmatch(s)))
