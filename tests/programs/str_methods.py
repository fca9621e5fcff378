# Checks common str methods: split (with maxsplit), join, strip, find, replace, case, predicates.
s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
print(s.lower(), s.upper(), "hello world".title(), "hello World".capitalize(), "AbC".swapcase())
print("a,b,,c".split(","), "a b  c ".split(), "  ".split(), "".split(","))
print("a,b,c,d".split(",", 1), "a,b,c,d".split(",", maxsplit=2), "a,b,c,d".rsplit(",", 1))
print("a b c d".split(None, 2), "line1\nline2\r\nline3\n".splitlines(), "x\ny\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join(map(str, range(5))), ", ".join([]))
print("banana".find("an"), "banana".rfind("an"), "banana".find("x"), "banana".index("na"))
print("banana".count("a"), "banana".count("an"), "banana".count(""), "aaaa".count("aa"))
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "abc".replace("", "-"))
print("hello".startswith("he"), "hello".endswith(("lo", "x")), "hello".startswith("l", 2))
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "  ".isspace(), "".isalpha())
print("Hello".isupper(), "HELLO".isupper(), "hello".islower(), "Title Case".istitle())
print("42".zfill(5), "-42".zfill(5), "ab".center(7, "*"), "ab".ljust(5, "."), "ab".rjust(5))
print("a=1".partition("="), "no-sep".partition("="), "a=1=2".rpartition("="))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"))
print("tab\there".expandtabs(4), "abc" * 3, "ab" + "cd", "x" in "xyz", "q" not in "xyz")
print(len("héllo"), "héllo".upper(), "straße".upper(), "ǅ".lower(), ord("é"), chr(955))
print("abc"[0], "abc"[-1], "abc"[::-1], "hello"[1:4], "abc" < "abd", "Z" < "a", "" < "a")
print(str(42), str(3.5), str(None), str(True), repr("it's"), repr('say "hi"'), repr("a\nb\t\\"))
print("{}-{}".format("a", "b"), "name_1".isidentifier(), "1name".isidentifier(), "a\tb".split("\t"))
print(list("abc"), sorted("hello"), "a-b-c".split("-")[::-1])
print("CamelCaseString".casefold(), "%".join("abc"), "x".join("  "))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc"[5]
except IndexError as e:
    print("IndexError:", e)
