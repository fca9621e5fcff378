"""Context managers made simple: contextmanager, suppress, nullcontext, closing, ExitStack,
and their asynchronous kinds (asynccontextmanager, aclosing, AsyncExitStack), written after
CPython's contextlib."""

import sys
from functools import wraps
from _asyncio import iscoroutine as _iscoroutine


class _GeneratorContextManager:
    """A context manager driven by a generator that yields once."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                self.gen.close()
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            # The generator swallowed the exception (or it was a StopIteration itself).
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, StopIteration) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        try:
            raise RuntimeError("generator didn't stop after throw()")
        finally:
            self.gen.close()

    def _recreate(self):
        return self.__class__(self.func, self.args, self.kwds)

    def __call__(self, func):
        # Used as a decorator: each call runs inside a fresh context.
        factory = self._recreate

        @wraps(func)
        def inner(*args, **kwds):
            with factory():
                return func(*args, **kwds)
        return inner


class _AsyncGeneratorContextManager:
    """A context manager driven by an async generator that yields once."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds

    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen) if _HAS_ANEXT else await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await self.gen.__anext__()
            except StopAsyncIteration:
                return False
            try:
                raise RuntimeError("generator didn't stop")
            finally:
                await self.gen.aclose()
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except RuntimeError as exc:
            if exc is value:
                return False
            if isinstance(value, (StopIteration, StopAsyncIteration)) and exc.__cause__ is value:
                return False
            raise
        except BaseException as exc:
            if exc is not value:
                raise
            return False
        try:
            raise RuntimeError("generator didn't stop after athrow()")
        finally:
            await self.gen.aclose()

    def _recreate(self):
        return self.__class__(self.func, self.args, self.kwds)

    if sys.version_info >= (3, 10):
        # As a decorator (3.10+): each call runs inside a fresh context.
        def __call__(self, func):
            factory = self._recreate

            @wraps(func)
            async def inner(*args, **kwds):
                async with factory():
                    return await func(*args, **kwds)
            return inner


_HAS_ANEXT = sys.version_info >= (3, 10)


def asynccontextmanager(func):
    """Turn an async generator function that yields once into an async context manager
    factory."""

    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


def contextmanager(func):
    """Turn a generator function that yields once into a context manager factory."""

    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


class suppress:
    """Suppress the given exception types in the body of a with statement."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return False
        return issubclass(exctype, self._exceptions)


class _RedirectStream:
    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        # A stack: the same object may be entered again while it is in use.
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Send what print() writes to `new_target` (a StringIO, a file) within the with block."""

    _stream = "stdout"


class redirect_stderr(_RedirectStream):
    """Send what is printed to sys.stderr to `new_target` within the with block."""

    _stream = "stderr"


class nullcontext:
    """A context manager that does nothing; `as` gives enter_result."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass


class closing:
    """Call thing.close() when the with block ends."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing:
    """Await thing.aclose() when the async with block ends (3.10+)."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class ExitStack:
    """Enter context managers and register callbacks; unwind them in reverse order on exit."""

    def __init__(self):
        self._exit_callbacks = []

    def __enter__(self):
        return self

    def enter_context(self, cm):
        cls = type(cm)
        result = cls.__enter__(cm)
        exit_method = cls.__exit__
        self._exit_callbacks.append(lambda typ, value, tb: exit_method(cm, typ, value, tb))
        return result

    def push(self, exit):
        self._exit_callbacks.append(exit)
        return exit

    def callback(self, callback, /, *args, **kwds):
        def _exit_wrapper(typ, value, tb):
            callback(*args, **kwds)
        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def pop_all(self):
        new_stack = ExitStack()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new_stack

    def close(self):
        self.__exit__(None, None, None)

    def __exit__(self, typ, value, tb):
        received = value is not None
        suppressed = False
        pending = False
        while self._exit_callbacks:
            callback = self._exit_callbacks.pop()
            try:
                if callback(typ, value, tb):
                    suppressed = True
                    pending = False
                    typ = value = tb = None
            except BaseException as error:
                typ, value, tb = type(error), error, None
                pending = True
        if pending:
            raise value
        return received and suppressed


class AsyncExitStack(ExitStack):
    """ExitStack for async with: also enters async context managers and awaits async exit
    callbacks."""

    async def __aenter__(self):
        return self

    async def enter_async_context(self, cm):
        cls = type(cm)
        result = await cls.__aenter__(cm)
        exit_method = cls.__aexit__

        async def _exit(typ, value, tb):
            return await exit_method(cm, typ, value, tb)
        self._exit_callbacks.append(_exit)
        return result

    def push_async_exit(self, exit):
        self._exit_callbacks.append(exit)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        async def _exit_wrapper(typ, value, tb):
            await callback(*args, **kwds)
        self._exit_callbacks.append(_exit_wrapper)
        return callback

    async def aclose(self):
        await self.__aexit__(None, None, None)

    async def __aexit__(self, typ, value, tb):
        received = value is not None
        suppressed = False
        pending = False
        while self._exit_callbacks:
            callback = self._exit_callbacks.pop()
            try:
                result = callback(typ, value, tb)
                if _iscoroutine(result):
                    result = await result
                if result:
                    suppressed = True
                    pending = False
                    typ = value = tb = None
            except BaseException as error:
                typ, value, tb = type(error), error, None
                pending = True
        if pending:
            raise value
        return received and suppressed


if not _HAS_ANEXT:
    del aclosing
