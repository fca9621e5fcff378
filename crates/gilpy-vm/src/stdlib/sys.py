"""The parts of `sys` written in Python, run in the native module's namespace once it is made."""

from _structseq import struct_sequence as _struct_sequence

version_info = _struct_sequence(
    "version_info", "sys", ("major", "minor", "micro", "releaselevel", "serial"))(_version_tuple)
del _version_tuple, _struct_sequence

byteorder = "little"
maxunicode = 0x10FFFF


_interned = {}


def intern(string, /):
    """The one string of this value that every `intern` returns, so that `is` holds."""
    if not isinstance(string, str):
        raise TypeError("intern() argument must be str, not " + type(string).__name__)
    if type(string) is not str:
        raise TypeError("can't intern " + type(string).__name__)
    return _interned.setdefault(string, string)
