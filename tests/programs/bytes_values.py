# bytes: literals, repr, indexing and slicing (ints and bytes), comparison and hashing, the
# constructor, encode and decode with their errors, the methods, int.to_bytes and from_bytes,
# and bytes sent to worker processes.
from concurrent.futures import ProcessPoolExecutor


def checksum(chunk):
    return chunk.upper(), sum(chunk) % 256


def main():
    data = b"hello, world"
    print(data, repr(data), type(data), type(data).__name__, isinstance(data, bytes), len(data))
    print(data[0], data[-1], data[1:5], data[::-1], data[::2], list(data[:3]))
    print(b"it's", b'say "hi"', b"\x00\xff\t\n\\", b"a" b"c")
    print(data.decode(), data.decode("ascii"), str(data, "utf-8"), "héllo".encode(), "héllo".encode("latin-1"))
    print(b"ab" + b"cd", b"ab" * 3, 3 * b"-", b"" == b"", b"a" == "a", b"a" < b"b", b"abc" > b"ab", sorted([b"b", b"a", b"ab"]))
    print(104 in data, b"world" in data, b"" in data, b"xyz" in data)
    print({b"k": 1}[b"k"], {b"a", b"a", b"b"} == {b"a", b"b"}, hash(b"x") == hash(b"x"), bool(b""), bool(b"0"))
    print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes("abc", "ascii"), bytes(b"xy"))
    print(data.hex(), bytes.fromhex("de ad be ef"), b"".join([b"a", b"b"]), b", ".join((b"x", b"y")))
    print(data.split(b", "), b"  a b  c ".split(), b" a b c ".split(None, 1), b"a b c".rsplit(maxsplit=1), b"x,y".split(b","))
    print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"  l".lstrip(), b"r  ".rstrip())
    print(data.upper(), b"ABC".lower(), b"123".isdigit(), b"abc".isalpha(), b" \n".isspace(), b"\xff".isascii())
    print(data.find(b"o"), data.rfind(b"o"), data.find(111), data.index(b"w"), data.count(b"l"), data.count(108))
    print(data.startswith(b"hell"), data.endswith((b"x", b"ld")), data.replace(b"l", b"L"), data.replace(b"l", b"", 1))
    print(data.partition(b", "), data.rpartition(b"o"), b"ab".ljust(4, b"."), b"ab".rjust(4), b"ab".center(6, b"*"))
    print(f"{data}", f"{data!r}", "%s|%r" % (b"x", b"y"), str(b"q"), [b"in a list"], (b"t",))
    for b in b"hi":
        print(b, end=" ")
    print()
    print(list(map(chr, b"abc")), sum(b"\x01\x02"), max(b"abz"), b"x" if b"x" else "empty")
    print("é".encode("ascii", "replace"), "é".encode("ascii", "ignore"), b"\xffabc".decode("utf-8", "replace"), b"\xffab".decode(errors="ignore"))
    for attempt in [
        lambda: b"\xff".decode(),
        lambda: b"ab\xc3".decode(),
        lambda: b"a\xe2\x82".decode(),
        lambda: b"\xc3(".decode(),
        lambda: b"\x80abc".decode("ascii"),
        lambda: "naïve".encode("ascii"),
        lambda: "x".encode("klingon"),
        lambda: b"a" + "b",
        lambda: b"a" + 1,
        lambda: "a" + b"b",
        lambda: "a" in b"abc",
        lambda: 256 in b"a",
        lambda: b"abc"[5],
        lambda: b"abc"[str("x")],
        lambda: bytes("abc"),
        lambda: bytes([300]),
        lambda: bytes(["a"]),
        lambda: bytes(-1),
        lambda: bytes(1.5),
        lambda: b"abc".index(b"z"),
        lambda: b",".join([b"a", "b"]),
        lambda: b"abc".split(","),
        lambda: bytes.fromhex("zz"),
        lambda: bytes.fromhex("abc"),
        lambda: b"a" < "b",
        lambda: str(b"abc", "ascii", "strict", 4),
    ]:
        try:
            print(attempt())
        except Exception as error:
            print(type(error).__name__ + ":", error)
    print(b" a b c ".split(None, 1), b" a b c ".rsplit(None, 1), b"a  b".split(maxsplit=0), "日本".encode("latin-1", "replace"))
    try:
        "日😀".encode("latin-1")
    except UnicodeEncodeError as e:
        print(e)
    try:
        "x😀".encode("ascii")
    except UnicodeError as e:
        print(e)
    for n, length, order, signed in [(1024, 2, "big", False), (1024, 4, "little", False), (-1, 2, "big", True), (-129, 2, "little", True), (0, 0, "big", False), (255, 1, "big", False), (127, 1, "big", True), (2**70, 9, "big", False)]:
        b = n.to_bytes(length, order, signed=signed)
        print(n, b, int.from_bytes(b, order, signed=signed))
    print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes([1, 0], "little"), int.from_bytes(b"\xff", "big", signed=True), (5).to_bytes(2, byteorder="big"))
    for attempt in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (128).to_bytes(1, "big", signed=True), lambda: (1).to_bytes(1, "middle")]:
        try:
            attempt()
        except (OverflowError, ValueError) as e:
            print(type(e).__name__, e)
    with ProcessPoolExecutor(2) as pool:
        print(list(pool.map(checksum, [b"abc", b"\x00\xff", "text".encode()])))


if __name__ == "__main__":
    main()
