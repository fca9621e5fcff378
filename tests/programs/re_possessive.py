# versions: 3.13
# re features new since 3.11: possessive quantifiers (*+ ++ ?+ {m,n}+) and atomic groups
# (?>...), which never give back what they matched, compared with their backtracking forms;
# errors around them; and re.PatternError (3.13's name for re.error), with flags in the middle
# of a pattern now being an error rather than a warning.
import re

CASES = [("a*a", "aaa"), ("a*+a", "aaa"), ("a++", "aaab"), ("a?+a", "a"), ("a??a", "a"),
         ("a{1,2}+a", "aa"), ("a{1,2}a", "aa"), ("a{2}+", "aaa"), ("(?>a+)a", "aaa"),
         ("(?>a|ab)c", "abc"), ("(?:a|ab)c", "abc"), ("(?>ab|a)c", "abc"), ("(?>(a+))b", "aab"),
         ("x*+", "y"), (r"\d++\.", "12.3"), (r"[a-z]*+\d", "abc1"), ("(?:ab)*+", "ababa"),
         ("(?>)x", "x"), (r"(?>\w+)\b", "word!"), (r'"(?>[^"\\]++|\\.)*+"', r'"a\"b" tail')]
for pat, s in CASES:
    m = re.match(pat, s)
    print(pat.ljust(22), repr(s), repr(m.group()) if m else None, m.groups() if m else "")

print(re.findall(r"\w++", "ab cd"), re.findall(r"(?>a+)|b", "aab"), re.sub(r"a*+", "-", "baac"))
print(re.split(r"(?>a|b)+", "xabyz"), re.split(r"(a++)", "baac"), re.fullmatch(r"(?>.*)\.py", "x.py"))
print(re.compile("x*+").match("xx"), repr(re.compile("(?>a)", re.I)), re.compile("(?>(a)(b))").groups)
print(re.search(r"\d{2,}+", "1 234 56"), re.search(r"(?>\d+)(?!\d)", "x 12345y"))
print(re.match(r"(?i)(?>A+)", "aAa").span(), re.match(r"(?>(a*))(?(1)b|x)", "aab"), re.match(r"(?>(a*))(?(1)b|x)", "x"))

for pat in ["a*?+", "a*++", "a+?+", "(?>", "(?>a", "x(?i)y", "(?i)(?L)a", "a{2}{3}", "(?P< n>a)"]:
    try:
        re.compile(pat)
        print(repr(pat), "compiled")
    except re.PatternError as e:
        print(repr(pat), type(e).__name__, "|", e, "|", e.pos)
print(re.error is re.PatternError, re.PatternError.__name__, re.PatternError.__module__, issubclass(re.PatternError, Exception))
print(re.NOFLAG, int(re.NOFLAG), re.I & re.M, re.compile("a", re.NOFLAG).flags, (re.I | re.M).name, re.S.name)
