# sys.exc_info() in a function an except block called and in a thread; the traceback module's
# format_exc, format_exception, format_exception_only and print_exc, whose text is what an
# uncaught exception prints.
import sys, traceback, threading
def inner():
    raise KeyError("k")
def worker():
    try:
        inner()
    except Exception:
        text = traceback.format_exc()
        print(text.splitlines()[0], text.splitlines()[-1], len(text.splitlines()))
        print(sys.exc_info()[0].__name__, repr(sys.exc_info()[1]), sys.exc_info()[2] is not None)
t = threading.Thread(target=worker); t.start(); t.join()
print(sys.exc_info(), traceback.format_exc(), end="")
try:
    1 / 0
except ZeroDivisionError as e:
    print("".join(traceback.format_exception(type(e), e, e.__traceback__)).count("\n"))
    print(traceback.format_exception_only(type(e), e))
    traceback.print_exc()
