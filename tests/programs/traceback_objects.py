# Traceback objects: traceback.extract_tb, format_tb and FrameSummary, and the repr of a
# bound method (what prints when the parentheses of a call are forgotten).
import sys
import traceback


def inner(x):
    return 10 / x


def outer():
    return inner(0)


try:
    outer()
except ZeroDivisionError as e:
    tb = e.__traceback__
    frames = traceback.extract_tb(tb)
    print(len(frames), [f.name for f in frames], frames[-1].lineno, frames[-1].line)
    print(list(frames[-1])[1:], frames[0].filename == __file__)
    print("".join(traceback.format_tb(tb)).replace(__file__, "<this file>"), end="")
    print(traceback.format_list([("a.py", 3, "f", "x = 1")]))
    _, _, tb2 = sys.exc_info()
    print(traceback.extract_tb(tb2, limit=1)[0].name)


class Point:
    def norm(self):
        return 0

    def __repr__(self):
        return "Point()"


print(Point().norm)
print(repr([].append).startswith("<built-in method append of list object at 0x"))
print(repr(Point.norm).startswith("<function Point.norm"))


class MyError(Exception):
    pass


try:
    raise MyError("boom")
except MyError:
    print(traceback.format_exc().splitlines()[-1])
print(traceback.format_exception_only(MyError, MyError("x")))
