# versions: 3.13
# Exception groups (3.11+): ExceptionGroup and BaseExceptionGroup, split, subgroup and derive,
# their checks; TaskGroup raising the failures of its tasks and its body in a group; and the
# boxed traceback of an uncaught group, nested groups in nested boxes.
import asyncio
async def bad(n):
    await asyncio.sleep(0.01 * n)
    raise ValueError(f"bad {n}")
async def slow():
    await asyncio.sleep(1)
    return "never"
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(1)); tg.create_task(slow())
    except ExceptionGroup as eg:
        print(type(eg).__name__, eg, eg.message, [repr(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(bad(1))
            raise KeyError("body")
    except Exception as e:
        print(type(e).__name__, e, sorted(type(x).__name__ for x in e.exceptions))
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(asyncio.sleep(0, "ok"))
    print(t.result())
asyncio.run(main())
eg = ExceptionGroup("many", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3)])])
match, rest = eg.split(ValueError)
print(repr(match), repr(rest), eg.subgroup(TypeError), isinstance(eg, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
print(repr(BaseExceptionGroup("b", [ValueError()])), ExceptionGroup.__mro__)
for bad_args in [("m", []), (1, [ValueError()]), ("m", [1])]:
    try:
        ExceptionGroup(*bad_args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
async def bad2(n):
    await asyncio.sleep(0.01 * n)
    raise ValueError(f"bad {n}")
async def main2():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad2(1)); tg.create_task(bad2(2))
asyncio.run(main2())
