# Asynchronous generators (`async def` with `yield`), as CPython's Objects/genobject.c has them.
# A `_gilpy_` module: its frames are ours, not the program's, and tracebacks leave them out.
# The compiler makes the body a plain generator whose `yield`s hand out marked values; its
# `await`s pass what they wait on straight up. Each `asend`/`athrow` awaitable below drives
# that generator: a marked value completes the step, anything else goes up to the event loop.
from _asyncio import asyncgen_unwrap

_INIT, _ITER, _CLOSED = 0, 1, 2


class async_generator:
    __module__ = "builtins"
    __slots__ = ("_gen", "_running", "_finished", "_started")

    def __init__(self, gen):
        self._gen = gen
        self._running = False
        self._finished = False
        self._started = False

    @property
    def __name__(self):
        return self._gen.__name__

    @property
    def __qualname__(self):
        return self._gen.__qualname__

    @property
    def ag_running(self):
        return self._running

    def __repr__(self):
        return "<async_generator object %s at %#x>" % (self._gen.__qualname__, id(self))

    def __aiter__(self):
        return self

    def __anext__(self):
        return _Step(self, "anext", None)

    def asend(self, value):
        return _Step(self, "asend", value)

    def athrow(self, typ, val=None, tb=None):
        if val is None:
            val = typ() if isinstance(typ, type) else typ
        return _Step(self, "athrow", val)

    def aclose(self):
        return _Step(self, "aclose", GeneratorExit())


class _Step:
    """One `asend` (or `__anext__`), `athrow` or `aclose` of an async generator: awaited, it
    runs the generator until its next `yield`, passing the event loop what the generator
    awaits meanwhile."""

    __slots__ = ("_agen", "_kind", "_value", "_state", "_driver")

    def __init__(self, agen, kind, value):
        self._agen = agen
        self._kind = kind
        self._value = value
        self._state = _INIT
        self._driver = None

    def __await__(self):
        return self._run()

    # A coroutine's methods, so that asyncio can make a task of it (`create_task(anext(g))`).
    def send(self, value):
        if self._driver is None:
            self._driver = self._run()
        return self._driver.send(value)

    def throw(self, typ, val=None, tb=None):
        if self._driver is None:
            self._driver = self._run()
        return self._driver.throw(typ if val is None else val)

    def close(self):
        if self._driver is not None:
            self._driver.close()

    def _run(self):
        agen = self._agen
        kind = self._kind
        if self._state == _CLOSED:
            raise RuntimeError(
                "cannot reuse already awaited %s()" % ("aclose" if kind == "aclose" else kind)
            )
        self._state = _ITER
        if agen._running:
            what = "anext" if kind in ("anext", "asend") else kind
            raise RuntimeError("%s(): asynchronous generator is already running" % what)
        if agen._finished:
            self._state = _CLOSED
            if kind in ("aclose", "athrow"):
                return None
            raise StopAsyncIteration
        if kind == "asend" and self._value is not None and not agen._started:
            raise TypeError("can't send non-None value to a just-started async generator")
        gen = agen._gen
        thrown = self._value if kind in ("athrow", "aclose") else None
        sent = None if thrown is not None else self._value
        agen._running = True
        agen._started = True
        ended = False
        try:
            while True:
                try:
                    if thrown is not None:
                        error, thrown = thrown, None
                        out = gen.throw(error)
                    else:
                        out = gen.send(sent)
                except StopIteration:
                    ended = True
                    break
                except GeneratorExit:
                    if kind != "aclose":
                        raise
                    ended = True
                    break
                except StopAsyncIteration as error:
                    agen._finished = True
                    raise RuntimeError("async generator raised StopAsyncIteration") from error
                except BaseException:
                    agen._finished = True
                    raise
                marked, value = asyncgen_unwrap(out)
                if marked:
                    if kind == "aclose":
                        agen._finished = True
                        raise RuntimeError("async generator ignored GeneratorExit")
                    return value
                try:
                    sent = yield out
                except BaseException as error:
                    thrown = error
        finally:
            agen._running = False
            self._state = _CLOSED
        # Outside the handlers, so that it chains to nothing.
        if ended:
            agen._finished = True
            if kind != "aclose":
                raise StopAsyncIteration
        return None


def _finalize(agen):
    # The VM calls this as it drops a suspended async generator (after a `break` out of its
    # `async for`). As CPython's loop does, the running loop closes it in a task of its own,
    # so its `finally` blocks may await; with no loop, its generator is closed at once.
    if agen._finished or not agen._started or agen._running:
        return
    loop = None
    try:
        import asyncio
        loop = asyncio._running_loop()
    except ImportError:
        pass
    if loop is not None and not loop.is_closed():
        loop.call_soon_threadsafe(loop.create_task, agen.aclose())
    else:
        agen._finished = True
        agen._gen.close()


def aiter(iterable):
    aiter_method = getattr(type(iterable), "__aiter__", None)
    if aiter_method is None:
        raise TypeError("'%s' object is not an async iterable" % type(iterable).__name__)
    return aiter_method(iterable)


_MISSING = object()


def anext(iterator, default=_MISSING):
    anext_method = getattr(type(iterator), "__anext__", None)
    if anext_method is None:
        raise TypeError("'%s' object is not an async iterator" % type(iterator).__name__)
    if default is _MISSING:
        return anext_method(iterator)
    return _anext_or_default(anext_method(iterator), default)


async def _anext_or_default(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
