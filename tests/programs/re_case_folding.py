# re ignoring case beyond ASCII: simple case mappings (İ lowers to i), titlecase letters in
# classes, ß and ẞ, the Kelvin and long-s signs, final sigma, backreferences; and re.ASCII and
# bytes patterns, which fold ASCII letters only.
import re
tests = [(r"(?i)ß", "ẞ"), (r"(?i)ẞ", "ß"), (r"(?i)[ẞ]", "ßẞ"), (r"(?i)i", "İıIi"), (r"(?i)[a-z]+", "İstanbul"),
         (r"(?i)[ǅ]", "ǄǅǆDž"), (r"(?i)ǆ", "ǄǅǆDž"), (r"(?ia)[k]", "\u212a"), (r"(?ia)[k-l]", "\u212a"),
         (r"(?i)k", "\u212aKk"), (r"(?ia)k", "\u212aKk"), (r"(?i)[^k]", "\u212aKkx"), (r"(?i)σ", "Σσς"),
         (r"(?i)[σ]", "Σσς"), (r"(?i)(a)\1", "aA"), (r"(?ia)é", "É"), (r"(?i)é", "É"), (r"(?i)[é-ë]", "ÉÊË"),
         (r"(?i)ſ", "sS"), (r"(?i)s", "ſ"), (r"(?i)µ", "μΜ")]
for pattern, text in tests:
    print(pattern, re.findall(pattern, text))
print(re.findall(rb"(?i)\xe9", b"\xc9\xe9"), re.findall(rb"(?i)[a-z]", b"AbC"))

# A compiled pattern pickles as itself (compiled again where it is loaded); a match does not.
import pickle
pattern = pickle.loads(pickle.dumps(re.compile(r"\d+", re.I)))
print(pattern, pattern.findall("a1b22"), len(pickle.dumps(re.compile("x"))))
try:
    pickle.dumps(re.match("a", "a"))
except TypeError as e:
    print("TypeError", e)
# re.Scanner, which tokenizer tutorials use.
scanner = re.Scanner([(r"[0-9]+", lambda s, t: ("NUM", int(t))), (r"[a-z_]\w*", lambda s, t: ("NAME", t)),
                      (r"[+*/=-]", lambda s, t: ("OP", t)), (r"\s+", None)])
print(scanner.scan("total = price * 3 + tax_2 ?rest"))
