# What a bound method tells about itself (`__self__`, `__func__`, `__name__`, `__qualname__`),
# which asyncio uses to name a callback in its reports; and how many cores the process may
# use, as `os.sched_getaffinity(0)` (and 3.13's `os.process_cpu_count()`) count them.
import asyncio
import os
import sys


class Worker:
    def step(self, n):
        "One step."
        return n + 1

    @classmethod
    def make(cls):
        return cls()


worker = Worker()
bound = worker.step
print(bound.__self__ is worker, bound.__func__ is Worker.step, bound.__name__, bound.__qualname__)
print(bound.__doc__, bound.__module__, bound.__func__(worker, 1), bound(2))
made = Worker.make
print(made.__self__ is Worker, made.__name__, made.__qualname__, type(made.__func__).__name__)
items = []
append = items.append
print(append.__self__ is items, append.__name__, append.__qualname__, append.__module__)
print(print.__name__, print.__qualname__, len.__qualname__)
try:
    append.__func__
except AttributeError as e:
    print("AttributeError about __func__:", "__func__" in str(e))


class Reporter:
    def boom(self):
        raise RuntimeError("from a bound method")


async def main():
    loop = asyncio.get_running_loop()
    seen = []
    loop.set_exception_handler(lambda loop, context: seen.append(context["message"]))
    loop.call_soon(Reporter().boom)
    await asyncio.sleep(0)
    print(seen)


asyncio.run(main())

cores = os.sched_getaffinity(0)
print(type(cores).__name__, len(cores) == os.cpu_count(), min(cores))
if sys.version_info >= (3, 13):
    print(os.process_cpu_count() == os.cpu_count())
else:
    print(hasattr(os, "process_cpu_count"))
