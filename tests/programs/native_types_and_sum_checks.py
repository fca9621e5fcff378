# Native objects (locks, views, the singletons) and their classes: format(), isinstance with
# type(x), the class's module, calling it, copying a lock, a lock's argument checks; and the
# arguments sum() refuses.
import threading, copy
print(f"{NotImplemented}", format(NotImplemented), "{}".format(NotImplemented), f"{...}")
l = threading.Lock(); r = threading.RLock(); d = {}.keys()
print(isinstance(l, type(l)), isinstance(r, type(r)), isinstance(NotImplemented, type(NotImplemented)), isinstance(d, type(d)))
print(type(threading.Lock()), type(threading.RLock()), type(threading.Lock()).__module__)
print(type(NotImplemented)() is NotImplemented, type(...)())
for obj in (l, r):
    for call in (lambda: obj.acquire(1, 2, 3), lambda: obj.release(1), lambda: copy.copy(obj), lambda: copy.deepcopy([obj])):
        try:
            call()
        except TypeError as e:
            print(type(obj).__name__, e)
try:
    type({}.keys())()
except TypeError as e:
    print(e)
print(hasattr(r, "locked"))
for call in (lambda: sum(['a'], ''), lambda: sum([b'a'], b''), lambda: sum([1], foo=1), lambda: sum([1], 2, start=3), lambda: sum(), lambda: sum([1],2,3)):
    try: print(call())
    except TypeError as e: print(e)
print(sum([1, 2], start=5), sum(x for x in [1.5, 2]))
r = type(threading.RLock())()
print(type(r).__name__, r.acquire(), r._is_owned())
r.release()
try:
    l = type(threading.Lock())()
    print(type(l).__name__, l.acquire(), l.locked())
except TypeError as e:
    print(e)
for obj in (threading.Lock(), threading.RLock()):
    try:
        copy.copy(obj)
    except TypeError as e:
        print(e)
