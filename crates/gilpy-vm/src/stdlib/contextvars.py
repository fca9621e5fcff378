"""contextvars: variables whose value belongs to the running context (see `_gilpy_contextvars`,
whose frames tracebacks skip, as CPython's C module shows none)."""

from _gilpy_contextvars import Context, ContextVar, Token, copy_context

__all__ = ("Context", "ContextVar", "Token", "copy_context")
