# iter(callable, sentinel): the consumer loop `for job in iter(jobs.get, None)` in threads, a
# list drained to a sentinel, a counter, the errors of its arguments, and an error from the callable.
import queue
import threading

jobs = queue.Queue()
results = []


def worker():
    for job in iter(jobs.get, None):
        results.append(job * job)


threads = [threading.Thread(target=worker) for _ in range(3)]
for t in threads:
    t.start()
for n in range(10):
    jobs.put(n)
for _ in threads:
    jobs.put(None)
for t in threads:
    t.join()
print(sorted(results))
stack = [1, 2, 3, None, 5]
print(list(iter(stack.pop, 3)), stack)
count = 0


def tick():
    global count
    count += 1
    return count


print([x for x in iter(tick, 4)])
for bad in ((1, 2), (), (1, 2, 3)):
    try:
        iter(*bad)
    except TypeError as error:
        print("TypeError:", error)


def broken():
    raise ValueError("from the callable")


try:
    for x in iter(broken, 0):
        pass
except ValueError as error:
    print("ValueError:", error)
