# threading.stack_size as CPython checks and remembers it, and sys.intern, byteorder and
# maxunicode.
import _thread
import sys
import threading

print(threading.stack_size(), threading.stack_size(65536), threading.stack_size(),
      threading.stack_size(0), _thread.stack_size is threading.stack_size)
for bad in [1000, -1, "x", 2.5, True]:
    try:
        threading.stack_size(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
threading.stack_size(1 << 20)
done = []
worker = threading.Thread(target=lambda: done.append(threading.stack_size()))
worker.start()
worker.join()
print(done, threading.stack_size(0))


class Name(str):
    pass


word = "".join(["hello", " ", "world"])
same = "".join(["hello ", "world"])
print(sys.intern(word) is word, sys.intern(same) is word, sys.intern(word) == "hello world")
for bad in [5, Name("a")]:
    try:
        sys.intern(bad)
    except TypeError as e:
        print("TypeError", e)
print(sys.byteorder, sys.maxunicode, chr(sys.maxunicode) == "\U0010ffff")
