# Checks multiprocessing under spawn: Process, Queue, Pipe, Value with a lock, Pool map/starmap/apply_async, errors and pickling failures, ProcessPoolExecutor.
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def square(x):
    return x * x


def report(queue, n):
    queue.put((mp.current_process().name, n * 2))


def add_many(counter, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1


def echo(conn):
    conn.send(conn.recv().upper())


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def shift(p):
    return Point(p.x + 1, p.y + 1)


def fail(x):
    raise ValueError(f"bad input {x}")


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    p = ctx.Process(target=report, args=(queue, 21), name="reporter")
    p.start()
    p.join()
    print(queue.get(), p.exitcode, p.is_alive())

    counter = ctx.Value("i", 0)
    workers = [ctx.Process(target=add_many, args=(counter, 500)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("counter:", counter.value)

    parent_end, child_end = ctx.Pipe()
    e = ctx.Process(target=echo, args=(child_end,))
    e.start()
    parent_end.send("hello")
    print(parent_end.recv())
    e.join()

    with ctx.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(pool.starmap(pow, [(2, 3), (3, 2)]))
        print(pool.apply_async(square, (7,)).get(timeout=10))
        print(pool.map(shift, [Point(1, 2), Point(5, 5)]))
        try:
            pool.map(fail, [5])
        except ValueError as err:
            print("ValueError:", err)
        try:
            pool.map(lambda x: x, [1])
        except Exception as err:
            print("lambda:", type(err).__name__)

    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        print(list(ex.map(square, range(5))))
        print(ex.submit(square, 9).result())
        print(type(ex.submit(fail, 3).exception()).__name__)
