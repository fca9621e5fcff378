# Async generator details: generator expressions with async for or await (made, not awaited),
# async comprehensions nested in comprehensions (3.11+), anext/asend awaitables as tasks and in
# gather, athrow on a finished generator, asend before start, StopAsyncIteration raised inside,
# closing after break (finally runs in the loop), and timers due together running together.
# versions: 3.13
import asyncio
async def nums(n=2):
    for i in range(n):
        await asyncio.sleep(0)
        yield i + 1
async def g(x):
    for i in range(x):
        yield i
async def double(x):
    await asyncio.sleep(0)
    return 2 * x
async def main():
    print([x async for x in (n * 10 async for n in nums())])
    squares = (n * n async for n in nums(4))
    print(type(squares).__name__)
    print([s async for s in squares])
    doubled = (await double(i) for i in range(3))
    print(type(doubled).__name__, [d async for d in doubled])
    print([[y async for y in g(x)] for x in range(3)])
def sync_maker(src):
    return (x async for x in src)
async def use():
    print([v async for v in sync_maker(nums(3))])
asyncio.run(main())
asyncio.run(use())
async def g():
    yield 1
async def main():
    x = g()
    async for _ in x: pass
    print(await x.athrow(ValueError('late')))
    y = g()
    try:
        await y.asend(5)
    except TypeError as e: print(e)
    async def s():
        yield 1
        raise StopAsyncIteration
    try:
        async for v in s(): print(v)
    except RuntimeError as e: print('RT', e, type(e.__cause__).__name__)
    async def ticks():
        yield 1
        yield 2
        yield 3
    t = ticks()
    print(await asyncio.create_task(anext(t)))
    print(await asyncio.gather(t.__anext__()))
    print(await asyncio.wait_for(t.__anext__(), 1))
    print(await asyncio.gather(anext(t, "end")))
asyncio.run(main())

async def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("cleanup", name)
        await asyncio.sleep(0)
        print("cleaned", name)
async def main():
    async for x in gen("a"):
        break
    print("after loop")
    await asyncio.sleep(0.01)
    print("later")
    async for x in gen("b"):
        print("got", x)
    print("end of main")
asyncio.run(main())
print("end")
async def w(n, log):
    await asyncio.sleep(0.01); log.append(n)
async def main():
    log = []; ts = [asyncio.create_task(w(i, log)) for i in range(3)]
    await ts[0]; print(log, [t.done() for t in ts])
async def fail(k):
    await asyncio.sleep(0.01)
    raise KeyError(k)
async def tg():
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(fail("e")); g.create_task(fail("f"))
    except* KeyError as eg:
        print(sorted(str(e) for e in eg.exceptions))
asyncio.run(main())
asyncio.run(tg())
