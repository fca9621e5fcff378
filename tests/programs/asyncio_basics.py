# Checks asyncio: gather order, tasks switching only at await, a CPU-bound coroutine blocking the loop, Lock, Queue, wait_for, as_completed, to_thread, cancel, wait.
import asyncio
import time


async def fetch(name, seconds):
    print(f"{name} starting")
    await asyncio.sleep(seconds)
    print(f"{name} done")
    return name


async def gather_demo():
    results = await asyncio.gather(fetch("A", 0.2), fetch("B", 0.1), fetch("C", 0.3))
    print("all done:", results)


start = time.perf_counter()
asyncio.run(gather_demo())
print("took about the longest wait:", 0.28 < time.perf_counter() - start < 0.6)


async def crunch():
    total = 0
    for i in range(100000):
        total += i
    return total


async def ticker(log):
    for _ in range(3):
        log.append("tick")
        await asyncio.sleep(0)


async def main():
    log = []
    task = asyncio.create_task(ticker(log))
    log.append("created")
    log.append(await crunch())
    await task
    print(log)

    lock = asyncio.Lock()
    async with lock:
        print("locked inside:", lock.locked())
    print("locked after:", lock.locked())

    queue = asyncio.Queue()

    async def producer():
        for i in range(3):
            await queue.put(i)
        await queue.put(None)

    async def consumer():
        got = []
        while (item := await queue.get()) is not None:
            got.append(item)
        return got

    _, got = await asyncio.gather(producer(), consumer())
    print("consumed:", got)

    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.05)
    except asyncio.TimeoutError:
        print("wait_for timed out")

    print("to_thread:", await asyncio.to_thread(sum, range(10)))
    # (as_completed starts them in an unspecified order, so these do not print when they start)
    for next_done in asyncio.as_completed([asyncio.sleep(0.05, "slow"), asyncio.sleep(0.01, "quick")]):
        print("completed:", await next_done)

    async def fail():
        raise ValueError("bad input")

    try:
        await asyncio.gather(fail(), asyncio.sleep(0.01))
    except ValueError as e:
        print("gather raised:", e)
    print(await asyncio.gather(fail(), asyncio.sleep(0.01, "ok"), return_exceptions=True))

    sleeper = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    print("cancel:", sleeper.cancel())
    try:
        await sleeper
    except asyncio.CancelledError:
        print("cancelled:", sleeper.cancelled())

    tasks = [asyncio.create_task(asyncio.sleep(d, d)) for d in (0.01, 0.5)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", [t.result() for t in done], len(pending))
    for t in pending:
        t.cancel()
    return "main result"


print(asyncio.run(main()))
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
