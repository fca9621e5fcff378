# Exception notes (3.11+): add_note and __notes__, notes on TaskGroup failures caught with except*,
# and the notes printed after the last line of an uncaught exception.
# versions: 3.13
import asyncio
try:
    raise ValueError("bad input")
except ValueError as e:
    e.add_note("while parsing line 3")
    e.add_note("check the config file")
    print(e.__notes__)
try:
    ValueError().add_note(5)
except TypeError as e:
    print(e)
async def fetch(n):
    await asyncio.sleep(0)
    error = KeyError(n)
    error.add_note(f"task {n} failed")
    raise error
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for n in range(2):
                tg.create_task(fetch(n))
    except* KeyError as eg:
        for e in eg.exceptions:
            print(repr(e), e.__notes__)
asyncio.run(main())
err = RuntimeError("final")
err.add_note("a note on the uncaught exception")
raise err
