"""Statistics of numeric data, computed as CPython's statistics module computes them: sums are
exact (as fractions) and converted to the data's type at the end, so results match."""

import math as _math
import sys as _sys
from collections import Counter as _Counter
from fractions import Fraction
from itertools import groupby as _groupby

_VERSION = _sys.version_info


class StatisticsError(ValueError):
    pass


# ---- exact sums ----

def _exact_ratio(x):
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        # An infinity or a NaN: kept as it is.
        return (x, None)
    raise TypeError("can't convert type '" + type(x).__name__ + "' to numerator/denominator")


def _coerce(T, S):
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    raise TypeError("don't know how to coerce " + T.__name__ + " and " + S.__name__)


def _types_coerced(types):
    T = int
    for S in types:
        T = _coerce(T, S)
    return T


def _ratios(data, types):
    """The data's exact (numerator, denominator) pairs; their types go into `types`."""
    for typ, values in _groupby(data, type):
        types[typ] = True
        for value in values:
            yield _exact_ratio(value)


def _sum(data):
    """(type, exact total, count) of the data."""
    count = 0
    types = {}
    partials = {}
    for n, d in _ratios(data, types):
        count += 1
        partials[d] = partials.get(d, 0) + n
    if None in partials:
        total = partials[None]
    else:
        total = sum([Fraction(n, d) for d, n in partials.items()])
    return (_types_coerced(types), total, count)


def _ss(data, c=None):
    """(type, exact sum of squared deviations from c or the mean, c, count)."""
    if c is not None:
        T, total, count = _sum([(x - c) * (x - c) for x in data])
        return (T, total, c, count)
    count = 0
    types = {}
    sx_partials = {}
    sxx_partials = {}
    for n, d in _ratios(data, types):
        count += 1
        sx_partials[d] = sx_partials.get(d, 0) + n
        sxx_partials[d] = sxx_partials.get(d, 0) + n * n
    if not count:
        ssd = c = Fraction(0)
    elif None in sx_partials:
        ssd = c = sx_partials[None]
    else:
        sx = sum([Fraction(n, d) for d, n in sx_partials.items()])
        sxx = sum([Fraction(n, d * d) for d, n in sxx_partials.items()])
        ssd = (count * sxx - sx * sx) / count
        c = sx / count
    return (_types_coerced(types), ssd, c, count)


def _ss_39(data, c=None):
    # Python 3.9 centred the data on the mean converted to the data's type first.
    if c is None:
        c = mean(data)
    T, total, count = _sum([(x - c) ** 2 for x in data])
    U, total2, count2 = _sum([(x - c) for x in data])
    total -= total2 ** 2 / len(data)
    return (T, total, c, count)


def _convert(value, T):
    if type(value) is T:
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    return T(value)


def _fail_neg(values, errmsg="negative value"):
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


def _as_list(data):
    if iter(data) is data:
        return list(data)
    return data


def _float_sqrt_of_frac(n, m):
    # The correctly rounded square root of n/m: an integer square root of a scaled ratio,
    # rounded to odd, then one rounding to float.
    q = (n.bit_length() - m.bit_length() - 109) // 2
    if q >= 0:
        a = _math.isqrt(n // (m << 2 * q))
        numerator = (a | (a * a * (m << 2 * q) != n)) << q
        denominator = 1
    else:
        a = _math.isqrt((n << -2 * q) // m)
        numerator = a | (a * a * m != n << -2 * q)
        denominator = 1 << -q
    return numerator / denominator


def _sqrt_of(value, T):
    if _VERSION >= (3, 12):
        return _float_sqrt_of_frac(value.numerator, value.denominator)
    return _math.sqrt(_convert(value, T))


# ---- averages ----

def mean(data):
    data = _as_list(data)
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(total / n, T)


def fmean(data, weights=None):
    if weights is not None:
        data = list(data)
        weights = list(weights)
        if len(weights) != len(data):
            raise StatisticsError("data and weights must be the same length")
        total_weight = _math.fsum(weights)
        if not total_weight:
            raise StatisticsError("sum of weights must be non-zero")
        return _math.fsum([x * w for x, w in zip(data, weights)]) / total_weight
    data = list(data)
    n = len(data)
    if not n:
        raise StatisticsError("fmean requires at least one data point")
    return _math.fsum(data) / n


def geometric_mean(data):
    try:
        return _math.exp(fmean([_math.log(x) for x in data]))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset "
                              "containing positive numbers") from None


def harmonic_mean(data, weights=None):
    data = _as_list(data)
    errmsg = "harmonic mean does not support negative values"
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float, Fraction)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        raise TypeError("unsupported type")
    if weights is None:
        weights = [1] * n
        sum_weights = n
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError("Number of weights does not match data size")
        _, sum_weights, _ = _sum(w for w in _fail_neg(weights, errmsg))
    try:
        data = list(_fail_neg(data, errmsg))
        T, total, count = _sum([w / x if x else 0 for w, x in zip(weights, data)])
    except ZeroDivisionError:
        return 0
    if total <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _convert(sum_weights / total, T)


def _sorted_for_median(data):
    data = sorted(data)
    if not data:
        raise StatisticsError("no median for empty data")
    return data, len(data)


def median(data):
    data, n = _sorted_for_median(data)
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data, n = _sorted_for_median(data)
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data, n = _sorted_for_median(data)
    return data[n // 2]


def mode(data):
    pairs = _Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError("no mode for empty data") from None


def multimode(data):
    counts = _Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


# ---- spread ----

def _spread(data, center):
    data = _as_list(data)
    if _VERSION >= (3, 11):
        return _ss(data, center)
    return _ss_39(data, center)


def variance(data, xbar=None):
    T, ss, c, n = _spread(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    T, ss, c, n = _spread(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(ss / n, T)


def stdev(data, xbar=None):
    T, ss, c, n = _spread(data, xbar)
    if n < 2:
        # Before 3.11, stdev asked variance, and its message.
        what = "stdev" if _VERSION >= (3, 11) else "variance"
        raise StatisticsError(what + " requires at least two data points")
    return _sqrt_of(ss / (n - 1), T)


def pstdev(data, mu=None):
    T, ss, c, n = _spread(data, mu)
    if n < 1:
        what = "pstdev" if _VERSION >= (3, 11) else "pvariance"
        raise StatisticsError(what + " requires at least one data point")
    return _sqrt_of(ss / n, T)
