# threading.RLock (in Rust, as CPython's is in C): owner and count, its repr, errors, a timeout
# from another thread, Condition over it and over a plain lock, and logging from threads.
import sys
import threading
r = threading.RLock()
print(repr(r).split(" at ")[0])
with r:
    with r:
        print(repr(r).split(" at ")[0].replace(str(threading.get_ident()), "ME"), r._is_owned())
        if sys.version_info >= (3, 11):
            assert r._recursion_count() == 2
print(r.acquire(), r.acquire(blocking=False))
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(type(r).__name__, type(r) is type(threading.RLock()))
c = threading.Condition()
state = []
def waiter():
    with c:
        while not state:
            c.wait()
        print("waiter saw", state)
t = threading.Thread(target=waiter); t.start()
with c:
    with c:
        state.append(1)
        c.notify_all()
t.join()
try:
    c.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
lk = threading.Lock()
c2 = threading.Condition(lk)
with c2:
    print(c2.wait(0.01))
other = []
def grab():
    other.append(r.acquire(timeout=0.05))
with r:
    g = threading.Thread(target=grab); g.start(); g.join()
print(other)
try:
    r.acquire(bogus=1)
except TypeError as e:
    print("TypeError:", e)
import logging
logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(threadName)s %(message)s")
ts = [threading.Thread(target=logging.info, args=("hello %d", i), name=f"T{i}") for i in range(3)]
for t in ts:
    t.start()
    t.join()
