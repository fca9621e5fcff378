# Floats that cannot be: an int too large to convert, and a power out of range, raise
# OverflowError as in CPython (they gave inf).
big = 2 ** 10000
for attempt in [lambda: float(big), lambda: big * 1.0, lambda: 0.5 + big, lambda: 2.0 ** 10000, lambda: 10.0 ** 400, lambda: float(2 ** 1000) > 1, lambda: 1e308 * 10, lambda: (-8) ** 2.0, lambda: 2 ** -1, lambda: (-2.0) ** 3, lambda: big / 3 > 0]:
    try:
        print(attempt())
    except OverflowError as e:
        print("OverflowError", e)
