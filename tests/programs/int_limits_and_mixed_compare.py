# Ints against floats compare exactly, and decimal conversions of huge ints stop at
# sys.get_int_max_str_digits() digits, as CPython guards them.
import math
import sys

big = 2**53 + 1
print(big == 2.0**53, big > 2.0**53, 2.0**53 < big, 2.0**53 == big)
print(10**400 > 1e308, 10**400 < float("inf"), -10**400 > float("-inf"))
print((2**64 + 1) > 2.0**64, -(2**64) - 1 < -(2.0**64), 2**70 < float("nan"))
print(sorted([2.0**60, 2**60 + 1, 2**60 - 1]), 3 == 3.0, 3 < 3.5, -3 > -3.5)

print(sys.get_int_max_str_digits())
huge = math.factorial(2000)
print(len(str(huge // 10**2000)), len(hex(huge)), huge % 1000003)


def attempt(label, action):
    try:
        result = action()
        print(label, "ok", len(result) if isinstance(result, str) else result % 97)
    except ValueError as error:
        print(label, "ValueError:", error)


attempt("str", lambda: str(huge))
attempt("repr", lambda: repr([huge]))
attempt("f-string", lambda: f"{huge}")
attempt("format ,", lambda: format(huge, ","))
attempt("int()", lambda: int("7" * 4301))
attempt("int() base 16", lambda: int("f" * 5000, 16))
attempt("at the limit", lambda: str(10**4299))
attempt("limit too small", lambda: sys.set_int_max_str_digits(100))
sys.set_int_max_str_digits(maxdigits=6000)
attempt("raised limit", lambda: str(huge))
sys.set_int_max_str_digits(0)
attempt("no limit", lambda: int("7" * 9000))
