# A coroutine kept in a variable and never awaited: CPython frees it as the coroutine that made
# it returns, and warns, naming the line that was running then (the one that resumed it).
import asyncio


async def fetch():
    return 1


async def forgetful():
    result = fetch()
    print("made", type(result).__name__)
    return "forgetful done"


async def careful():
    pending = fetch()
    return await pending


coroutine = forgetful()
try:
    coroutine.send(None)
except StopIteration as stop:
    print(stop.value)
print(asyncio.run(careful()))
print("end")
