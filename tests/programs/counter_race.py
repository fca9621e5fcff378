# Checks the counter race per version: `counter += 1` on a global loses updates in 3.9 but not 3.10+; `counter = counter + f()` loses them everywhere.
import sys
import threading

N = 1_000_000
# Many switches, so that the outcome does not hang on how many fit in the run: a fast
# interpreter finishes a million rounds in a few 5 ms slices, and some runs lost nothing.
sys.setswitchinterval(0.0001)
counter = 0
other = 0

def one():
    return 1

def plus_equals():
    global counter
    for _ in range(N):
        counter += 1

def plus_call():
    global other
    for _ in range(N):
        other = other + one()

threads = [threading.Thread(target=plus_equals) for _ in range(2)]
threads += [threading.Thread(target=plus_call) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter += 1 reached 2,000,000:", counter == 2 * N)
print("counter = counter + f() reached 2,000,000:", other == 2 * N)
print("never more than the total:", counter <= 2 * N and other <= 2 * N)
