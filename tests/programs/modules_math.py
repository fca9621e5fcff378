# Checks the math module: constants, rounding functions, sqrt/isqrt, gcd/lcm, factorial, logs, trig, isclose.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.9), type(math.floor(1.5)).__name__)
print(math.sqrt(16), math.sqrt(2), math.isqrt(17), math.isqrt(10 ** 30), math.hypot(3, 4))
print(math.gcd(48, 18), math.gcd(0, 5), math.gcd(-12, 8), math.lcm(4, 6), math.gcd(2 ** 80, 6 ** 40))
print(math.factorial(0), math.factorial(10), math.factorial(25), math.comb(10, 3), math.perm(5, 2))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.log(1), math.exp(0), math.exp(1))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12), math.atan2(1, 1))
print(math.degrees(math.pi), math.radians(180), round(math.tan(math.pi / 4), 12))
print(math.pow(2, 10), math.fabs(-3), math.fmod(-7, 3), -7 % 3, math.copysign(3, -0.0), math.modf(3.75))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.isclose(1.0, 1.001, rel_tol=1e-2), math.isinf(1e308 * 10))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.prod([1, 2, 3, 4]), math.prod([]), math.isfinite(1.0))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.dist((0, 0), (3, 4)))
print(math.floor(10 ** 20 + 0.5), math.ceil(-0.5), math.sqrt(0.0), math.sqrt(-0.0))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
