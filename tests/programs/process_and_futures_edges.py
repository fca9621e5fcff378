# Built-in functions of modules sent to processes (Pool.map(math.sqrt)); kill() and terminate()
# exit codes; Value and Array convert to their C type; concurrent.futures.wait's named tuple; the
# modules tracebacks name library exceptions by; sys.version_info's fields; and an uncaught
# exception's own __str__ on the last line.
import asyncio
import concurrent.futures as cf
import math
import multiprocessing as mp
import pickle
import queue
import sys
import time
from concurrent.futures import ProcessPoolExecutor


def nap():
    time.sleep(5)


def bump(value, array):
    with value.get_lock():
        value.value += 1
    with array.get_lock():  # `+=` reads and writes under separate locks: a race without this
        array[0] += 1.5


class Failure(Exception):
    def __str__(self):
        return "failed: " + ", ".join(map(str, self.args))


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(pool.map(math.sqrt, [4, 9]), pool.map(abs, [-3]), pool.map(len, ["ab"]))
    p = mp.Process(target=time.sleep, args=(0.01,))
    p.start()
    p.join()
    print("sleep child", p.exitcode)
    with ProcessPoolExecutor(2) as executor:
        print(list(executor.map(math.factorial, [5, 6])))
    for how in ("kill", "terminate"):
        for wait in (0, 0.1):
            p = mp.Process(target=nap)
            p.start()
            time.sleep(wait)
            getattr(p, how)()
            p.join()
            print(how, wait, p.exitcode, p.is_alive())

    print(mp.Value("b", True).value, mp.Value("d", 1).value, mp.Value("i", 2**31).value,
          mp.Value("B", -1).value, mp.Value("d").value)
    for make in (lambda: mp.Value("i", 1.5), lambda: mp.Value("d", "x"),
                 lambda: mp.Array("i", 3)[5], lambda: mp.Array("d", [1, 2])[:]):
        try:
            print(make())
        except (TypeError, IndexError) as error:
            print(type(error).__name__, error)
    value, array = mp.Value("i", 0), mp.Array("d", 2)
    array[:] = [1, 2]
    workers = [mp.Process(target=bump, args=(value, array)) for _ in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(value.value, array[:], repr(mp.Value("d", 2)), len(array))

    with cf.ThreadPoolExecutor(2) as executor:
        futures = [executor.submit(pow, 2, i) for i in range(3)]
        waited = cf.wait(futures)
        print(type(waited).__name__, len(waited.done), waited.not_done,
              sorted(f.result() for f in waited.done))

    for cls in [queue.Empty, queue.Full, pickle.PicklingError, asyncio.QueueEmpty,
                asyncio.CancelledError, asyncio.TimeoutError, asyncio.InvalidStateError,
                cf.TimeoutError, cf.CancelledError, cf.BrokenExecutor, TimeoutError, KeyError]:
        print(cls.__module__, cls.__qualname__, cls.__mro__[1].__name__)
    print(cf.TimeoutError is TimeoutError, asyncio.TimeoutError is TimeoutError)

    print(sys.version_info[:2] >= (3, 9), type(sys.version_info).__name__, len(sys.version_info),
          repr(sys.version_info)[:35], sys.version_info.major, math.__name__)
    raise Failure("a", 1)
