# The event loop's exception handler: a callback that raises is reported and the loop goes
# on; a custom handler receives the context; asyncio.wait refuses bare coroutines (3.11+),
# and the loop's debug flag, task factory and default executor can be set.
import asyncio
import functools
import sys
from concurrent.futures import ThreadPoolExecutor


def boom(n):
    raise ValueError(f"bad {n}")


async def job(n):
    await asyncio.sleep(0)
    return n


async def custom_handler():
    loop = asyncio.get_running_loop()
    seen = []

    def handler(loop, context):
        seen.append((context["message"], type(context["exception"]).__name__,
                     str(context["exception"]), type(context["handle"]).__name__))

    print("handler before:", loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print("handler set:", loop.get_exception_handler() is handler)
    loop.call_soon(boom, 1)
    loop.call_soon(functools.partial(boom, 2))
    loop.call_later(0.01, boom, 3)
    await asyncio.sleep(0.05)
    for message, kind, text, handle in seen:
        print(message.split(" at ")[0], "|", kind, text, handle)
    loop.call_exception_handler({"message": "made by hand"})
    print(seen[-1] if len(seen) > 3 else "the hand-made context went through the handler")
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print("TypeError:", e)
    loop.set_exception_handler(None)


async def failing_handler():
    loop = asyncio.get_running_loop()

    def handler(loop, context):
        raise RuntimeError("the handler itself failed")

    loop.set_exception_handler(handler)
    loop.call_soon(boom, 4)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    loop.set_exception_handler(None)
    print("the loop survived a failing handler")


async def settings():
    loop = asyncio.get_running_loop()
    print("debug:", loop.get_debug())
    loop.set_debug(False)
    made = []

    def factory(loop, coro, **kwargs):
        made.append(getattr(coro, "__name__", "?"))
        return asyncio.Task(coro, loop=loop, **kwargs)

    loop.set_task_factory(factory)
    print("factory:", loop.get_task_factory() is factory)
    print(await asyncio.gather(job(1), job(2)), made)
    loop.set_task_factory(None)
    try:
        loop.set_default_executor(object())
    except TypeError as e:
        print("TypeError:", e)
    executor = ThreadPoolExecutor(1, thread_name_prefix="mine")
    loop.set_default_executor(executor)
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))


async def wait_checks():
    coros = [job(i) for i in range(2)]
    try:
        done, _ = await asyncio.wait(coros)
        print("wait took coroutines:", sorted(t.result() for t in done))
    except TypeError as e:
        print("TypeError:", e)
        for c in coros:
            c.close()
    for bad in (job(9), asyncio.ensure_future(job(8))):
        try:
            await asyncio.wait(bad)
        except TypeError as e:
            print("TypeError:", e)
        if asyncio.iscoroutine(bad):
            bad.close()
        else:
            await bad
    try:
        await asyncio.wait([asyncio.ensure_future(job(1))], return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    await asyncio.sleep(0)


async def main():
    await custom_handler()
    await failing_handler()
    await settings()
    await wait_checks()
    print("done")


asyncio.run(main(), debug=False)
print("after run", file=sys.stderr)
