# contextlib for asyncio: asynccontextmanager (with exceptions, suppression, and as a decorator on
# 3.10+), AsyncExitStack, and aclosing (3.10+).
import asyncio
from contextlib import asynccontextmanager, AsyncExitStack

@asynccontextmanager
async def connection(name):
    print("open", name)
    await asyncio.sleep(0)
    try:
        yield f"conn-{name}"
    finally:
        await asyncio.sleep(0)
        print("close", name)

@asynccontextmanager
async def suppressing():
    try:
        yield
    except KeyError as e:
        print("suppressed", repr(e))

@asynccontextmanager
async def timer(label):
    yield
    print("timed", label)

@timer("decorated")
async def job():
    print("job runs")
    return 5

async def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("numbers closed")

async def main():
    async with connection("db") as c:
        print("using", c)
    try:
        async with connection("x"):
            raise ValueError("boom")
    except ValueError as e:
        print("propagated", e)
    async with suppressing():
        raise KeyError("k")
    print(await job())
    async with AsyncExitStack() as stack:
        a = await stack.enter_async_context(connection("a"))
        b = await stack.enter_async_context(connection("b"))
        stack.callback(print, "sync callback")
        print("inside", a, b)
    import sys
    if sys.version_info >= (3, 10):
        from contextlib import aclosing
        async with aclosing(numbers()) as gen:
            async for n in gen:
                print("n", n)
                break
        print("after aclosing")

asyncio.run(main())
