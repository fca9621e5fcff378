"""struct: bytes packed and unpacked by a format, over the native `_struct` (as CPython's
`struct` is over its C `_struct`)."""

import _struct


class error(Exception):
    pass


error.__module__ = "struct"


def pack(format, /, *values):
    return _struct.pack(format, values, error)


def _bytes(buffer):
    if isinstance(buffer, bytes):
        return buffer
    if isinstance(buffer, (int, str)) or not hasattr(buffer, "__iter__"):
        raise TypeError("a bytes-like object is required, not '%s'" % type(buffer).__name__)
    return bytes(buffer)


def unpack(format, buffer, /):
    return _struct.unpack(format, _bytes(buffer), error)


def calcsize(format, /):
    return _struct.calcsize(format, error)


def unpack_from(format, /, buffer, offset=0):
    size = calcsize(format)
    buffer = _bytes(buffer)
    if offset < 0:
        offset += len(buffer)
    if len(buffer) - offset < size:
        raise error("unpack_from requires a buffer of at least %d bytes for unpacking %d bytes at "
                    "offset %d (actual buffer size is %d)" % (size + offset, size, offset, len(buffer)))
    return _struct.unpack(format, buffer[offset:offset + size], error)


def iter_unpack(format, buffer, /):
    size = calcsize(format)
    buffer = _bytes(buffer)
    if size == 0:
        raise error("cannot iteratively unpack with a struct of length 0")
    if len(buffer) % size:
        raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % size)
    return (_struct.unpack(format, buffer[at:at + size], error) for at in range(0, len(buffer), size))


class Struct:
    def __init__(self, format):
        self.format = format if isinstance(format, str) else format.decode("ascii")
        self.size = calcsize(format)

    def pack(self, *values):
        return _struct.pack(self.format, values, error)

    def unpack(self, buffer):
        return _struct.unpack(self.format, _bytes(buffer), error)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)


# CPython's is its C module's.
Struct.__module__ = "_struct"
