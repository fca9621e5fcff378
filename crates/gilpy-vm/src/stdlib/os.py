"""The parts of `os` written in Python, run in the native module's namespace once it is made."""

import posixpath as path
from _structseq import struct_sequence as _struct_sequence

SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
extsep = "."
pathsep = ":"

stat_result = _struct_sequence("stat_result", "os", ("st_mode", "st_size"))


def stat(path):
    """The size and kind of what is at `path` (st_size; st_mode tells a directory)."""
    is_dir, size = _entry(path, True)
    return stat_result((0o40755 if is_dir else 0o100644, size))


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        makedirs(head, exist_ok=exist_ok)
    try:
        mkdir(name)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


class PathLike:
    """What has `__fspath__` (a path object) counts as one."""

    @classmethod
    def __subclasshook__(cls, subclass):
        return hasattr(subclass, "__fspath__") or NotImplemented


def walk(top, topdown=True, onerror=None, followlinks=False):
    """(folder, subfolders, files) for `top` and each folder under it, as os.walk gives them."""
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    dirs, nondirs = [], []
    for name in names:
        if path.isdir(path.join(top, name)):
            dirs.append(name)
        else:
            nondirs.append(name)
    if topdown:
        yield top, dirs, nondirs
        for name in dirs:
            yield from walk(path.join(top, name), topdown, onerror, followlinks)
    else:
        for name in dirs:
            yield from walk(path.join(top, name), topdown, onerror, followlinks)
        yield top, dirs, nondirs


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    if hasattr(path, "__fspath__"):
        return path.__fspath__()
    raise TypeError(f"expected str, bytes or os.PathLike object, not {type(path).__name__}")


del _struct_sequence


def sched_getaffinity(pid, /):
    """The cores the process may run on: every core the run has, as `cpu_count()` counts."""
    if not isinstance(pid, int):
        raise TypeError(f"'{type(pid).__name__}' object cannot be interpreted as an integer")
    return set(range(cpu_count() or 1))


def _process_cpu_count():
    """How many cores this process may use (3.13+): `len(sched_getaffinity(0))`."""
    return cpu_count()


import sys as _sys

if _sys.version_info >= (3, 13):
    process_cpu_count = _process_cpu_count
del _sys, _process_cpu_count
