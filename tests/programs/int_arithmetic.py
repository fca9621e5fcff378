# Checks integer arithmetic: floor division and modulo with negatives, powers, bit operations, int().
print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 6 / 3)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 0 ** 0)
print(10 - 2 - 3, 2 ** 3 ** 2, -3 * -3, +5, -(-5))
print(1 + 2 * 3 - 4 // 2, (1 + 2) * 3)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110, ~5, ~-1)
print(1 << 10, 1024 >> 3, -16 >> 2, -1 >> 100)
print(int("42"), int("-17"), int("  8  "), int("ff", 16), int("0x1F", 0), int("0b101", 0), int("777", 8))
print(int("1_000_000"), 1_000_000, int(3.99), int(-3.99), int(True))
print(True + True, True * 10, False - 1)
print(abs(-12), abs(0), (255).bit_length(), (0).bit_length(), (-8).bit_length())
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print("augmented:", x)
y = 0b1111
y &= 0b1010
y |= 0b0001
y ^= 0b1000
y <<= 2
y >>= 1
print("bitwise augmented:", y)
print(3 == 3.0, 1 == True, 5 != 5, 2 < 3 <= 3)
print(max(3, -7, 5), min(3, -7, 5), sum(range(101)))
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(5 % 0)
except ZeroDivisionError:
    print("ZeroDivisionError raised for modulo by zero")
try:
    int("12abc")
except ValueError as e:
    print("ValueError:", e)
