"""os.path: path names as POSIX writes them, and what the file system holds at them."""

import os as _os

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
altsep = None
pathsep = ":"
defpath = "/bin:/usr/bin"
devnull = "/dev/null"


def _fspath(path):
    if isinstance(path, str):
        return path
    if hasattr(path, "__fspath__"):
        return path.__fspath__()
    raise TypeError(f"expected str, bytes or os.PathLike object, not {type(path).__name__}")


def isabs(s):
    return _fspath(s).startswith("/")


def join(a, *p):
    path = _fspath(a)
    for b in p:
        b = _fspath(b)
        if b.startswith("/"):
            path = b
        elif not path or path.endswith("/"):
            path += b
        else:
            path += "/" + b
    return path


def split(p):
    p = _fspath(p)
    i = p.rfind("/") + 1
    head, tail = p[:i], p[i:]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head, tail


def splitext(p):
    p = _fspath(p)
    sep_index = p.rfind("/")
    dot_index = p.rfind(".")
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != ".":
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, ""


def basename(p):
    p = _fspath(p)
    return p[p.rfind("/") + 1:]


def dirname(p):
    p = _fspath(p)
    head = p[:p.rfind("/") + 1]
    if head and head != "/" * len(head):
        head = head.rstrip("/")
    return head


def normpath(path):
    path = _fspath(path)
    if not path:
        return "."
    initial_slashes = 2 if path.startswith("//") and not path.startswith("///") else 1 if path.startswith("/") else 0
    parts = []
    for comp in path.split("/"):
        if comp in ("", "."):
            continue
        if comp != ".." or (not initial_slashes and not parts) or (parts and parts[-1] == ".."):
            parts.append(comp)
        elif parts:
            parts.pop()
    path = "/" * initial_slashes + "/".join(parts)
    return path or "."


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        path = join(_os.getcwd(), path)
    return normpath(path)


def expanduser(path):
    path = _fspath(path)
    if not path.startswith("~"):
        return path
    end = path.find("/", 1)
    end = len(path) if end < 0 else end
    if end != 1:
        return path  # ~user: other users' homes are not known here
    home = _os.environ.get("HOME")
    if home is None:
        return path
    return (home.rstrip("/") or "/") + path[end:]


def realpath(filename, *, strict=False):
    """The absolute, normalized path (there are no symbolic links to follow here)."""
    return abspath(filename)


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = _fspath(path)
    start = curdir if start is None else _fspath(start)
    start_list = [x for x in abspath(start).split(sep) if x]
    path_list = [x for x in abspath(path).split(sep) if x]
    common = 0
    for a, b in zip(start_list, path_list):
        if a != b:
            break
        common += 1
    rel_list = [pardir] * (len(start_list) - common) + path_list[common:]
    if not rel_list:
        return curdir
    return join(*rel_list)


def exists(path):
    return _os._entry(_fspath(path)) is not None


def isfile(path):
    entry = _os._entry(_fspath(path))
    return entry is not None and not entry[0]


def isdir(path):
    entry = _os._entry(_fspath(path))
    return entry is not None and entry[0]


def lexists(path):
    return exists(path)


def islink(path):
    return False


def ismount(path):
    return abspath(path) == "/"


def normcase(s):
    return _fspath(s)


def splitdrive(p):
    return p[:0], p


def samefile(f1, f2):
    _os.stat(f1), _os.stat(f2)
    return abspath(f1) == abspath(f2)


def commonprefix(m):
    if not m:
        return ""
    s1, s2 = min(m), max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    paths = [_fspath(p) for p in paths]
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    absolute = {p.startswith("/") for p in paths}
    if len(absolute) > 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in p.split("/") if c and c != "."] for p in paths]
    s1, s2 = min(split_paths), max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    return ("/" if absolute.pop() else "") + "/".join(common)


def expandvars(path):
    path = _fspath(path)
    if "$" not in path:
        return path
    out, i = [], 0
    while i < len(path):
        c = path[i]
        if c == "$":
            if path[i + 1:i + 2] == "{":
                end = path.find("}", i + 2)
                if end > 0:
                    name = path[i + 2:end]
                    if name in _os.environ:
                        out.append(_os.environ[name])
                    else:
                        out.append(path[i:end + 1])
                    i = end + 1
                    continue
            j = i + 1
            while j < len(path) and (path[j].isalnum() or path[j] == "_"):
                j += 1
            name = path[i + 1:j]
            if name and name in _os.environ:
                out.append(_os.environ[name])
                i = j
                continue
        out.append(c)
        i += 1
    return "".join(out)


def getsize(filename):
    return _os.stat(filename).st_size
