# asyncio.wait_for: from 3.12 the coroutine runs in the waiting task (task names show it),
# timeouts, a zero timeout, None; TaskGroup and timeout exist from 3.11 only.
import asyncio, sys
async def quick():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()
async def slow():
    await asyncio.sleep(1)
async def main():
    print(await asyncio.wait_for(quick(), 1))
    print(asyncio.create_task(asyncio.sleep(0)).get_name())
    try:
        await asyncio.wait_for(slow(), 0.01)
    except asyncio.TimeoutError:
        print("timed out")
    try:
        await asyncio.wait_for(slow(), 0)
    except asyncio.TimeoutError:
        print("timed out at once")
    print(await asyncio.wait_for(asyncio.sleep(0, "direct"), None))
    print(hasattr(asyncio, "TaskGroup"), hasattr(asyncio, "timeout"))
asyncio.run(main())
