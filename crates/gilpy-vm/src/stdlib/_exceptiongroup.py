"""`BaseExceptionGroup` and `ExceptionGroup` (3.11+), which builtins loads from here the first
time a program names one. CPython builds them in C; the shape here is the same: a message and a
tuple of exceptions, `subgroup`, `split` and `derive`."""
from _traceback import copy_frames


class BaseExceptionGroup(BaseException):
    def __new__(cls, message, exceptions, /):
        # A group of Exceptions only is an ExceptionGroup, whichever of the two was called.
        if (cls is BaseExceptionGroup and isinstance(exceptions, (list, tuple))
                and exceptions and all(isinstance(exc, Exception) for exc in exceptions)):
            cls = ExceptionGroup
        return super().__new__(cls, message, exceptions)

    def __init__(self, message, exceptions, /):
        if not isinstance(message, str):
            raise TypeError("BaseExceptionGroup.__new__() argument 1 must be str, not %s"
                            % type(message).__name__)
        if isinstance(exceptions, (str, bytes)) or not hasattr(exceptions, "__len__"):
            raise TypeError("second argument (exceptions) must be a sequence")
        items = tuple(exceptions)
        if not items:
            raise ValueError("second argument (exceptions) must be a non-empty sequence")
        for index, item in enumerate(items):
            if not isinstance(item, BaseException):
                raise ValueError("Item %d of second argument (exceptions) is not an exception"
                                 % index)
        if isinstance(self, Exception):
            for item in items:
                if not isinstance(item, Exception):
                    raise TypeError("Cannot nest BaseExceptions in an ExceptionGroup")
        super().__init__(message, exceptions)
        self._message = message
        self._exceptions = items
        # The sequence as given: the repr shows it so (a list, or a tuple).
        self._given = exceptions

    @property
    def message(self):
        return self._message

    @property
    def exceptions(self):
        return self._exceptions

    def __str__(self):
        count = len(self._exceptions)
        return "%s (%d sub-exception%s)" % (self._message, count, "" if count == 1 else "s")

    def __repr__(self):
        return "%s(%r, %r)" % (type(self).__name__, self._message, self._given)

    def derive(self, excs):
        return BaseExceptionGroup(self._message, excs)

    def _matcher(self, condition):
        if isinstance(condition, type) or isinstance(condition, tuple):
            return lambda exc: isinstance(exc, condition)
        return condition

    def split(self, condition):
        matches = self._matcher(condition)
        if matches(self):
            return self, None
        matched, rest = [], []
        for exc in self._exceptions:
            if isinstance(exc, BaseExceptionGroup):
                inner_match, inner_rest = exc.split(matches)
                if inner_match is not None:
                    matched.append(inner_match)
                if inner_rest is not None:
                    rest.append(inner_rest)
            elif matches(exc):
                matched.append(exc)
            else:
                rest.append(exc)
        return (self._derived(matched) if matched else None,
                self._derived(rest) if rest else None)

    def subgroup(self, condition):
        return self.split(condition)[0]

    def _derived(self, excs):
        group = self.derive(excs)
        group.__cause__ = self.__cause__
        group.__context__ = self.__context__
        copy_frames(self, group)
        return group


class ExceptionGroup(BaseExceptionGroup, Exception):
    pass


for _cls in (BaseExceptionGroup, ExceptionGroup):
    _cls.__module__ = "builtins"
del _cls


# What `except*` runs (see `Compiler::try_star`), after CPython's CHECK_EG_MATCH and
# `_PyExc_PrepReraiseStar`.

def _leaves(exc):
    if isinstance(exc, BaseExceptionGroup):
        for inner in exc.exceptions:
            yield from _leaves(inner)
    else:
        yield exc


def _except_star_match(rest, condition):
    """`(rest', match)`: the part of `rest` that `except* condition` catches, and the rest."""
    classes = condition if isinstance(condition, tuple) else (condition,)
    for cls in classes:
        if not (isinstance(cls, type) and issubclass(cls, BaseException)):
            raise TypeError("catching classes that do not inherit from BaseException is not "
                            "allowed")
        if issubclass(cls, BaseExceptionGroup):
            raise TypeError("catching ExceptionGroup with except* is not allowed. Use except "
                            "instead.")
    if rest is None:
        return None, None
    if isinstance(rest, BaseExceptionGroup):
        match, rest = rest.split(condition)
        return rest, match
    if isinstance(rest, condition):
        # A lone exception is caught as a group of one.
        group = BaseExceptionGroup("", (rest,))
        copy_frames(rest, group)
        return None, group
    return rest, None


def _prep_reraise_star(orig, raised, rest):
    """What leaves the `except*` clauses: None, or the exception to raise on."""
    excs = [exc for exc in raised + [rest] if exc is not None]
    if not isinstance(orig, BaseExceptionGroup):
        # A lone exception: one clause at most ran, so there is one exception at most.
        return excs[0] if excs else None
    if not excs:
        return None
    original = {id(leaf) for leaf in _leaves(orig)}
    new, kept = [], set()
    for exc in excs:
        leaves = [id(leaf) for leaf in _leaves(exc)]
        # The unmatched part, and a group a clause raised again with a bare `raise`: parts
        # of `orig`, which go on as one group of `orig`'s shape.
        if exc is orig or isinstance(exc, BaseExceptionGroup) and all(
                leaf in original for leaf in leaves):
            kept.update(leaves)
        else:
            new.append(exc)
    kept_group = orig.split(lambda leaf: id(leaf) in kept)[0] if kept else None
    if not new:
        return kept_group
    if kept_group is not None:
        new.append(kept_group)
    return BaseExceptionGroup("", new) if len(new) > 1 else new[0]
