"""The contextvars module: variables whose value belongs to the running context, as CPython's.

Each thread has its own current context (a new thread starts with an empty one); asyncio
gives each task a copy of the context it was created in, so a value set in one task is not
seen by the others. CPython keeps a context in an immutable mapping; here each Context holds
a dict, which `copy()` copies and `ContextVar.set` changes in place: the same behaviour, for
the sizes programs use.
"""

from _thread import get_ident as _get_ident

__all__ = ("Context", "ContextVar", "Token", "copy_context")

_MISSING = object()
# Each thread's current context, by thread id.
_contexts = {}
# Whether any ContextVar exists yet: until one does, every context is empty and asyncio
# skips entering its tasks' contexts, which cost a fifth of a task switch.
_in_use = False


def _current():
    me = _get_ident()
    context = _contexts.get(me)
    if context is None:
        context = _contexts[me] = Context()
    return context


def copy_context():
    """A copy of the current context: later changes to either do not reach the other."""
    return _current().copy()


class Context:
    """A mapping of context variables to their values; `run` makes it current for a call."""

    def __init__(self):
        self._data = {}
        self._entered = False

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f"cannot enter context: {self!r} is already entered")
        me = _get_ident()
        previous = _contexts.get(me)
        self._entered = True
        _contexts[me] = self
        try:
            return callable(*args, **kwargs)
        finally:
            _contexts[me] = previous
            self._entered = False

    def copy(self):
        new = Context()
        new._data = dict(self._data)
        return new

    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data[var]

    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._data

    def __len__(self):
        return len(self._data)

    def __iter__(self):
        return iter(self._data)

    def get(self, var, default=None):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data.get(var, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data


class Token:
    """What `ContextVar.set` returns: `reset(token)` puts the earlier value back."""

    MISSING = None  # the marker for "no earlier value", set below

    def __init__(self, context, var, old_value):
        self._context = context
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = " used" if self._used else ""
        return f"<Token{used} var={self._var!r} at 0x{id(self):x}>"


class _TokenMissing:
    def __repr__(self):
        return "<Token.MISSING>"


Token.MISSING = _TokenMissing()


class ContextVar:
    """`request_id = ContextVar("request_id", default=None)`: `get()` reads the value in the
    current context, `set(value)` changes it there."""

    def __init__(self, name, *, default=_MISSING):
        global _in_use
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        _in_use = True
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def get(self, *args, **kwargs):
        if kwargs:
            raise TypeError("ContextVar.get() takes no keyword arguments")
        if len(args) > 1:
            raise TypeError(f"get expected at most 1 argument, got {len(args)}")
        data = _current()._data
        if self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        context = _current()
        old = context._data.get(self, Token.MISSING)
        context._data[self] = value
        return Token(context, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError(f"expected an instance of Token, got {type(token).__name__!r}")
        if token._used:
            raise RuntimeError(f"{token!r} has already been used once")
        if token._var is not self:
            raise ValueError(f"{token!r} was created by a different ContextVar")
        if token._context is not _current():
            raise ValueError(f"{token!r} was created in a different Context")
        if token._old_value is Token.MISSING:
            token._context._data.pop(self, None)
        else:
            token._context._data[self] = token._old_value
        token._used = True

    def __hash__(self):
        return id(self)

    def __eq__(self, other):
        return self is other

    def __repr__(self):
        default = "" if self._default is _MISSING else f" default={self._default!r}"
        return f"<ContextVar name={self._name!r}{default} at 0x{id(self):x}>"

    def __class_getitem__(cls, item):
        return cls


for _cls in (Context, ContextVar, Token):
    _cls.__module__ = "_contextvars"
del _cls
