# A KeyboardInterrupt raised in the task asyncio.run made reaches the caller, and the task is
# not also reported as "Task exception was never retrieved" (the caller cannot reach it).
import asyncio


async def interrupted():
    await asyncio.sleep(0)
    raise KeyboardInterrupt


try:
    asyncio.run(interrupted())
except KeyboardInterrupt:
    print("the caller got the KeyboardInterrupt")
print("and nothing was reported as never retrieved")
