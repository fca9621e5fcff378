# Iterating, indexing, slicing and measuring strings, short and long, ASCII and not: a str's
# characters are not its bytes once it holds anything beyond ASCII.
short = "héllo, wörld"
long_ascii = "the quick brown fox jumps over the lazy dog " * 50
long_mixed = "naïve café, Ελληνικά, 日本語 " * 40


def survey(text):
    vowels = sum(1 for c in text if c in "aeiouéöïαεη")
    by_index = "".join(text[i] for i in range(0, len(text), 7))
    print(len(text), vowels, by_index[:24], repr(text[-1]), repr(text[len(text) // 2]))
    print(repr(text[3:17]), repr(text[::-9][:15]), repr(text[-20:-5:3]), repr(text[100:90]))
    for bad in (len(text), -len(text) - 1):
        try:
            text[bad]
        except IndexError as error:
            print("IndexError:", error)


for text in (short, long_ascii, long_mixed, "a"):
    survey(text)

# The same long string measured after others: answers must not leak from one to the next.
texts = [long_ascii, long_mixed, long_ascii[:-1] + "é", long_mixed]
print([len(t) for t in texts], [t[-1] for t in texts], [t[70] for t in texts])

iterator = iter(long_mixed)
print([next(iterator) for _ in range(8)], list(iter("äb")), list(reversed("äbc")))
print(list(enumerate("ñø"))[:2], "".join(sorted(set("mississippi"))), max("héllo"))
