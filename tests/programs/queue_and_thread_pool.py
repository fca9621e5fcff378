# Checks queue (FIFO, LIFO, priority, task_done/join, timeouts), heapq, and ThreadPoolExecutor map/submit/as_completed.
import queue, threading, time, heapq
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
import concurrent.futures

q = queue.Queue()
results = []
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.append(item * 2)
        q.task_done()
t = threading.Thread(target=consumer)
t.start()
for i in range(5):
    q.put(i)
q.put(None)
q.join()
t.join()
print(results, q.empty(), q.qsize())
pq = queue.PriorityQueue()
for p in [5, 1, 4, 2, 3]:
    pq.put((p, f"task{p}"))
print([pq.get()[1] for _ in range(5)])
lq = queue.LifoQueue(); [lq.put(i) for i in range(3)]; print(lq.get(), lq.get())
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty raised")
h = [5, 3, 8, 1, 9, 2]; heapq.heapify(h); print(h, [heapq.heappop(h) for _ in range(3)])

def square(x):
    time.sleep(0.01)
    return x * x
with ThreadPoolExecutor(max_workers=4) as pool:
    print(list(pool.map(square, range(8))))
    futures = [pool.submit(square, n) for n in range(5)]
    print(sorted(f.result() for f in as_completed(futures)))
    f = pool.submit(lambda: 1 / 0)
    print(type(f.exception()).__name__, f.done())
print(concurrent.futures.ALL_COMPLETED)
