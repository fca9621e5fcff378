# Many small asyncio tasks, as the asyncio lessons start them: gather over tasks that each give
# the loop a few turns, and an asyncio.Queue between a producer and a consumer task. It
# measures the event loop (tasks, futures, callbacks), not the work.
import asyncio


async def step(n):
    for _ in range(3):
        await asyncio.sleep(0)
    return n


async def produce(items, count):
    for i in range(count):
        await items.put(i)
    await items.put(None)


async def consume(items):
    total = 0
    while (item := await items.get()) is not None:
        total += item
    return total


async def main():
    results = await asyncio.gather(*(step(n) for n in range(5_000)))
    items = asyncio.Queue(maxsize=50)
    _, total = await asyncio.gather(produce(items, 20_000), consume(items))
    print(sum(results), total)


asyncio.run(main())
