"""The parts of `sys` written in Python, run in the native module's namespace once it is made."""


class version_info(tuple):
    """A named tuple of its own type, as CPython's struct sequences are."""

    __slots__ = ()
    n_fields = n_sequence_fields = 5
    n_unnamed_fields = 0
    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])

    def __repr__(self):
        return ("sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)"
                % tuple(self))


version_info = version_info(_version_tuple)
del _version_tuple
