# re Match objects: group() with no, one and several arguments (numbers and names),
# groups() and groupdict() with and without a default, start/end/span of groups including
# unmatched ones (-1), lastindex and lastgroup, indexing m[0] / m['name'], the string, re,
# pos and endpos attributes, expand(), the Match repr, truth value, and the IndexError for a
# missing group. Ends with a log-line parser built on named groups.
import re

m = re.search(r"(?P<key>\w+)=(?P<value>\d+)?(;)?", "set  color=  size=12;")
print(repr(m))
print(bool(m), m.group(), m.group(0), m.group(1), m.group("key"), m.group(1, "key", 0))
print(m.groups(), m.groups("-"), m.groups(default=0))
print(m.groupdict(), m.groupdict("?"), m.groupdict(default=None))
print(m.start(), m.end(), m.span(), m.start(2), m.end(2), m.span(2), m.span("value"), m.span(3))
print(m.lastindex, m.lastgroup, m[0], m[1], m["key"], m[2])
print(repr(m.string), m.re, m.re.pattern == m.re.pattern, m.pos, m.endpos)
m2 = re.compile(r"(?P<key>\w+)=(?P<value>\d+)(;)?").search("set  color=  size=12;")
print(repr(m2), m2.groups(), m2.lastindex, m2.lastgroup, m2.span(3), m2.start(3), m2[3])
print(repr(m2.expand(r"\2 is \g<key> [\g<0>] \g<value>\n\t")), repr(m2.expand(r"\1\\\n")))

# lastindex / lastgroup for nested and unnamed groups
for pat, s in [(r"(a)(b)", "ab"), (r"((a)b)", "ab"), (r"(a)(?P<n>b)?", "a"), (r"(?P<x>a(b))", "ab"),
               (r"a", "a"), (r"(a)|(b)", "b"), (r"(?P<o>(?P<i>x))", "x")]:
    mm = re.match(pat, s)
    print(pat, mm.lastindex, mm.lastgroup, mm.groups())

# a group that matched several times keeps the last repetition
mm = re.match(r"(?:(\w)(\d))+", "a1b2c3")
print(mm.groups(), mm.span(1), mm.span(2), mm.lastindex)
mm = re.match(r"(a*)+", "aa")
print(repr(mm.group(1)), mm.span(1))
mm = re.match(r"(a)?b", "b")
print(mm.group(1), mm.start(1), mm.end(1), mm.span(1), mm.groups(), mm.group(0, 1))

# empty matches, pos/endpos recorded on the match
mm = re.compile(r"x*").search("abc", 1, 2)
print(repr(mm), mm.pos, mm.endpos, repr(mm.string))
mm = re.compile(r"b").search("abcabc", 2)
print(repr(mm), mm.pos, mm.endpos)
mm = re.compile(r"c").match("abcabc", 2, 99)
print(repr(mm), mm.pos, mm.endpos)
mm = re.compile(r"a").match("abcabc", -5, 3)
print(repr(mm), mm.pos, mm.endpos)

# repr escapes and long matches
print(repr(re.search(r"\w+", "x 'quoted' y")))
print(repr(re.search(r".+", "it's \"both\"")))
print(repr(re.search(r"\s+", "a\n\t b")))
print(repr(re.search(r".+", "é中文")))
print(repr(re.search(rb"\w+", b"  bytes!")), repr(re.search(rb".", b"\xff")))
print(repr(re.match(r"a*", "bbb")), bool(re.match(r"a*", "bbb")))
print(repr(re.search(r"\d+", "id 1234567890" * 10)))
print(repr(re.search(r"\d+", "1234567890" * 8)))  # repr of the match is cut at 50 characters
print(repr(re.search(rb".+", b"\x01" * 30)))

# errors from group access
for args in [(3,), ("nope",), (-1,), (1.0,)]:
    try:
        print(re.match(r"(a)", "a").group(*args))
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
try:
    re.match(r"(a)", "a")[2]
except IndexError as e:
    print("IndexError", e)
try:
    re.match(r"(a)", "a").start("x")
except IndexError as e:
    print("IndexError", e)

# groups in finditer and match objects from sub callbacks
for mm in re.finditer(r"(?P<w>[A-Z])(?P<rest>[a-z]*)", "Hello World Foo"):
    print(mm.span(), mm.groupdict(), mm.start("rest"), mm.lastgroup)
print(re.sub(r"(\d)(\d)?", lambda mm: repr(mm.groups()), "1 23"))

# a small realistic task: parse log lines with named groups
LOG = re.compile(
    r"^(?P<date>\d{4}-\d\d-\d\d) (?P<time>\d\d:\d\d:\d\d) "
    r"\[(?P<level>[A-Z]+)\] (?P<source>[\w.]+)(?:\((?P<pid>\d+)\))?: (?P<msg>.*)$"
)
lines = """2024-03-01 12:00:01 [INFO] app.server(4242): started on port 8080
2024-03-01 12:00:05 [WARNING] app.db: slow query (1.2s)
garbage line
2024-03-01 12:01:00 [ERROR] app.server(4242): crashed: 'KeyError'""".splitlines()
levels = {}
for line in lines:
    mm = LOG.match(line)
    if not mm:
        print("skip", repr(line))
        continue
    d = mm.groupdict()
    levels[d["level"]] = levels.get(d["level"], 0) + 1
    print(d["time"], d["level"].lower(), d["source"], d["pid"], repr(d["msg"]), mm.lastgroup)
print(levels, LOG.groups, sorted(LOG.groupindex.items(), key=lambda kv: kv[1]))
