# What the concurrency APIs say when misused, in CPython's words: a future set twice, gather
# given a list, a thread-local's missing attribute, the camelCase threading names (deprecated
# from 3.10), and a function's repr, which names its address.
import asyncio
import re
import threading


def main():
    pass


print(re.sub(r"0x[0-9a-f]+", "0x…", repr(main)), re.sub(r"0x[0-9a-f]+", "0x…", repr(lambda: 0)))


async def futures():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result(1)
    cancelled = loop.create_future()
    cancelled.cancel()
    for label, op in [("set_result twice", lambda: done.set_result(2)),
                      ("set_exception after a result", lambda: done.set_exception(ValueError())),
                      ("set_result after cancel", lambda: cancelled.set_result(1))]:
        try:
            op()
        except asyncio.InvalidStateError as e:
            print(label, "->", type(e).__name__, e)
    pending = asyncio.sleep(0)
    try:
        await asyncio.gather([pending])
    except TypeError as e:
        print("gather(list) ->", e)
    pending.close()
    print(await asyncio.gather(asyncio.sleep(0, "a"), asyncio.sleep(0, "b")))


asyncio.run(futures())

local = threading.local()
for label, op in [("read", lambda: local.user), ("delete", lambda: delattr(local, "user"))]:
    try:
        op()
    except AttributeError as e:
        print(label, "->", e)


class Session(threading.local):
    pass


try:
    Session().user
except AttributeError as e:
    print("subclass ->", e)

worker = threading.Thread(target=main, name="worker")
print(worker.getName(), worker.isDaemon())
worker.setName("renamed")
worker.setDaemon(True)
print(worker.name, worker.daemon, threading.currentThread().name, threading.activeCount())
print(threading.Event().isSet())
