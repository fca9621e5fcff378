# atexit: callbacks run when the program ends, last registered first, after the non-daemon
# threads have finished and even after an uncaught exception; one that raises is reported in
# each version's words and the rest still run. A `_thread` function that raises is reported
# by the same hook.
import _thread
import atexit
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


def late():
    print("late: registering more")
    atexit.register(bye, "too late")


def worker():
    time.sleep(0.05)
    print("worker done")


before = atexit._ncallbacks()
atexit.register(bye, "first")
atexit.register(Boom())
print(atexit.register(bye, "second", punct="?") is bye)
atexit.register(late)
atexit.register(bye, "third")
atexit.unregister(lambda: None)
print(atexit._ncallbacks() - before)
atexit.register(print, "removed too")
atexit.unregister(print)
print(atexit._ncallbacks() - before)
try:
    atexit.register(5)
except TypeError as e:
    print("TypeError", e)

_thread.start_new_thread(Boom(), ())
time.sleep(0.05)
threading.Thread(target=worker).start()
print("main ends with an error")
raise RuntimeError("the main module failed")
