# Checks statistics on floats, fractions and mixed data, and the fractions module it stands on.
import statistics
from fractions import Fraction

floats = [1.1, 2.2, 3.3, 4.4, 0.7]
print(statistics.mean(floats), statistics.fmean(floats), statistics.median(floats), statistics.pvariance(floats))
print(statistics.variance(floats), statistics.stdev(floats), statistics.pstdev(floats))
print(statistics.mean([Fraction(1, 3), Fraction(1, 6)]), statistics.variance([Fraction(1, 2), 1, 2]), statistics.median([1, 3, 2, 4]))
print(statistics.mean([1, 2.5, Fraction(1, 2)]), statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pstdev([1.5, 2.5]))
print(statistics.harmonic_mean([2.5, 3, 10]), statistics.mode([1.5, 2.5, 1.5]), statistics.multimode([3, 1, 3, 1, 2]), statistics.median_high("bca"))
print(statistics.variance([1e9 + 1, 1e9 + 2, 1e9 + 3]), statistics.mean(range(1, 101)), statistics.pvariance(range(10)))
for bad in [lambda: statistics.median([]), lambda: statistics.stdev([1]), lambda: statistics.mode([])]:
    try:
        bad()
    except statistics.StatisticsError as e:
        print("StatisticsError:", e)
a, b = Fraction(3, 4), Fraction("-1.25")
print(a, b, repr(a), a + b, a - b, a * b, a / b, a ** 2, b ** -1, -a, abs(b), a + 1, 2 - a, a * 0.5)
print(a < b, a == Fraction(6, 8), a == 0.75, a > 0.5, Fraction(1, 3) < 0.34, float(Fraction(1, 3)), int(Fraction(-7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)))
print(Fraction(0.1), Fraction("2e-3"), Fraction(10, -4), Fraction(Fraction(1, 2), Fraction(3, 4)), Fraction(3.5).limit_denominator(1), Fraction(355, 113).numerator)
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3), sum([Fraction(1, n) for n in range(1, 6)]), Fraction(22, 7).limit_denominator(5))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
