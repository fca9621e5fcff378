# versions: 3.13
# TaskGroup and cancellation: a timeout around the group cancels the group's tasks (their
# cleanup runs), a failing task stops the body at its next await, and Task.cancelling()
# counts the cancellations requested.
import asyncio


async def forever(name, log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise


async def fails_soon():
    await asyncio.sleep(0.01)
    raise ValueError("fetch failed")


async def main():
    log = []
    try:
        async with asyncio.timeout(0.02):
            async with asyncio.TaskGroup() as group:
                group.create_task(forever("a", log))
                group.create_task(forever("b", log))
    except TimeoutError:
        print("timed out; children:", sorted(log))

    log = []
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fails_soon())
            group.create_task(forever("sibling", log))
            await asyncio.sleep(10)
            log.append("body finished")
    except* ValueError as errors:
        print("group failed:", [str(e) for e in errors.exceptions], log)

    task = asyncio.current_task()
    print("cancelling:", task.cancelling())
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError as error:
        print("cause:", type(error.__cause__).__name__, "cancelling:", task.cancelling())

    async def victim():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            me = asyncio.current_task()
            print("victim cancelling:", me.cancelling(), "after uncancel:", me.uncancel())
            return "survived"

    task = asyncio.create_task(victim())
    await asyncio.sleep(0)
    task.cancel()
    print(await task)


asyncio.run(main())
