# Checks arbitrary-precision integers beyond 2**64: arithmetic, negatives, pow with modulus, str/hex.
a = 2 ** 64
b = 2 ** 100 + 12345
print(a, a - 1, a + 1)
print(b, -b)
print(a * b)
print(b // a, b % a, -b // a, -b % a)
print(divmod(b, 97), divmod(-b, 97))
print(b // -1000003, b % -1000003)
print(pow(3, 200), pow(3, 200, 10 ** 9 + 7))
print(pow(-2, 127), (-2) ** 128)
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(len(str(2 ** 1000)), str(2 ** 1000)[:20], str(2 ** 1000)[-20:])
print(hex(2 ** 80), bin(2 ** 70), oct(2 ** 65), hex(-(2 ** 72)))
print((2 ** 100).bit_length(), (2 ** 100 - 1).bit_length())
print(int("123456789012345678901234567890") * 10, int("-" + "9" * 25) + 1)
print(2 ** 100 == 2 ** 100, 2 ** 100 > 2 ** 99, -(2 ** 100) < -(2 ** 99))
print((2 ** 70) & (2 ** 70 - 1), (2 ** 70) | 1, (2 ** 70) >> 65, 1 << 90, ~(2 ** 70))
print(10 ** 30 / 10 ** 10, 2 ** 64 / 3)
print(abs(-(10 ** 25)), hash(2 ** 61 - 1) == 0, sum([2 ** 63, 2 ** 63]))
print(float(2 ** 64), int(1e20), int(2.0 ** 70))
n = 12345678901234567890123
digits = []
while n:
    n, d = divmod(n, 10)
    digits.append(d)
print(sum(digits), digits[:5])
