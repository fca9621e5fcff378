# re basics: compile/match/search/fullmatch at module level and as Pattern methods (with
# pos/endpos), findall with zero, one and several groups, finditer, escape and purge; the
# syntax course programs use: classes, \d \w \s \b \B \A \Z, anchors, greedy and lazy
# quantifiers, leftmost-first alternation, groups, backreferences, lookarounds, conditionals,
# and the Pattern repr and attributes.
import re

def show(m):
    print(repr(m.group(0)) if m else None, m.span() if m else None)

p = re.compile(r"\d+")
print(repr(p), p.pattern, p.flags == re.UNICODE, p.groups, p.groupindex)
show(p.match("123abc"))
show(p.match("abc123"))
show(p.search("abc123def45"))
show(p.fullmatch("123"))
show(p.fullmatch("123a"))
show(p.search("abc123def45", 6))
show(p.search("abc123def45", 0, 4))
show(p.match("abc123", 3))
show(p.fullmatch("ab12cd", 2, 4))
show(re.compile(r"^a").search("ba", 1))   # ^ does not match at pos
show(re.compile(r"a$").search("ab", 0, 1))  # $ matches at endpos
show(re.match("a|ab", "abc"))
show(re.fullmatch("a|ab", "ab"))
show(re.search("c", "abcabc"))

# findall: no groups, one group, several groups
text = "x=1, y=22, z=333"
print(re.findall(r"\d+", text))
print(re.findall(r"(\w)=\d+", text))
print(re.findall(r"(\w)=(\d+)", text))
print(re.findall(r"(\w)=(\d)?(\d)?", "a=1 b= c=23"))
print([m.span() for m in re.finditer(r"\w=\d+", text)])
print([m.group() for m in p.finditer("a1b22c333", 2)])
print(p.findall("1 2 3 4", 2, 5))

# character classes and escapes
print(re.findall(r"[a-c]", "abcdcba"), re.findall(r"[^a-c ]", "abc def"))
print(re.findall(r"[-a]", "a-b"), re.findall(r"[]a]", "]a["), re.findall(r"[\]\\]", "a]\\b"))
print(re.findall(r"\d", "a1٣"), re.findall(r"\D+", "ab12cd"))
print(re.findall(r"\w+", "héllo wörld_1 ñ"), re.findall(r"\W+", "a, b!c"))
print(re.findall(r"\s+", "a \t\nb\x0bc"), re.findall(r"\S+", " a bc  d "))
print(re.findall(r"\bcat\b", "cat concat cat's bobcat"), re.findall(r"\Bcat", "cat concat"))
print(re.findall(r"\Aab", "abab"), re.findall(r"ab\Z", "abab\n"), re.findall(r"ab$", "abab\n"))
print(re.findall(r".", "a\nb"), re.findall(r"(?s).", "a\nb"))
print(re.findall(r"^\w", "ab\ncd\nef"), re.findall(r"(?m)^\w", "ab\ncd\nef"))
print(re.findall(r"\w$", "ab\ncd\n"), re.findall(r"(?m)\w$", "ab\ncd\n"))
print(re.search(r"$", "ab\n").span(), re.search(r"\Z", "ab\n").span())
print(re.findall(r"[.]", "a.b"), re.findall(r"\.", "a.b"), re.findall(r"a.c", "abc a.c a\nc"))

# quantifiers
s = "aaaa"
for pat in ["a*", "a+", "a?", "a{2}", "a{2,3}", "a{2,}", "a{,3}", "a*?", "a+?", "a??",
            "a{2,3}?", "a{,}", "a{3,2}x|a"]:
    try:
        m = re.match(pat, s)
        print(pat, repr(m.group()) if m else None)
    except re.error as e:
        print(pat, "error:", e)
print(re.findall(r"<.*>", "<a><b>"), re.findall(r"<.*?>", "<a><b>"))
print(re.match(r"x{2", "x{2").group(), re.match(r"x{a}", "x{a}").group())

# groups, alternation, backreferences
print(re.match(r"(?:ab)+", "ababc").group(), re.match(r"(ab)+", "ababc").groups())
print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.search(r"(\w)\1", "abccd").group(), re.findall(r"(\w)\1", "aabbcd"))
print(re.search(r"(?P<q>['\"]).*?(?P=q)", "say \"hi\" 'x'").group())
print(re.sub(r"(\w+) \1", r"\1", "the the cat cat sat"))
print(re.match(r"(a)|(b)", "b").groups(), re.match(r"(a)*", "aaa").group(1))

# lookarounds and conditionals
print(re.findall(r"\w+(?=!)", "hi! yo ok!"), re.findall(r"\b\w+\b(?!!)", "hi! yo ok!"))
print(re.findall(r"(?<=\$)\d+", "$10 20 $30"), re.findall(r"(?<!\$)\b\d+", "$10 20 $30"))
print(re.findall(r"(?=(\w\w))", "abcd"))
cond = re.compile(r"(<)?\w+(?(1)>|$)")
for t in ["<a>", "a", "<a", "a>"]:
    print(t, bool(cond.fullmatch(t)))
print(re.match(r"(a)?(?(1)b|c)", "c").group(), re.match(r"(?P<x>a)?(?(x)b|c)", "ab").group())

# escape, purge, repr of patterns
print(re.escape("a.b*c"), re.escape("1+1=2 (ok?) [x] {y} $^|\\"), re.escape("hello_world-1 é"))
print(re.escape(b"a.b"), re.match(re.escape("a.b*"), "a.b*").group())
print(re.purge(), re.compile("a") == re.compile("a"), re.compile("a").match("a") is not None)
print(repr(re.compile("a+", re.I)), repr(re.compile("a", re.I | re.M | re.S)))
print(repr(re.compile(b"a+")), repr(re.compile("x", re.X | re.A)), repr(re.compile("it's")))
q = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)(-(\d\d))?")
print(q.groups, q.groupindex, repr(q.groupindex), dict(q.groupindex), q.pattern)
print(type(p).__name__, type(p.match("1")).__name__, re.compile(p) is p)
print(p == re.compile(r"\d+"), p == re.compile(r"\d+", re.I), hash(p) == hash(re.compile(r"\d+")))

# A str subclass is matched as its text (a str enum's members too).
from enum import Enum


class Text(str):
    pass


class Color(str, Enum):
    RED = "red"


print(re.search(r"\d", Text("abc1")), re.findall("e", Color.RED), re.sub("a", "b", Text("aaa")), re.compile(Text("a+")).pattern)
