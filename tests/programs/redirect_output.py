# Capturing output: contextlib.redirect_stdout / redirect_stderr into a StringIO, and
# sys.stdout replaced by hand. print() writes to whatever sys.stdout is at the time.
import contextlib
import io
import sys
import threading

buffer = io.StringIO()
with contextlib.redirect_stdout(buffer) as target:
    print("captured", 42, sep=", ")
    sys.stdout.write("written directly\n")
    print(target is buffer)
print("after the block:", repr(buffer.getvalue()))

errors = io.StringIO()
with contextlib.redirect_stderr(errors):
    print("a warning", file=sys.stderr)
print(repr(errors.getvalue()), sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)


# sys.stdout belongs to the whole program: a thread that prints while it is replaced prints
# into the replacement too.
def worker(results):
    print("from the thread")
    results.append("done")


results = []
log = io.StringIO()
with contextlib.redirect_stdout(log):
    thread = threading.Thread(target=worker, args=(results,))
    thread.start()
    thread.join()
print(results, repr(log.getvalue()))

saved = sys.stdout
sys.stdout = io.StringIO()
print("not shown")
hidden = sys.stdout.getvalue()
sys.stdout = saved
print("hidden was", repr(hidden))

nested = contextlib.redirect_stdout(io.StringIO())
with nested as outer:
    with contextlib.redirect_stdout(io.StringIO()) as inner:
        print("inner")
    print("outer")
print(repr(outer.getvalue()), repr(inner.getvalue()))
