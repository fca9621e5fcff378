# asyncio across threads: run_coroutine_threadsafe onto a loop running in another thread (results,
# errors and cancellation crossing back), and asyncio.Runner running coroutines in turn (3.11+).
# versions: 3.13
import asyncio
import threading
import time


async def slow_square(x):
    await asyncio.sleep(0.01)
    return x * x


async def fails():
    await asyncio.sleep(0)
    raise ValueError("from the loop")


def loop_in_thread(loop, ready):
    asyncio.set_event_loop(loop)
    loop.call_soon(ready.set)
    loop.run_forever()


loop = asyncio.new_event_loop()
ready = threading.Event()
worker = threading.Thread(target=loop_in_thread, args=(loop, ready), name="loop-thread")
worker.start()
ready.wait()
futures = [asyncio.run_coroutine_threadsafe(slow_square(n), loop) for n in range(5)]
print([f.result(timeout=5) for f in futures])
bad = asyncio.run_coroutine_threadsafe(fails(), loop)
try:
    bad.result(timeout=5)
except ValueError as error:
    print("error crossed threads:", error)
long = asyncio.run_coroutine_threadsafe(asyncio.sleep(10), loop)
time.sleep(0.05)
print("cancelled:", long.cancel())
time.sleep(0.05)
try:
    asyncio.run_coroutine_threadsafe(42, loop)
except TypeError as error:
    print(error)
loop.call_soon_threadsafe(loop.stop)
worker.join()
loop.close()
print("loop closed:", loop.is_closed())


async def step(name):
    await asyncio.sleep(0)
    return f"{name} done in {threading.current_thread().name}"


with asyncio.Runner() as runner:
    print(runner.run(step("first")))
    print(runner.run(step("second")))
    print(runner.get_loop().is_closed())
try:
    late = step("late")
    runner.run(late)
except RuntimeError as error:
    print(error)
late.close()
