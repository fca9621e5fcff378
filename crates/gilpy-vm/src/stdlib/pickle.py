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


# The format is CPython's (`_pickle`): what `dumps` writes, CPython's `loads` reads, and the
# other way round.
import _pickle

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


def _protocol(protocol):
    if protocol is None or protocol < 0:
        return DEFAULT_PROTOCOL if protocol is None else HIGHEST_PROTOCOL
    if protocol > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
    if protocol < 4:
        raise NotImplementedError("gilpy's pickle writes protocols 4 and 5, not %d" % protocol)
    return protocol


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    return _pickle.dumps(obj, _protocol(protocol))


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    file.write(_pickle.dumps(obj, _protocol(protocol)))


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    return _pickle.loads(data, UnpicklingError)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict", buffers=()):
    # One object, the file left where it ends, so that records dumped one after another
    # load one after another. Read in growing pieces until one holds the whole object: the
    # rest of the file at every call made loading many records quadratic.
    start = file.tell()
    size = 4096
    while True:
        data = file.read(size)
        try:
            obj, end = _pickle.loads(data, UnpicklingError, True)
        except (EOFError, UnpicklingError):
            if len(data) < size:
                raise
            file.seek(start)
            size *= 4
            continue
        file.seek(start + end)
        return obj
