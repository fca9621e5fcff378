# The seed lesson's benchmark: the same CPU work run sequentially, on 2 threads, on 2
# processes, and 2 I/O waits on 2 threads. Prints one JSON object of wall times in seconds;
# `cargo xtask bench-seed` runs it under gilpy and CPython and compares the ratios.
import json
import multiprocessing as mp
import threading
import time

N = 8_000_000
WAIT = 0.2


def count(n):
    while n > 0:
        n -= 1


def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def on_threads(target, args):
    threads = [threading.Thread(target=target, args=args) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def on_processes(ctx):
    processes = [ctx.Process(target=count, args=(N,)) for _ in range(2)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()


if __name__ == "__main__":
    ctx = mp.get_context("spawn")
    times = {
        "sequential": timed(lambda: (count(N), count(N))),
        "threads": timed(lambda: on_threads(count, (N,))),
        "processes": timed(lambda: on_processes(ctx)),
        "io_sequential": timed(lambda: (time.sleep(WAIT), time.sleep(WAIT))),
        "io_threads": timed(lambda: on_threads(time.sleep, (WAIT,))),
    }
    print(json.dumps(times))
