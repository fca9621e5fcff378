# except* (PEP 654): splitting groups between clauses, lone exceptions caught as groups of one,
# what clauses raise combined with what none matched, TaskGroup failures, and the errors.
# versions: 3.13
import asyncio

def show(label, fn):
    try:
        fn()
    except BaseException as exc:
        print(label, "->", type(exc).__name__, repr(exc))
    else:
        print(label, "-> nothing")

def case1():
    try:
        raise ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as eg:
        print("values:", repr(eg))
    except* TypeError as eg:
        print("types:", repr(eg))

def case2():
    try:
        raise ExceptionGroup("many", [ValueError(1), KeyError(2)])
    except* ValueError:
        print("handled values")

def case3():
    try:
        raise ValueError("lone")
    except* ValueError as eg:
        print("lone caught as", repr(eg))

def case4():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("new in handler")

def case5():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise

def case6():
    try:
        raise KeyError("x")
    except* ValueError:
        print("not here")

def case7():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("else ran")
    finally:
        print("finally ran")

def case8():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass

def case9():
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
    except* (ValueError, OSError) as eg:
        print("tuple:", repr(eg))
    except* TypeError as eg:
        print("nested:", repr(eg), eg.exceptions[0].message)

for i, fn in enumerate([case1, case2, case3, case4, case5, case6, case7, case8, case9], 1):
    show(f"case{i}", fn)

async def fail(n):
    await asyncio.sleep(0.01 * n)
    raise ValueError(f"task {n} failed")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for n in range(3):
                tg.create_task(fail(n))
    except* ValueError as eg:
        print("TaskGroup errors:", sorted(str(e) for e in eg.exceptions))

asyncio.run(main())
try:
    raise ExceptionGroup("top", [ValueError(1), TypeError(2)])
except* ValueError:
    print("top-level handled")
