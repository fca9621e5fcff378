# asyncio's "Task exception was never retrieved": a task that failed and was never awaited is
# reported (with its coroutine and traceback); awaited or inspected ones are not.
import asyncio

async def bad():
    await asyncio.sleep(0)
    raise ValueError("lost error")

async def fine():
    return 1

async def main():
    asyncio.create_task(bad())
    t = asyncio.create_task(fine())
    handled = asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    print(await t)
    print(type(handled.exception()).__name__)
    print("main done")

asyncio.run(main())
print("after run")
