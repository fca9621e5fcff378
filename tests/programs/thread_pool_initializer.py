# ThreadPoolExecutor's initializer runs once in each worker thread before its first task;
# one that fails breaks the pool: waiting work fails with BrokenThreadPool, and so does
# every later submit.
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.thread import BrokenThreadPool

local = threading.local()


def connect(name):
    local.connection = f"{name}-connection"


def query(n):
    return f"{local.connection}: {n * n}"


with ThreadPoolExecutor(max_workers=2, initializer=connect, initargs=("db",)) as pool:
    print(sorted(set(r.split(":")[0] for r in pool.map(query, range(6)))))
    print(list(pool.map(query, range(3)))[-1])


def broken(name):
    raise ValueError(f"cannot reach {name}")


pool = ThreadPoolExecutor(1, initializer=broken, initargs=("db",))
try:
    pool.submit(pow, 2, 3).result()
except BrokenThreadPool as error:
    print(type(error).__name__, "|", error)
try:
    pool.submit(pow, 2, 3)
except BrokenThreadPool as error:
    print("submit:", error)
pool.shutdown()
