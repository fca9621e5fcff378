# An exception that leaves an except or finally body ends the handling of the one before it:
# what is raised afterwards has no stale __context__.
import asyncio


def context_of(action):
    try:
        action()
    except Exception as error:
        return repr(error.__context__)


def nested_then_fresh():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise ValueError("b")
    except ValueError as error:
        print("b's context:", repr(error.__context__))
    raise TypeError("c")


def from_a_finally():
    try:
        try:
            raise KeyError("x")
        finally:
            raise ValueError("y")
    except ValueError:
        pass
    raise TypeError("z")


def called_handler():
    def inner():
        try:
            raise KeyError("in")
        except KeyError:
            raise ValueError("out")

    try:
        inner()
    except ValueError:
        pass
    raise TypeError("later")


def inside_a_handler():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            pass
        raise TypeError("still in outer")


print(context_of(nested_then_fresh))
print(context_of(from_a_finally))
print(context_of(called_handler))
print(context_of(inside_a_handler))


class Failing:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        raise RuntimeError("exit failed")


async def main():
    try:
        async with Failing():
            raise KeyError("body")
    except RuntimeError as error:
        print("exit's context:", repr(error.__context__))
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print("timed out")
    try:
        raise ValueError("fresh")
    except ValueError as error:
        print("fresh context:", repr(error.__context__))


asyncio.run(main())
