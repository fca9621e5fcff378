# multiprocessing.Queue(maxsize): put waits for room, times out with queue.Full, and a
# producer process on a small queue hands every item over; a closed Pipe end refuses send,
# recv and poll.
import multiprocessing as mp, queue
def producer(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)
if __name__ == "__main__":
    q = mp.Queue(1)
    q.put(1)
    try:
        q.put(2, timeout=0.05)
    except queue.Full:
        print("Full")
    try:
        q.put_nowait(3)
    except queue.Full:
        print("Full again")
    print(q.full(), q.qsize(), q.get(), q.empty())
    bounded = mp.Queue(2)
    p = mp.Process(target=producer, args=(bounded, 20))
    p.start()
    got = []
    while (item := bounded.get()) is not None:
        got.append(item)
    p.join()
    print(got == list(range(20)), p.exitcode)
    a, b = mp.Pipe()
    a.send("hi"); print(b.recv(), b.poll())
    a.close()
    for f in (lambda: a.send(1), lambda: a.recv(), lambda: a.poll()):
        try:
            f()
        except OSError as e:
            print(type(e).__name__, e)
    print(a.closed, b.closed)
