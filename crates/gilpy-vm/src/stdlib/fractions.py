"""Rational numbers, exact: Fraction, written after CPython's fractions module."""

import math as _math
import sys as _sys

_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159


def _parse(text):
    """Fraction parts of '3/4', '-1.25', '2e-3' or ' 7 ' as (numerator, denominator)."""
    s = text.strip().replace("_", "")
    if "/" in s:
        top, bottom = s.split("/", 1)
        if not _is_int_text(top) or not bottom.isdigit():
            return None
        return int(top), int(bottom)
    sign = 1
    if s[:1] in ("+", "-"):
        if s[0] == "-":
            sign = -1
        s = s[1:]
    exponent = 0
    lower = s.lower()
    if "e" in lower:
        s, _, power = lower.partition("e")
        if not _is_int_text(power):
            return None
        exponent = int(power)
    whole, _, decimals = s.partition(".")
    if not (whole or decimals) or (whole and not whole.isdigit()) or (
            decimals and not decimals.isdigit()):
        return None
    numerator = int(whole + decimals or "0")
    denominator = 1
    exponent -= len(decimals)
    if exponent >= 0:
        numerator *= 10 ** exponent
    else:
        denominator = 10 ** -exponent
    return sign * numerator, denominator


def _is_int_text(text):
    digits = text[1:] if text[:1] in ("+", "-") else text
    return digits.isdigit()


class Fraction:
    """numerator/denominator in lowest terms, the denominator positive."""

    def __init__(self, numerator=0, denominator=None, *, _normalize=True):
        if denominator is None:
            if type(numerator) is int or isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return
            if isinstance(numerator, float):
                numerator, denominator = numerator.as_integer_ratio()
                self._numerator = numerator
                self._denominator = denominator
                return
            if isinstance(numerator, str):
                parts = _parse(numerator)
                if parts is None:
                    raise ValueError("Invalid literal for Fraction: " + repr(numerator))
                numerator, denominator = parts
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif isinstance(numerator, (int, Fraction)) and isinstance(denominator, (int, Fraction)):
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
                num = Fraction(numerator)
                den = Fraction(denominator)
                numerator = num._numerator * den._denominator
                denominator = den._numerator * num._denominator
            else:
                numerator = int(numerator)
                denominator = int(denominator)
        else:
            raise TypeError("both arguments should be Rational instances")
        if denominator == 0:
            raise ZeroDivisionError("Fraction(" + str(numerator) + ", 0)")
        if _normalize:
            g = _math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError(cls.__name__ + ".from_float() only takes floats, not "
                            + repr(f) + " (" + type(f).__name__ + ")")
        return cls(*f.as_integer_ratio())

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def is_integer(self):
        return self._denominator == 1

    def limit_denominator(self, max_denominator=1000000):
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction(p1, q1, _normalize=False)
        return Fraction(p0 + k * p1, q0 + k * q1, _normalize=False)

    def __repr__(self):
        return (self.__class__.__name__ + "(" + str(self._numerator) + ", "
                + str(self._denominator) + ")")

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return str(self._numerator) + "/" + str(self._denominator)

    # Arithmetic: with ints and Fractions exact, with floats in floats.

    def _pair(self, other):
        if isinstance(other, Fraction):
            return other._numerator, other._denominator
        if isinstance(other, int):
            return int(other), 1
        return None

    def __add__(self, other):
        pair = self._pair(other)
        if pair is not None:
            n, d = pair
            return Fraction(self._numerator * d + n * self._denominator, self._denominator * d)
        if isinstance(other, float):
            return float(self) + other
        return NotImplemented

    def __radd__(self, other):
        pair = self._pair(other)
        if pair is not None:
            return self + other
        if isinstance(other, float):
            return other + float(self)
        return NotImplemented

    def __sub__(self, other):
        pair = self._pair(other)
        if pair is not None:
            n, d = pair
            return Fraction(self._numerator * d - n * self._denominator, self._denominator * d)
        if isinstance(other, float):
            return float(self) - other
        return NotImplemented

    def __rsub__(self, other):
        pair = self._pair(other)
        if pair is not None:
            n, d = pair
            return Fraction(n * self._denominator - self._numerator * d, self._denominator * d)
        if isinstance(other, float):
            return other - float(self)
        return NotImplemented

    def __mul__(self, other):
        pair = self._pair(other)
        if pair is not None:
            n, d = pair
            return Fraction(self._numerator * n, self._denominator * d)
        if isinstance(other, float):
            return float(self) * other
        return NotImplemented

    def __rmul__(self, other):
        pair = self._pair(other)
        if pair is not None:
            return self * other
        if isinstance(other, float):
            return other * float(self)
        return NotImplemented

    def __truediv__(self, other):
        pair = self._pair(other)
        if pair is not None:
            n, d = pair
            if n == 0:
                raise ZeroDivisionError("Fraction(" + str(self._numerator * d) + ", 0)")
            return Fraction(self._numerator * d, self._denominator * n)
        if isinstance(other, float):
            return float(self) / other
        return NotImplemented

    def __rtruediv__(self, other):
        pair = self._pair(other)
        if pair is not None:
            n, d = pair
            if self._numerator == 0:
                raise ZeroDivisionError("Fraction(" + str(n * self._denominator) + ", 0)")
            return Fraction(n * self._denominator, d * self._numerator)
        if isinstance(other, float):
            return other / float(self)
        return NotImplemented

    def __floordiv__(self, other):
        pair = self._pair(other)
        if pair is not None:
            n, d = pair
            return (self._numerator * d) // (self._denominator * n)
        if isinstance(other, float):
            return float(self) // other
        return NotImplemented

    def __rfloordiv__(self, other):
        pair = self._pair(other)
        if pair is not None:
            n, d = pair
            return (n * self._denominator) // (d * self._numerator)
        if isinstance(other, float):
            return other // float(self)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, float):
            return divmod(float(self), other)
        pair = self._pair(other)
        if pair is None:
            return NotImplemented
        n, d = pair
        quotient, remainder = divmod(self._numerator * d, self._denominator * n)
        return quotient, Fraction(remainder, self._denominator * d)

    def __rdivmod__(self, other):
        if isinstance(other, float):
            return divmod(other, float(self))
        pair = self._pair(other)
        if pair is None:
            return NotImplemented
        n, d = pair
        quotient, remainder = divmod(n * self._denominator, d * self._numerator)
        return quotient, Fraction(remainder, d * self._denominator)

    def __mod__(self, other):
        pair = self._pair(other)
        if pair is not None:
            n, d = pair
            return Fraction((self._numerator * d) % (n * self._denominator),
                            self._denominator * d)
        if isinstance(other, float):
            return float(self) % other
        return NotImplemented

    def __pow__(self, other):
        if isinstance(other, int) or (isinstance(other, Fraction) and other._denominator == 1):
            power = int(other) if isinstance(other, int) else other._numerator
            if power >= 0:
                return Fraction(self._numerator ** power, self._denominator ** power,
                                _normalize=False)
            if self._numerator == 0:
                raise ZeroDivisionError("Fraction(" + str(self._denominator ** -power)
                                        + ", 0)")
            if self._numerator > 0:
                return Fraction(self._denominator ** -power, self._numerator ** -power,
                                _normalize=False)
            return Fraction((-self._denominator) ** -power, (-self._numerator) ** -power,
                            _normalize=False)
        return float(self) ** other

    def __rpow__(self, other):
        if self._denominator == 1 and self._numerator >= 0:
            return other ** self._numerator
        return other ** float(self)

    def __pos__(self):
        return Fraction(self._numerator, self._denominator, _normalize=False)

    def __neg__(self):
        return Fraction(-self._numerator, self._denominator, _normalize=False)

    def __abs__(self):
        return Fraction(abs(self._numerator), self._denominator, _normalize=False)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            if remainder * 2 > self._denominator:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(self):
        return self._numerator / self._denominator

    def __bool__(self):
        return self._numerator != 0

    def __hash__(self):
        try:
            inverse = pow(self._denominator, -1, _HASH_MODULUS)
        except ValueError:
            result = _HASH_INF
        else:
            result = hash(hash(abs(self._numerator)) * inverse)
        result = result if self._numerator >= 0 else -result
        return -2 if result == -1 else result

    def __eq__(self, other):
        if isinstance(other, (int, Fraction)):
            n, d = self._pair(other)
            return self._numerator == n and self._denominator == d
        if isinstance(other, float):
            if _math.isnan(other) or _math.isinf(other):
                return 0.0 == other
            return self == Fraction.from_float(other)
        return NotImplemented

    def _compare(self, other, op):
        if isinstance(other, (int, Fraction)):
            n, d = self._pair(other)
            return op(self._numerator * d, self._denominator * n)
        if isinstance(other, float):
            if _math.isnan(other) or _math.isinf(other):
                return op(0.0, other)
            return self._compare(Fraction.from_float(other), op)
        return NotImplemented

    def __lt__(self, other):
        return self._compare(other, lambda a, b: a < b)

    def __gt__(self, other):
        return self._compare(other, lambda a, b: a > b)

    def __le__(self, other):
        return self._compare(other, lambda a, b: a <= b)

    def __ge__(self, other):
        return self._compare(other, lambda a, b: a >= b)
