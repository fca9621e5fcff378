# atexit: callbacks run when the program ends, last registered first, after the non-daemon
# threads have finished and even after an uncaught exception; one that raises is reported in
# each version's words and the rest still run. A `_thread` function that raises is reported
# by the same hook.
import _thread
import atexit
import sys
import threading
import time


def bye(name, punct="!"):
    print("bye", name, punct)


class Boom:
    def __call__(self):
        values = [1]
        return values[0] + values[5]

    def __repr__(self):
        return "<Boom>"


def chained():
    try:
        {}["missing"]
    except KeyError as error:
        raise ValueError("from a KeyError") from error


def quits():
    raise SystemExit(3)


class Named:
    """A callback whose repr has no address in it."""

    def __init__(self, function):
        self.function = function

    def __call__(self):
        return self.function()

    def __repr__(self):
        return "<" + self.function.__name__ + ">"


class Empty:
    def __call__(self):
        raise KeyError

    def __repr__(self):
        return "<Empty>"


def late():
    print("late: registering more")
    atexit.register(bye, "too late")


def worker():
    time.sleep(0.05)
    print("worker done")


before = atexit._ncallbacks()
atexit.register(Named(quits))
atexit.register(Empty())
# (3.9 prints a chained exception's traceback without the frames it left by, so there the
# function is registered itself: its repr is not printed.)
atexit.register(chained if sys.version_info < (3, 10) else Named(chained))
atexit.register(bye, "first")
atexit.register(Boom())
print(atexit.register(bye, "second", punct="?") is bye)
atexit.register(late)
atexit.register(bye, "third")
atexit.unregister(lambda: None)
print(atexit._ncallbacks() - before - 3)
atexit.register(print, "removed too")
atexit.unregister(print)
print(atexit._ncallbacks() - before - 3)
try:
    atexit.register(5)
except TypeError as e:
    print("TypeError", e)

_thread.start_new_thread(Boom(), ())
time.sleep(0.05)
threading.Thread(target=worker).start()
print("main ends with an error")
raise RuntimeError("the main module failed")
