# Coroutines called without await: CPython's RuntimeWarning, once per line, through the
# warnings filters; awaited, scheduled and gathered coroutines do not warn.
import asyncio
import warnings


async def work(n):
    await asyncio.sleep(0)
    return n * 10


class Worker:
    async def run(self):
        return "ran"


async def main():
    for i in range(3):
        work(i)
    Worker().run()
    asyncio.sleep(0.01)
    print(await work(1))
    task = asyncio.create_task(work(2))
    print(await task)
    print(await asyncio.gather(work(3), work(4)))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        work(5)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        work(6)
    print([str(w.message) for w in caught], caught[0].category.__name__)
    print("done")


work(0)
asyncio.run(main())
