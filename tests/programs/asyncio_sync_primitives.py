# asyncio's Condition, Barrier (3.11+), shield and iscoroutinefunction, as course examples use them.
import asyncio
import sys


async def producer_consumer():
    cond = asyncio.Condition()
    items = []

    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: items)
            print(name, "got", items.pop(0))

    async def producer():
        for i in range(3):
            await asyncio.sleep(0)
            async with cond:
                items.append(i)
                cond.notify()

    await asyncio.gather(consumer("a"), consumer("b"), consumer("c"), producer())
    try:
        cond.notify()
    except RuntimeError as error:
        print("RuntimeError:", error)


async def barrier():
    if sys.version_info < (3, 11):
        print("no Barrier before 3.11")
        return
    b = asyncio.Barrier(3)
    order = []

    async def runner(n):
        await asyncio.sleep(n * 0.001)
        index = await b.wait()
        order.append((n, index))

    await asyncio.gather(*(runner(n) for n in range(3)))
    print(sorted(order), b.parties, b.n_waiting, b.broken)
    await b.abort()
    try:
        await b.wait()
    except asyncio.BrokenBarrierError:
        print("broken:", b.broken)


async def shielded():
    async def slow():
        await asyncio.sleep(0.02)
        return "done"

    inner = asyncio.ensure_future(slow())
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled, inner cancelled:", inner.cancelled())
    print("inner result:", await inner)
    print(await asyncio.shield(slow()))


class Service:
    async def fetch(self):
        return 1

    def plain(self):
        return 2


print(asyncio.iscoroutinefunction(Service.fetch), asyncio.iscoroutinefunction(Service().fetch))
print(asyncio.iscoroutinefunction(Service.plain), asyncio.iscoroutinefunction(len))
asyncio.run(producer_consumer())
asyncio.run(barrier())
asyncio.run(shielded())
