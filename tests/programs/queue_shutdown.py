# versions: 3.13
# Queue.shutdown (3.13): producers are refused, consumers drain what is left and then stop
# on ShutDown instead of a sentinel; asyncio.Queue has the same. threading.excepthook gets
# the traceback of the exception that ended a thread.
import asyncio
import queue
import threading
import traceback

jobs = queue.Queue()
done = []


def consumer(name):
    while True:
        try:
            item = jobs.get()
        except queue.ShutDown:
            done.append(f"{name} stopped")
            return
        done.append(item * 10)
        jobs.task_done()


workers = [threading.Thread(target=consumer, args=(f"w{i}",)) for i in range(2)]
for w in workers:
    w.start()
for item in range(5):
    jobs.put(item)
jobs.join()
jobs.shutdown()
for w in workers:
    w.join()
print(sorted(done, key=str))
try:
    jobs.put(99)
except queue.ShutDown:
    print("put refused")

pending = queue.Queue()
for item in range(3):
    pending.put(item)
pending.shutdown(immediate=True)
print(pending.qsize(), pending.unfinished_tasks)


async def main():
    q = asyncio.Queue()

    async def worker():
        seen = []
        while True:
            try:
                seen.append(await q.get())
            except asyncio.QueueShutDown:
                return seen

    task = asyncio.create_task(worker())
    for item in "abc":
        await q.put(item)
    q.shutdown()
    print(await task)


asyncio.run(main())

seen = []


def hook(args):
    frames = traceback.extract_tb(args.exc_traceback)
    seen.append((args.exc_type.__name__, [frame.name for frame in frames][-1]))


def fails():
    1 / 0


threading.excepthook = hook
t = threading.Thread(target=fails)
t.start()
t.join()
threading.excepthook = threading.__excepthook__
print(seen)
