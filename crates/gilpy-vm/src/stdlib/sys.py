"""The parts of `sys` written in Python, run in the native module's namespace once it is made."""

from _structseq import struct_sequence as _struct_sequence

version_info = _struct_sequence(
    "version_info", "sys", ("major", "minor", "micro", "releaselevel", "serial"))(_version_tuple)
del _version_tuple, _struct_sequence
