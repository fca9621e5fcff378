# multiprocessing.Value, Array, RawValue and RawArray as CPython's sharedctypes shows them:
# Synchronized wrappers with an RLock, raw c_int values without one, char arrays of bytes;
# processes share them, and the lock keeps their increments.
import multiprocessing as mp


def add(counter, total, letters, n):
    for _ in range(n):
        with counter.get_lock():
            counter.value += 1
    with total.get_lock():
        total[0] += n
    letters[0] = b"z"


if __name__ == "__main__":
    mp.set_start_method("spawn")
    counter = mp.Value("i", 0)
    total = mp.Array("q", 2)
    letters = mp.RawArray("c", b"abc")
    procs = [mp.Process(target=add, args=(counter, total, letters, 500)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(counter.value, total[:], letters.value, letters[:], type(letters).__name__)
    raw = mp.Value("d", 2.5, lock=False)
    print(raw, type(raw).__name__, type(raw).__module__, hasattr(raw, "get_lock"))
    shared = mp.Array("i", [1, 2, 3], lock=mp.Lock())
    print(len(shared), list(shared), shared[1:], type(shared.get_lock()).__name__ != "")
    try:
        mp.Value("i", "x")
    except TypeError as e:
        print(e)
