# Checks error messages whose words changed between versions: integer and float modulo by
# zero, int() and float() of None, and %-formatting that needs a number or an integer.
attempts = [
    lambda: 7 % 0, lambda: 7 // 0, lambda: divmod(7, 0), lambda: 7.5 % 0, lambda: 7.5 // 0.0,
    lambda: divmod(7.5, 0), lambda: int(None), lambda: float(None), lambda: int([1]),
    lambda: "%d items" % "three", lambda: "%.2f" % "x", lambda: "%x" % 2.5, lambda: "%o" % "8",
    lambda: "%X" % True, lambda: "%x" % 255,
]
for attempt in attempts:
    try:
        print("ok:", attempt())
    except (ZeroDivisionError, TypeError, ValueError) as error:
        print(f"{type(error).__name__}: {error}")
