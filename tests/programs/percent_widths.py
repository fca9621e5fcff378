# printf-style % formatting of ints and strs with widths, zero padding and left alignment: the
# common specs take a fast path of their own, which must agree with the general one.
for v in [0, 7, -7, 42, -42, 12345, -12345, 2**40, -2**40]:
    print(repr("%d|%5d|%-5d|%05d|%02d|%i|%u|%1d|%0d|%-05d|%10d|%010d" % ((v,) * 12)))
for s in ["", "ab", "héllo", "日本"]:
    print(repr("%s|%5s|%-5s|%05s|%1s|%-1s|%3s" % ((s,) * 7)))
print("%d %s" % (True, True), "%5d" % 3.7, "%s" % 5, "%d" % 2**70, "%2s" % None)
