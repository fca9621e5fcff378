# Async generators and async iteration: `async for` over generators and classes, async
# comprehensions, asend/athrow/aclose, and errors raised from inside an async generator.
import asyncio


async def ticker(n, delay=0):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield i
    finally:
        print("ticker", n, "cleaned up")


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n


async def echo():
    received = yield "ready"
    while received is not None:
        try:
            received = yield received.upper()
        except KeyError as error:
            received = yield f"recovered from {error!r}"


async def produce(name, count, queue_out):
    async for i in ticker(count, 0.01):
        queue_out.append(f"{name}{i}")


async def broken():
    yield 1
    await asyncio.sleep(0)
    raise ValueError("broken generator")


async def main():
    async for x in ticker(3):
        print("tick", x)
    else:
        print("loop else ran")
    async for x in Countdown(4):
        if x == 1:
            break
        print("count", x)
    print([x * 2 async for x in ticker(4)])
    print({x: x * x async for x in Countdown(3)})
    print([x async for x in ticker(6) if x % 2])
    agen = ticker(2)
    print(type(agen).__name__, agen.__name__)
    print(await agen.__anext__(), await agen.__anext__())
    try:
        await agen.__anext__()
    except StopAsyncIteration as stop:
        print("exhausted:", repr(stop))
    talk = echo()
    print(await talk.asend(None), await talk.asend("hi"), await talk.athrow(KeyError("k")))
    print(await talk.asend("again"))
    await talk.aclose()
    try:
        await talk.asend("late")
    except StopAsyncIteration:
        print("closed generators stop")
    first = ticker(10)
    print("first item", await first.__anext__())
    await first.aclose()
    merged = []
    await asyncio.gather(produce("a", 3, merged), produce("b", 2, merged))
    print(sorted(merged))
    try:
        async for item in broken():
            print("got", item)
    except ValueError as error:
        print("caught:", error)
    try:
        async for item in 42:
            pass
    except TypeError as error:
        print(error)


asyncio.run(main())
