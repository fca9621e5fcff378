# An async generator left by `break` is closed by the loop in a task of its own: its
# cleanup runs in the loop's next turn, between the awaits of the code that broke out.
import asyncio


async def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")


async def main():
    async for x in gen():
        break
    print("after break")
    for i in range(4):
        await asyncio.sleep(0)
        print("sleep", i)


asyncio.run(main())
