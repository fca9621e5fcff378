# Checks the statistics module on exactly representable data: mean, median, mode, variance, stdev.
import statistics

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data))
print(statistics.pvariance(data), statistics.pstdev(data), statistics.variance([1, 3, 5, 7]))
print(statistics.median([3, 1, 2]), statistics.median_low([1, 2, 3, 4]), statistics.median_high([1, 2, 3, 4]))
print(statistics.mean([1.5, 2.5, 3.5]), statistics.mean([1, 2]), statistics.fmean([1, 2, 3, 4]))
print(statistics.mode(["red", "blue", "red", "green"]), statistics.multimode("aabbbcccd"))
print(statistics.harmonic_mean([1, 4, 4]), statistics.geometric_mean([1, 4, 16]) == 4.0)
print(statistics.stdev([1, 1, 1, 1]), statistics.variance([2.5, 2.5, 4.5, 4.5]), statistics.pvariance([0, 10]))
scores = [70, 80, 90]
print(statistics.mean(scores), statistics.median(scores), type(statistics.mean(scores)).__name__)
try:
    statistics.mean([])
except statistics.StatisticsError as e:
    print("StatisticsError:", e)
try:
    statistics.variance([5])
except statistics.StatisticsError as e:
    print("StatisticsError:", e)
