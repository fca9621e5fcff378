"""The exceptions of pickle. Objects cross processes through gilpy's own serializer, which
raises these where CPython's pickle would."""


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass


# CPython's are its C module's: tracebacks name them `_pickle.PicklingError`.
for _cls in (PickleError, PicklingError, UnpicklingError):
    _cls.__module__ = "_pickle"
del _cls
