# Checks multiprocessing.Manager: a dict, list, Value, Namespace, Lock, Queue and Event shared through proxies.
import multiprocessing as mp


def record(results, log, total, ns, lock, queue, n):
    with lock:
        results[n] = n * n
        log.append(n)
        total.value += n
    ns.last = n
    queue.put(n * 10)


if __name__ == "__main__":
    with mp.Manager() as manager:
        results = manager.dict()
        log = manager.list()
        total = manager.Value("i", 0)
        ns = manager.Namespace()
        lock = manager.Lock()
        queue = manager.Queue()
        workers = [mp.Process(target=record, args=(results, log, total, ns, lock, queue, n)) for n in range(1, 5)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        print(sorted(results.items()), sorted(log), total.value, ns.last in (1, 2, 3, 4))
        print(sorted(queue.get() for _ in workers), queue.empty())
        print(len(results), 2 in results, results.get(9, "missing"), sorted(results.keys()))
        print(type(results).__name__, type(log).__name__, str(results) == str(dict(results)))
        results.update({9: 81})
        print(results.pop(9), len(results), dict(sorted(results.items())))
        log.extend([0, 0])
        print(log.count(0), len(log), log[-1], sorted(list(log)))
        done = manager.Event()
        print(done.is_set(), done.set(), done.is_set())
        try:
            results["nope"]
        except KeyError as error:
            print("KeyError", error)
    print([w.exitcode for w in workers], workers[0].name)
