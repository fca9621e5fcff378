# datetime.timedelta: normalisation of every unit (floats rounded as CPython rounds them),
# arithmetic with ints, floats and timedeltas, str and repr, total_seconds, and its errors.
from datetime import timedelta

print(timedelta(days=1, hours=2, minutes=3, seconds=4, milliseconds=500))
print(timedelta(weeks=1, days=-1, hours=-25))
print(timedelta(seconds=-1), timedelta(microseconds=-1))
print(timedelta(seconds=1.5), timedelta(minutes=0.1), timedelta(days=0.5, hours=0.25))
print(timedelta(microseconds=0.5), timedelta(microseconds=1.5), timedelta(microseconds=-0.5))
print(timedelta(seconds=0.0000005), timedelta(seconds=1e-7), timedelta(milliseconds=0.0015))
print(repr(timedelta()), repr(timedelta(hours=-1)), repr(timedelta(seconds=3, microseconds=7)))
print(repr(timedelta(days=2, seconds=1)), timedelta(days=-2), timedelta(days=1, seconds=1))
d = timedelta(hours=1, minutes=30)
print(d.days, d.seconds, d.microseconds, d.total_seconds())
print(timedelta(days=-1, seconds=1).total_seconds(), timedelta(microseconds=1).total_seconds())
print(d + d, d - 2 * d, -d, +d, abs(-d), d * 3, 2.5 * d, d * 0.1)
print(d / 4, d / 7, d / 1.5, d // 7, d / timedelta(minutes=7), d // timedelta(minutes=7))
print(d % timedelta(minutes=7), divmod(d, timedelta(minutes=7)))
print(timedelta(seconds=10) / 3, timedelta(seconds=10) * (1 / 3), timedelta(microseconds=5) / 2)
print(timedelta(microseconds=3) / 2, timedelta(microseconds=-5) / 2, timedelta(1) / 86400000001)
print(d == timedelta(minutes=90), d != d, d < 2 * d, d >= d, d == 5400, bool(timedelta(0)))
print(sorted([timedelta(1), timedelta(-1), timedelta(0, 5)]), max(timedelta(1), timedelta(2)))
print(hash(d) == hash(timedelta(seconds=5400)), len({d, timedelta(seconds=5400)}))
print(timedelta.min, timedelta.max, timedelta.resolution, sep=" | ")
print(repr(timedelta.min), repr(timedelta.max))
print(f"elapsed: {timedelta(seconds=75.25)}", "{}".format(timedelta(days=3)))
print(str(timedelta(days=1)), str(timedelta(days=-1, seconds=86399)), str(timedelta(days=1000)))
mistakes = [
    ("d + 1", lambda: d + 1), ("d * d", lambda: d * d), ("d / 'x'", lambda: d / "x"),
    ("1 - d", lambda: 1 - d), ("d < 5", lambda: d < 5),
    ("timedelta(days='1')", lambda: timedelta(days="1")),
    ("timedelta(days=10 ** 9)", lambda: timedelta(days=10 ** 9)),
    ("timedelta.max + resolution", lambda: timedelta.max + timedelta.resolution),
    ("f'{d:>10}'", lambda: f"{d:>10}"),
]
for text, attempt in mistakes:
    try:
        print(attempt())
    except Exception as e:
        print(text, "->", type(e).__name__, e)
for attempt in [lambda: d / 0, lambda: d // timedelta(0), lambda: d % timedelta(0)]:
    try:
        attempt()
    except ZeroDivisionError:
        print("ZeroDivisionError")
