"""The exceptions of pickle. Objects cross processes through gilpy's own serializer, which
raises these where CPython's pickle would."""


class PickleError(Exception):
    pass


class PicklingError(PickleError):
    pass


class UnpicklingError(PickleError):
    pass
