# Checks threading: names, args, join, is_alive, daemon, Lock/RLock, Event, Condition, Semaphore, Barrier, Timer, errors in threads.
import threading
import time

out = []
def greet(name, punctuation="!"):
    out.append(f"hello {name}{punctuation}")

t = threading.Thread(target=greet, args=("ann",), kwargs={"punctuation": "?"})
print(t.name.startswith("Thread-"), t.is_alive(), t.daemon, t.ident is None)
t.start()
t.join()
print(out, t.is_alive(), t.ident is not None)
named = threading.Thread(target=greet, args=("bob",), name="worker-1", daemon=True)
print(named.name, named.daemon)
named.start(); named.join()
print(threading.current_thread().name, threading.current_thread() is threading.main_thread())
print(threading.active_count(), len(threading.enumerate()))
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=greet).join()
except RuntimeError as e:
    print("RuntimeError:", e)

lock = threading.Lock()
print(lock.acquire(), lock.locked(), lock.acquire(blocking=False), lock.acquire(timeout=0.01))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
rlock = threading.RLock()
with rlock:
    with rlock:
        print("re-entered")
try:
    rlock.release()
except RuntimeError as e:
    print("RuntimeError:", e)

total = 0
def add_many(n):
    global total
    for _ in range(n):
        with lock:
            total += 1
workers = [threading.Thread(target=add_many, args=(20000,)) for _ in range(4)]
for w in workers: w.start()
for w in workers: w.join()
print("with a lock:", total)

ready = threading.Event()
def wait_for_it():
    print("got event:", ready.wait(2))
waiter = threading.Thread(target=wait_for_it)
waiter.start()
time.sleep(0.02)
ready.set()
waiter.join()
print(ready.is_set(), threading.Event().wait(0.01))

items = []
cond = threading.Condition()
def producer():
    for i in range(3):
        with cond:
            items.append(i)
            cond.notify()
def consume(n):
    got = []
    while len(got) < n:
        with cond:
            cond.wait_for(lambda: items)
            got.append(items.pop(0))
    return got
p = threading.Thread(target=producer)
p.start()
print("consumed", consume(3))
p.join()

sem = threading.Semaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(blocking=False))
sem.release(2)
bounded = threading.BoundedSemaphore(1)
try:
    bounded.release()
except ValueError as e:
    print("ValueError:", e)

order = []
barrier = threading.Barrier(3, action=lambda: order.append("all arrived"))
def arrive(i):
    barrier.wait()
    with lock:
        order.append(i)
arrivals = [threading.Thread(target=arrive, args=(i,)) for i in range(3)]
for a in arrivals: a.start()
for a in arrivals: a.join()
print(order[0], sorted(order[1:]), barrier.broken)

fired = []
timer = threading.Timer(0.01, fired.append, args=["fired"])
timer.start(); timer.join()
cancelled = threading.Timer(5, fired.append, args=["never"])
cancelled.start(); cancelled.cancel(); cancelled.join()
print(fired)

def fail():
    raise ValueError("bad value in a thread")
f = threading.Thread(target=fail, name="failing")
f.start()
f.join()
print("main goes on after the thread's error")
