# What printing a task or a future shows, as CPython's reprs: the state, the task's name,
# where its coroutine is (running at the line it waits on, or done, defined at its first
# line), and the result or exception, long ones cut in the middle as reprlib cuts them.
# Paths are shortened: this file's to its name, the standard library's to <stdlib>.
import asyncio
import re


def show(value):
    def place(match):
        path, line = match.group(2), match.group(3)
        if path.endswith("asyncio_task_reprs.py"):
            return f"{match.group(1)} asyncio_task_reprs.py:{line}"
        return f"{match.group(1)} <stdlib>"
    print(re.sub(r"(running at|defined at) (.+?):(\d+)>", lambda m: place(m) + ">", repr(value)))


async def worker(name, result):
    await asyncio.sleep(0)
    return result


async def failing():
    await asyncio.sleep(0)
    raise ValueError("no luck")


async def main():
    task = asyncio.create_task(worker("a", "A"), name="task-a")
    show(task)
    await asyncio.sleep(0)
    show(task)
    await task
    show(task)
    results = ["x" * 50, list(range(10)), (1,), {"b": 2, "a": 1, "c": 3, "d": 4, "e": 5},
               10 ** 50, 2.5, None, [[[[[[[1]]]]]]]]
    for i, result in enumerate(results):
        done = asyncio.create_task(worker(i, result), name=f"r{i}")
        await done
        show(done)
    bad = asyncio.create_task(failing(), name="bad")
    try:
        await bad
    except ValueError:
        pass
    show(bad)
    sleeper = asyncio.create_task(asyncio.sleep(10), name="sleeper")
    await asyncio.sleep(0)
    sleeper.cancel()
    try:
        await sleeper
    except asyncio.CancelledError:
        pass
    show(sleeper)
    future = asyncio.get_running_loop().create_future()
    future.set_result([1, 2, 3])
    show(future)
    failed = asyncio.get_running_loop().create_future()
    failed.set_exception(KeyError("k"))
    show(failed)
    failed.exception()


asyncio.run(main())
