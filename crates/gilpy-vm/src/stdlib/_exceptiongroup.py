"""`BaseExceptionGroup` and `ExceptionGroup` (3.11+), which builtins loads from here the first
time a program names one. CPython builds them in C; the shape here is the same: a message and a
tuple of exceptions, `subgroup`, `split` and `derive`."""


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
        return "%s(%r, %r)" % (type(self).__name__, self._message, list(self._exceptions))

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
        return group


class ExceptionGroup(BaseExceptionGroup, Exception):
    pass


for _cls in (BaseExceptionGroup, ExceptionGroup):
    _cls.__module__ = "builtins"
del _cls
