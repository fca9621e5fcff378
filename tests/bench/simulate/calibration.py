# How long one CPU loop takes: under CPython (real time) and under `gilpy --simulate` (virtual
# time), to check the simulator's instruction cost against CPython's speed.
import time


def count(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


start = time.perf_counter()
count(2_000_000)
print(f"{time.perf_counter() - start:.4f}")
