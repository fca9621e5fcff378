# Checks float repr/str: shortest round-trip repr, exponents, inf, nan, -0.0, rounding, conversions.
values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1.0, 100.0, 1e15, 1e16, 1e17, 1e22, 1e-4, 1e-5,
          123456789.123, 1234567890123456789.0, 5e-324, 1.7976931348623157e308, 2.5, -1.5, 0.0, -0.0]
for v in values:
    print(repr(v), str(v))
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, float("-inf"), float("Infinity"), float("NaN"))
print(inf + 1, inf - inf, inf * 0, 1e308 * 10, -1e308 * 10)
print(nan == nan, nan != nan, inf == inf, inf > 1e308)
print(-0.0 == 0.0, str(-0.0), repr(0.0 * -1), abs(-0.0))
print(0.1 * 3, 0.1 * 3 == 0.3, 1.1 + 2.2, 3.3 - 1.1)
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(2.675, 2), round(1.005, 2))
print(round(123.456, 1), round(123.456, -1), round(1e16 + 1.0), round(-0.4))
print(float("1.5"), float("  -2.25  "), float("1e3"), float(7), float(2 ** 53 + 1))
print(int(2.9), int(-2.9), 7 / 2, -7 / 2, 7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2)
print(2 ** 0.5, 10 ** -2, 2.0 ** 10, 4 ** 0.5, (-8) ** 2.0)
print((0.5).is_integer(), (2.0).is_integer(), (0.25).as_integer_ratio(), (0.1).hex())
print(1e16 + 1, 1e16 + 2, 9007199254740993.0, 0.1 + 0.7)
print(0.1 + 0.1 + 0.1, 1.0 / 7 * 7, 3 * 1.1, 1.0 - 0.9)
try:
    print(1.0 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
