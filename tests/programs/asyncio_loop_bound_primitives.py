# asyncio's locks and queues belong to the first event loop that waits on them (3.10+): one
# made at module level and waited on again from a second asyncio.run is refused with a clear
# error. Their reprs, and threading's (3.11+), say their state. Addresses are masked.
# versions: 3.13
import asyncio
import re
import sys
import threading


def masked(text):
    return re.sub(r"0x[0-9a-f]+", "0x…", text)


lock = asyncio.Lock()
semaphore = asyncio.Semaphore(1)
event = asyncio.Event()
queue = asyncio.Queue(maxsize=1)


async def hold_and_contend():
    async with lock:
        waiter = asyncio.ensure_future(lock.acquire())
        await asyncio.sleep(0)
        print(masked(repr(lock)))
    await waiter
    lock.release()
    async with semaphore:
        contender = asyncio.ensure_future(semaphore.acquire())
        await asyncio.sleep(0)
        print(masked(repr(semaphore)))
    await contender
    semaphore.release()
    print(masked(repr(semaphore)), masked(repr(event)))
    waiting = asyncio.ensure_future(event.wait())
    await asyncio.sleep(0)
    print(masked(repr(event)))
    event.set()
    await waiting
    event.clear()
    await queue.put("a")
    putter = asyncio.ensure_future(queue.put("b"))
    await asyncio.sleep(0)
    print(masked(repr(queue)), str(queue))
    print(await queue.get(), await queue.get())
    await putter
    queue.task_done()
    print(str(queue))
    return "first run done"


async def contend_again():
    results = []
    for name, primitive, wait in [
        ("lock", lock, lambda: lock.acquire()),
        ("semaphore", semaphore, lambda: semaphore.acquire()),
        ("event", event, lambda: event.wait()),
        ("queue", queue, lambda: queue.get()),
    ]:
        if name in ("lock", "semaphore"):
            await wait()  # free: no waiting, no loop asked for
            try:
                await asyncio.wait_for(wait(), 0.01)
            except RuntimeError as e:
                results.append(f"{name}: RuntimeError: {masked(str(e))}")
            except asyncio.TimeoutError:
                results.append(f"{name}: timed out")
            if name == "lock":
                lock.release()
            else:
                semaphore.release()
        else:
            try:
                await asyncio.wait_for(wait(), 0.01)
            except RuntimeError as e:
                results.append(f"{name}: RuntimeError: {masked(str(e))}")
            except asyncio.TimeoutError:
                results.append(f"{name}: timed out")
    return results


print(asyncio.run(hold_and_contend()))
for line in asyncio.run(contend_again()):
    print(line)


async def fresh_each_run():
    lock = asyncio.Lock()
    async with lock:
        task = asyncio.ensure_future(lock.acquire())
        await asyncio.sleep(0)
    await task
    lock.release()
    return masked(repr(lock))

print(asyncio.run(fresh_each_run()), asyncio.run(fresh_each_run()))

if sys.version_info >= (3, 11):
    barrier = asyncio.Barrier(2)
    print(masked(repr(barrier)))

print(masked(repr(threading.Event())), masked(repr(threading.Semaphore(2))))
print(masked(repr(threading.BoundedSemaphore(3))), masked(repr(threading.Barrier(2))))
