# multiprocessing.Value and Array: numbers in shared memory, changed by child processes.
import multiprocessing as mp
def add(v, a, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1
    with a.get_lock():  # the children run at once: unlocked, an update can be lost
        a[0] += 1
if __name__ == "__main__":
    v = mp.Value("i", 0)
    a = mp.Array("d", [0.0, 1.5])
    ps = [mp.Process(target=add, args=(v, a, 100)) for _ in range(2)]
    for p in ps: p.start()
    for p in ps: p.join()
    print(v.value, a[:], len(a))
