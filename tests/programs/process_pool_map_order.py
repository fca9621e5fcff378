# ProcessPoolExecutor.map yields each chunk's results as that chunk ends, in order: a call
# that raises stops the loop there, after the results before it. multiprocessing has its own
# TimeoutError (not the built-in one) and its own error classes; os.getppid names the parent.
from concurrent.futures import ProcessPoolExecutor
import concurrent.futures as futures
import multiprocessing as mp
import os
import time


def risky(x):
    return 10 // x


def slow(x):
    time.sleep(x)
    return x


def parent_pid(_):
    return os.getppid()


if __name__ == "__main__":
    with ProcessPoolExecutor(2) as ex:
        try:
            for r in ex.map(risky, [1, 2, 0, 5]):
                print("got", r)
        except ZeroDivisionError as e:
            print("error:", e)
        print(list(ex.map(risky, [1, 2, 5, 10], chunksize=3)))
        try:
            for r in ex.map(risky, [1, 2, 5, 0, 10], chunksize=2):
                print("got", r)
        except ZeroDivisionError as e:
            print("error:", e)
        try:
            ex.map(risky, [1], chunksize=0)
        except ValueError as e:
            print("ValueError:", e)
        try:
            for r in ex.map(slow, [0, 0.5], timeout=0.2):
                print("got", r)
        except (TimeoutError, futures.TimeoutError) as e:
            print("timed out:", type(e).__name__)
        print("children know their parent:", set(ex.map(parent_pid, range(4))) == {os.getpid()})
    with mp.Pool(1) as pool:
        r = pool.apply_async(slow, (0.5,))
        try:
            r.get(timeout=0.05)
        except TimeoutError:
            print("caught the built-in TimeoutError")
        except mp.TimeoutError as e:
            print("caught", type(e).__module__, type(e).__qualname__, repr(e), isinstance(e, mp.ProcessError))
    print([cls.__name__ for cls in mp.BufferTooShort.__mro__], mp.AuthenticationError.__module__)
    print(os.getppid() != os.getpid(), os.getppid() > 0)
