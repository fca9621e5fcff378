# The simulator's speed test: 1,000 threads that each count and sleep, run by
# `gilpy run --simulate --cores 64`. Prints the virtual seconds the run took.
import threading
import time


def work(n):
    while n > 0:
        n -= 1
    time.sleep(0.001)


start = time.perf_counter()
threads = [threading.Thread(target=work, args=(2_000,)) for _ in range(1_000)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"{time.perf_counter() - start:.4f}")
