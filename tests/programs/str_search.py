# str.find, rfind and index with every kind of bound, in ASCII and non-ASCII text, and a loop of
# find(x, pos + 1) over a long text (positions count chars, not bytes).
for text in ["hello world, hello you", "héllo wörld, héllo yöu", ""]:
    for needle in ["hello", "héllo", "o", "", "zz", "ö"]:
        row = []
        for args in [(), (3,), (-5,), (2, 10), (100,), (5, 2), (-100, -3), (None, 7)]:
            row.append((text.find(needle, *args), text.rfind(needle, *args)))
            try:
                row.append(text.index(needle, *args))
            except ValueError as error:
                row.append(str(error))
        print(repr(text[:5]), repr(needle), row)
text = "ab, " * 20000 + "é" + "ab, " * 100
count, pos = 0, text.find("ab")
while pos != -1:
    count, pos = count + 1, text.find("ab", pos + 1)
print(count, text.find("é"), text.rfind("ab"), text.find("ab", -5))
