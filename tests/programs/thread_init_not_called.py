# A Thread subclass whose __init__ does not call Thread's: each use says so, in CPython's
# words, rather than failing on an attribute __init__ would have set.
import threading


class Worker(threading.Thread):
    def __init__(self, n):
        self.n = n

    def run(self):
        print("ran", self.n)


w = Worker(1)
probes = [
    ("is_alive", lambda: w.is_alive()),
    ("name", lambda: w.name),
    ("daemon", lambda: w.daemon),
    ("ident", lambda: w.ident),
    ("set daemon", lambda: setattr(w, "daemon", True)),
    ("join", lambda: w.join()),
    ("repr", lambda: repr(w)),
    ("start", lambda: w.start()),
]
for label, probe in probes:
    try:
        print(label, probe())
    except Exception as e:
        print(label, type(e).__name__, e)


class Fixed(threading.Thread):
    def __init__(self, n):
        super().__init__(name=f"fixed-{n}")
        self.n = n

    def run(self):
        print("ran", self.name, self.n)


f = Fixed(2)
f.start()
f.join()
w.start()
