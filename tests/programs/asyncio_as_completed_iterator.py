# asyncio.as_completed in the order tasks finish: awaitables from a plain for, and from 3.13
# the finished tasks themselves from an async for; a timeout; a bare coroutine refused. Also
# ExitStack entering a threading lock, which looks __enter__ up on the lock's type.
import asyncio
import contextlib
import sys
import threading


async def job(name, delay):
    await asyncio.sleep(delay)
    if name == "bad":
        raise ValueError(name)
    return name


async def main():
    for aw in asyncio.as_completed([job("slow", 0.03), job("fast", 0.01), job("mid", 0.02)]):
        print("plain for:", await aw)
    if sys.version_info >= (3, 13):
        tasks = [asyncio.create_task(job(n, d), name=n) for n, d in [("b", 0.02), ("a", 0.01)]]
        async for task in asyncio.as_completed(tasks + [job("c", 0.03)]):
            print("async for:", task in tasks, task.done(), await task)
    try:
        for aw in asyncio.as_completed([job("never", 1)], timeout=0.01):
            await aw
    except asyncio.TimeoutError:
        print("timed out")
    try:
        for aw in asyncio.as_completed([job("bad", 0)]):
            await aw
    except ValueError as e:
        print("ValueError:", e)
    twice = job("given twice", 0)
    print("once:", [await aw for aw in asyncio.as_completed([twice, twice])])
    task = asyncio.ensure_future(job("task given three times", 0))
    print("once:", [await aw for aw in asyncio.as_completed([task, task, task])])
    pending = job("x", 0)
    try:
        for aw in asyncio.as_completed(pending):
            await aw
    except TypeError as e:
        print("TypeError:", e)
    pending.close()
    await asyncio.sleep(0.05)


asyncio.run(main())

lock = threading.Lock()
with contextlib.ExitStack() as stack:
    stack.enter_context(lock)
    print("held in the stack:", lock.locked())
print("released:", lock.locked())
print(type(lock).__name__, hasattr(type(lock), "acquire"), hasattr(type(threading.RLock()), "release"))
