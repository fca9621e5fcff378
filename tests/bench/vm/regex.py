# Regular expressions: findall over a long text, sub with a template, and a compiled pattern
# with named groups matched line by line (the engine, and the Match objects over it).
import re

text = "The quick brown fox, 42 times, jumps over the lazy dog at 10:45. " * 4000
words = re.findall(r"[a-z']+", text.lower())
swapped = re.sub(r"(\d+):(\d+)", r"\2h\1", text)
line = re.compile(r"(?P<date>\d{4}-\d\d-\d\d) (?P<level>[A-Z]+) (?P<msg>.*)")
levels = {}
for i in range(30_000):
    found = line.match("2024-05-%02d %s disk %d is full" % (i % 28 + 1, "WARN" if i % 3 else "ERROR", i))
    level = found.group("level")
    levels[level] = levels.get(level, 0) + 1
print(len(words), len(swapped), sorted(levels.items()))
