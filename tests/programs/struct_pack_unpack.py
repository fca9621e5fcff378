# struct: pack, unpack and calcsize with every format code, the byte orders (@ native with its
# alignment, = < > !), repeat counts, strings (s, p), pad bytes, floats of 2, 4 and 8 bytes with
# their rounding, and the errors of each version for values out of range or of the wrong type;
# Struct, iter_unpack and unpack_from; a binary record file written and read back.
import struct

for fmt in ["@bi", "<bi", "bq", "@ib", "P", "3s2x?", "@hq", "=l", "@l", ">d", "2e", "0i", "i0q", "ci", "<qh"]:
    print(fmt, struct.calcsize(fmt))
print(struct.pack("<i", 1), struct.pack(">i", 1), struct.pack("!H", 513), struct.pack("@bi", 1, 2))
print(struct.pack("<qQ", -2, 2**64 - 1), struct.pack("4sxH?", b"ab", 7, 5), struct.pack("5p", b"hi"))
print(struct.pack("<3c", b"a", b"b", b"c"), struct.unpack("<3c", b"abc"), struct.pack("2s", b"toolong"))
for value in [1.5, 0.1, -2.75, 1e-7, 65504.0, 65519.0, 1e-5, float("inf"), 3.141592653589793]:
    packed = struct.pack("<e", value), struct.pack(">f", value), struct.pack("<d", value)
    print(value, packed, struct.unpack("<e", packed[0]), struct.unpack(">f", packed[1]))
print(struct.unpack("<hHiIqQ", struct.pack("<hHiIqQ", -1, 65535, -7, 7, -2**63, 2**64 - 1)))
print(struct.unpack("@bi", struct.pack("@bi", -3, 300)), struct.unpack("?", b"\x02"), struct.unpack("5p", b"\x02hi\x00\x00"))
print(struct.unpack("3s", b"xyz"), struct.unpack(">l", b"\xff\xff\xff\xfe"), struct.unpack("<L", b"\x01\x00\x00\x00"))
for fmt, args in [("i", ("a",)), ("b", (300,)), ("h", (70000,)), ("I", (-1,)), ("ii", (1,)), ("B", (256,)),
                  ("H", (-1,)), ("q", (2**64,)), ("f", ("x",)), ("s", ("x",)), ("c", (b"ab",)), ("e", (1e10,)),
                  ("z", (1,)), ("<n", (1,)), ("i", (1.5,)), ("3", ()), ("<i", (2**40,)), ("<h", (70000,)),
                  ("<B", (256,)), ("Q", (-1,))]:
    try:
        print(struct.pack(fmt, *args))
    except (struct.error, OverflowError) as e:
        print(fmt, type(e).__name__, e)
for fmt, data in [("i", b"ab"), ("2h", b"abcdef")]:
    try:
        print(struct.unpack(fmt, data))
    except struct.error as e:
        print(fmt, "error", e)
record = struct.Struct("<I8sd")
print(record.size, record.format, type(record))
rows = [(1, b"alice", 3.5), (2, b"bob", -1.25), (3, b"carol", 1e3)]
with open("struct_records.bin", "wb") as f:
    for row in rows:
        f.write(record.pack(*row))
with open("struct_records.bin", "rb") as f:
    data = f.read()
import os
os.remove("struct_records.bin")
for number, name, score in record.iter_unpack(data):
    print(number, name.rstrip(b"\x00").decode(), score)
print(struct.unpack_from("<I", data, record.size), record.unpack_from(data, 2 * record.size))
try:
    struct.unpack_from("<I", data, len(data) - 2)
except struct.error as e:
    print(e)
