# re.sub / re.subn and Pattern.sub: replacement templates (\1, \g<1>, \g<name>, \g<0>, escapes
# such as \n and \\ in templates, unknown-letter escapes kept as errors), function replacements,
# count=, the empty-match rules (an empty match right after a previous match is allowed since
# 3.7), flags= given by keyword, bytes patterns, and a few realistic clean-up jobs.
import re

print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home, ann@work"))
print(re.sub(r"(\w+)@(\w+)", r"\g<2>\g<1>0 \g<0>", "joe@home"))
print(re.sub(r"(?P<user>\w+)@(?P<host>\w+)", r"\g<host>:\g<user> (\g<1>)", "joe@home"))
print(repr(re.sub(r"-", r"\n", "a-b")), repr(re.sub(r"-", "\\t|\\\\|\\'", "a-b")))
print(repr(re.sub(r"-", r"\101\0\07", "a-b")), repr(re.sub(r"(-)", r"\1\0611", "a-b")))
print(repr(re.sub(r"-", "\n", "a-b")), repr(re.sub("-", r"\\1", "a-b")))
print(re.sub(r"(a)|(b)", r"[\1\2]", "abc"))   # unmatched groups become empty strings
print(re.sub("a", "b", "aaaa", count=2), re.sub("a", "b", "aaaa", count=0), re.sub("a", "b", "aaaa", count=-1))
print(re.subn(r"\d", "#", "a1b22c333"), re.subn(r"\d", "#", "a1b22c333", count=4), re.subn("z", "", "abc"))
print(re.sub("A", "x", "aAa", flags=re.I), re.compile("a").sub("x", "banana", 2))
print(re.compile("a").subn(lambda m: m.group().upper(), "banana"))

# function replacements
def money(m):
    return "$%.2f" % (float(m.group(1)) * 1.1)
print(re.sub(r"\$(\d+(?:\.\d+)?)", money, "cost $10 or $2.50, not 7"))
print(re.sub(r"\b[a-z]", lambda m: m.group().upper(), "hello big wide world"))
print(re.sub(r"(\w)(\w*)", lambda m: m.group(2) + m.group(1) + "ay", "pig latin rules"))
counter = iter(range(100))
print(re.sub(r"\?", lambda m: str(next(counter)), "? + ? = ?"))
print(re.sub(r"x*", lambda m: "<%s>" % m.group(), "axxb"))
print(re.sub(r"\d+", lambda m: r"\1", "a1"))  # the returned string is not a template

# empty matches
print(re.sub("x*", "-", "abxd"), re.sub("x*", "-", ""), re.sub("x*", "-", "xx"))
print(re.sub("", "-", "abc"), re.sub(r"\b", "|", "ab cd"), re.sub(r"(?=b)", "^", "abab"))
print(re.sub("a|", "-", "bab"), re.sub(r"x?", "!", "x"), re.subn("a*", "-", "baac"))
print(repr(re.sub("^", "> ", "one\ntwo")), repr(re.sub("(?m)^", "> ", "one\ntwo\n")))
print(repr(re.sub("$", "!", "one\ntwo\n")), repr(re.sub("(?m)$", "!", "one\ntwo\n")))

# bytes
print(re.sub(rb"\s+", b" ", b"a  b\t\nc"), re.sub(rb"(\d)", rb"<\1>", b"x1y2"))
print(re.subn(b"o", lambda m: b"0", b"foo"), re.sub(rb"[^\x00-\x7f]", b"?", "naïve".encode()))

# templates that are errors
for tmpl in [r"\3", r"\10", r"\x41", r"\g<-1>", r"\g<9>", r"\g<nope>", r"\g<1", r"\g<>", r"\q", "\\"]:
    try:
        print(repr(re.sub(r"(a)(b)", tmpl, "ab")))
    except re.error as e:
        print(repr(tmpl), "re.error:", e)
    except IndexError as e:
        print(repr(tmpl), "IndexError:", e)
try:
    re.sub("a", 5, "a")
except TypeError as e:
    print("TypeError")
try:
    re.sub("a", lambda m: 5, "a")
except TypeError as e:
    print("TypeError")

# realistic clean-ups
messy = "  Hello,   world !\tThis  is\n\n a   test .  "
tidy = re.sub(r"\s+", " ", messy).strip()
print(repr(tidy), repr(re.sub(r"\s+([,.!?])", r"\1", tidy)))
print(re.sub(r"(\d{3})(\d{3})(\d{4})", r"(\1) \2-\3", "call 5551234567 now"))
print(re.sub(r"(?P<d>\d\d)/(?P<m>\d\d)/(?P<y>\d{4})", r"\g<y>-\g<m>-\g<d>", "on 25/12/2023 and 01/01/2024"))
print(re.sub(r"([a-z])([A-Z])", r"\1_\2", "camelCaseName").lower())
print(re.sub(r"_([a-z])", lambda m: m.group(1).upper(), "snake_case_name"))
print(re.sub(r"<[^>]+>", "", "<p>Hi <b>there</b></p>"))
print(re.sub(r"(?i)colou?r", "hue", "Color, COLOUR, colr"))
print(re.sub(r"\d(?=(\d{3})+$)", r"\g<0>,", "1234567"))
print(re.sub(r"^\s*#.*$\n?", "", "a = 1\n# comment\n  # another\nb = 2\n", flags=re.M))
