# re against generated patterns: random.seed makes the same 200 patterns under every
# interpreter (its Mersenne Twister is CPython's), built from atoms, classes, anchors, groups,
# lookarounds, backreferences and greedy, lazy and counted repeats, each run over strings that
# hold words, digits, spaces and newlines with finditer, findall, sub, split, search and
# fullmatch, under no flag, IGNORECASE, MULTILINE and DOTALL. Catches where the engine's
# backtracking, captures or empty-match rules part from CPython's.
import random
import re

random.seed(2024)
ATOMS = ["a", "b", "c", ".", r"\d", r"\w", r"\s", "[ab]", "[^a]", "[a-c]", "x", r"\b", "^",
         "$", r"\A", r"\Z", r"\B", r"[\w-]", r"\.", " ", "A"]
REPEATS = ["*", "+", "?", "*?", "+?", "??", "{2}", "{1,3}", "{,2}", "{2,}?"]


def generate(depth=0):
    parts = []
    for _ in range(random.randint(1, 4)):
        r = random.random()
        if r < 0.15 and depth < 3:
            kind = random.choice(["(", "(?:", "(?=", "(?!", "(?<=", "(?P<g%d>" % depth])
            inner = generate(depth + 1)
            if kind == "(?<=":
                inner = random.choice(["a", "ab", "[ab]", r"\d"])
            parts.append(kind + inner + ")")
        elif r < 0.22 and depth < 3:
            parts.append("(" + generate(depth + 1) + "|" + generate(depth + 1) + ")")
        elif r < 0.25:
            parts.append(r"\1")
        else:
            parts.append(random.choice(ATOMS))
        if random.random() < 0.35:
            parts[-1] += random.choice(REPEATS)
    return "".join(parts)


SUBJECTS = ["", "a", "aab", "ba Ab", "a1 b2", "xx\n", "a\nb\n", "a.b-c", "abcabc"]


def run(pattern, flags):
    try:
        compiled = re.compile(pattern, flags)
    except re.error as e:
        print(repr(pattern), "error:", e)
        return
    for s in SUBJECTS:
        found = compiled.search(s)
        print(repr(pattern), repr(s), [m.span() for m in compiled.finditer(s)], compiled.findall(s),
              compiled.sub(r"<\g<0>>", s), compiled.split(s),
              found and (found.groups(), found.lastindex), bool(compiled.fullmatch(s)))


for _ in range(200):
    run(generate(), random.choice([0, 0, 0, re.I, re.M, re.S]))
