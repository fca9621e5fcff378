# re.split, findall and finditer at the edges: capturing groups kept in split results (None for
# groups that did not take part), maxsplit, separators at the ends, patterns that can match the
# empty string (split on \b, x*, lookarounds; findall and finditer positions of empty matches),
# pos/endpos, bytes subjects, Unicode text, and a word-frequency count with Counter.
import re
from collections import Counter

print(re.split(r",", "a,b,,c,"), re.split(r",\s*", "a, b,c,   d"))
print(re.split(r"(,)", "a,b,c"), re.split(r"(,)(\s)?", "a, b,c"), re.split(r"(?:,)", "a,b"))
print(re.split(r"(a)|(b)", "xaybz"), re.split(r"(\d)(\d)?", "a1b23c"))
print(re.split(r"\s+", "  lead and trail  "), re.split(r"\s+", "single"), re.split(r"\s+", ""))
print(re.split(r",", "a,b,c,d", maxsplit=2), re.split(r"(,)", "a,b,c", maxsplit=1))
print(re.split(r",", "a,b,c", maxsplit=0), re.split(r",", "a,b,c", maxsplit=-1), re.split("x", "axbxc", maxsplit=5))
print(re.split(r"[;,]\s*|\s+and\s+", "eggs; milk,bread and jam"))
print(re.compile(r"\W+").split("Words, words, words."), re.compile(r"(\W+)").split("Words, words."))
print(re.compile(r"\W+").split("Words, words, words.", 1), re.split(r"(?i)X", "aXbxc"))
print(re.split(r"[a-f]+", "0a3B9", flags=re.IGNORECASE))

# empty matches in split (allowed since 3.7)
print(re.split(r"\b", "a b"), re.split(r"\b", "hello, world"))
print(re.split("x*", "axbc"), re.split("x*", ""), re.split("x*", "xx"))
print(re.split(r"(?=[A-Z])", "splitCamelCaseWords"), re.split(r"(?<=-)", "a-b-c"))
print(re.split("", "abc"), re.split(r"(?m)^", "l1\nl2\nl3"), re.split(r"(x*)", "ab"))
print(re.split(r"\b", "a b", maxsplit=1), re.split(r"(?=b)|c", "abcb"))

# findall / finditer with empty matches
print(re.findall("x*", "axbc"), re.findall("", "ab"), re.findall(r"\b", "ab cd"))
print(re.findall(r"a*?", "aa"), re.findall(r"(a)|b", "ab"), re.findall(r"(a)?", "ab"))
print([m.span() for m in re.finditer(r"x*", "axxb")], [m.span() for m in re.finditer(r"\b", "hi yo")])
print([m.span() for m in re.finditer(r"(?m)$", "a\nb\n")], [m.span() for m in re.finditer(r"$", "a\nb\n")])
print(re.findall(r"\d*", "12a345"), re.findall(r"\d+|", "1a2"))
print(re.findall(r"((a)(b))", "abab"), re.findall(r"(?P<x>a)(?:b)", "abab"))
print(re.findall(r"(?:(\w)(\d))+", "a1b2 c3"), re.findall(r"()", "ab"))
p = re.compile(r"\w+")
print(p.findall("one two three", 4), p.findall("one two three", 0, 6), p.findall("one", 10))
print([m.group() for m in p.finditer("one two three", 2, 9)], p.findall("one two", endpos=-1))
print(p.split("a b"), list(re.finditer("z", "abc")), re.findall("z", "abc"))
it = re.finditer(r"\d", "a1b2")
print(next(it).group(), next(it).group(), next(it, "done"))

# bytes subjects
print(re.split(rb"\s+", b"a b\tc"), re.findall(rb"[A-Z]\d", b"A1 b2 C3"), re.findall(rb"(\w)=(\d)", b"a=1 b=2"))
print(re.split(rb"(,)", b"x,y"), [m.span() for m in re.finditer(rb"\d+", b"a12b3")], re.findall(b".", b"\x00\xff"))
print(re.findall(rb"\w+", "café".encode()), re.findall(r"\w+", "café"), re.findall(r"(?a)\w+", "café"))

# Unicode text with IGNORECASE and \w
print(re.findall(r"(?i)straße", "STRASSE Straße STRAßE"), re.findall(r"(?i)é", "éÉe"))
print(re.findall(r"(?i)[a-zé]+", "ÀÉÎ abc ÉTÉ"), re.findall(r"[À-ÿ]", "aÀzÿ"))
print(re.split(r"\W+", "naïve café, Zürich; Ελλάδα"), re.findall(r"(?i)σ", "ΣσςS"))
print(re.findall(r"\w+", "日本語 テキスト 123"), re.findall(r"\d", "٣٤5"), re.findall(r"(?a)\d", "٣٤5"))
print(re.findall(r"(?i)k", "K\u212ak"), re.findall(r"(?i)[k]", "K\u212ak"), re.search(r"(?i)ı", "I"))

# a small realistic task: word frequency over a paragraph
text = """It was the best of times, it was the worst of times; it was the age of
wisdom, it was the age of foolishness. It's the season of Light -- it's the
season of Darkness! Don't count the numbers 1 2 3."""
words = re.findall(r"[a-z']+", text.lower())
print(len(words), words[:8])
counts = Counter(words)
print(counts.most_common(6))
print(sorted(w for w, n in counts.items() if n == 1))
print(Counter(re.findall(r"\b[a-z]", text.lower())).most_common(3))
sentences = [s.strip() for s in re.split(r"(?<=[.!?;])\s+", text) if s]
print(len(sentences), [s[:15] for s in sentences])
print(max(re.findall(r"\w+", text), key=len), re.findall(r"\b\w{9,}\b", text))
