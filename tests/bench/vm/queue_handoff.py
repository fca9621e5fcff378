# Threads handing work over, as the I/O lessons do: a queue.Queue from a producer to two
# consumers, and a ThreadPoolExecutor mapping a small function over many items. It measures
# the machinery (locks, conditions, the queue, futures), not the work.
import queue
import threading
from concurrent.futures import ThreadPoolExecutor


def produce(jobs, count, consumers):
    for i in range(count):
        jobs.put(i)
    for _ in range(consumers):
        jobs.put(None)


def consume(jobs, totals):
    total = 0
    while (item := jobs.get()) is not None:
        total += item
    totals.append(total)


jobs = queue.Queue(maxsize=100)
totals = []
workers = [threading.Thread(target=consume, args=(jobs, totals)) for _ in range(2)]
for worker in workers:
    worker.start()
produce(jobs, 20_000, len(workers))
for worker in workers:
    worker.join()

with ThreadPoolExecutor(max_workers=4) as pool:
    squares = list(pool.map(lambda n: n * n, range(10_000)))
print(sum(totals), sum(squares))
