# Generators' and coroutines' __name__ and __qualname__; awaiting a finished coroutine again
# raises RuntimeError; task.cancel(msg) and the CancelledError a waiter sees (its message from
# 3.11, none before).
import asyncio
def gen():
    yield 1
async def co():
    return 1
g = gen(); c = co()
print(g.__name__, g.__qualname__, (x for x in []).__name__, c.__name__, c.__qualname__)
c.close()
async def main():
    c = co()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError", e)
    t = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t.cancel("why")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", e.args)
asyncio.run(main())
