# asyncio's PriorityQueue and LifoQueue, a worker pool on a Queue, and await inside
# comprehensions in a coroutine (list, dict, set, in conditions).
import asyncio

async def producer(q, items):
    for item in items:
        await q.put(item)

async def main():
    pq = asyncio.PriorityQueue()
    await producer(pq, [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")])
    print([pq.get_nowait() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue(maxsize=3)
    for i in range(3):
        lq.put_nowait(i)
    print(lq.full(), [await lq.get() for _ in range(3)], lq.empty())
    q = asyncio.Queue()
    async def worker(name):
        while True:
            job = await q.get()
            print(name, "did", job)
            q.task_done()
    workers = [asyncio.create_task(worker(f"w{i}")) for i in range(2)]
    for job in range(5):
        q.put_nowait(job)
    await q.join()
    for w in workers:
        w.cancel()
    print("all done", q.qsize())

asyncio.run(main())

async def square(x):
    await asyncio.sleep(0)
    return x * x

async def comprehensions():
    tasks = [asyncio.create_task(square(i)) for i in range(4)]
    print([await t for t in tasks], {i: await square(i) for i in range(3)}, {await square(2)})
    print([x for x in [await square(3)] if x > 1], sum([await square(i) for i in range(3) if await square(i) < 5]))

asyncio.run(comprehensions())
