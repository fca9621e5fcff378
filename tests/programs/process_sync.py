# Checks the synchronization primitives between processes: an Event that starts workers, a
# Semaphore that lets two in at a time, a Condition that hands a value over, a Barrier, and
# an RLock taken twice by its owner.
import multiprocessing as mp
import time


def waiter(start, results, index):
    start.wait()
    results.put(("started", index))


def limited(gate, inside, peak, lock, index):
    with gate:
        with lock:
            inside.value += 1
            peak.value = max(peak.value, inside.value)
        time.sleep(0.05)
        with lock:
            inside.value -= 1


def producer(cond, box):
    time.sleep(0.05)
    with cond:
        box.value = 42
        cond.notify_all()


def meet(barrier, results, index):
    position = barrier.wait(timeout=10)
    results.put(position)


def nested(lock, results):
    with lock:
        with lock:
            results.put("inside twice")


if __name__ == "__main__":
    start = mp.Event()
    results = mp.Queue()
    workers = [mp.Process(target=waiter, args=(start, results, i)) for i in range(3)]
    for w in workers:
        w.start()
    time.sleep(0.05)
    print("before set:", results.empty(), start.is_set())
    start.set()
    for w in workers:
        w.join()
    print(sorted(results.get() for _ in range(3)), start.is_set())
    start.clear()
    print("wait after clear:", start.wait(0.05))

    gate = mp.Semaphore(2)
    inside, peak, lock = mp.Value("i", 0), mp.Value("i", 0), mp.Lock()
    workers = [mp.Process(target=limited, args=(gate, inside, peak, lock, i)) for i in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("at most inside at once:", peak.value, "semaphore value:", gate.get_value())

    bounded = mp.BoundedSemaphore(1)
    bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as error:
        print("ValueError:", error)
    print("acquire without blocking:", bounded.acquire(False), bounded.acquire(False))

    cond, box = mp.Condition(), mp.Value("i", 0)
    p = mp.Process(target=producer, args=(cond, box))
    p.start()
    with cond:
        got = cond.wait_for(lambda: box.value == 42, timeout=10)
    p.join()
    print("condition:", got, box.value)

    barrier = mp.Barrier(3)
    workers = [mp.Process(target=meet, args=(barrier, results, i)) for i in range(3)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("barrier positions:", sorted(results.get() for _ in range(3)))

    rlock = mp.RLock()
    p = mp.Process(target=nested, args=(rlock, results))
    p.start()
    p.join()
    print(results.get())
