"""open() and the file objects it returns, over the native `_io`; StringIO and BytesIO.

CPython writes these in C: their frames are not shown in tracebacks (a `_gilpy_` module),
and their classes say they come from `_io`. The native part buffers and, as CPython does,
reads and writes the host's files without the GIL.
"""

import _io

DEFAULT_BUFFER_SIZE = 8192
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

# The encodings the file objects read and write; the first name of each is canonical.
_ENCODINGS = {
    "utf-8": "utf-8", "utf8": "utf-8", "utf_8": "utf-8", "u8": "utf-8",
    "ascii": "ascii", "us-ascii": "ascii", "646": "ascii",
    "latin-1": "latin-1", "latin1": "latin-1", "latin_1": "latin-1", "iso-8859-1": "latin-1",
    "iso8859-1": "latin-1", "l1": "latin-1",
}


# CPython words a closed file's error so, without the period, in some of its methods.
_CLOSED = "I/O operation on closed file"


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = "io"


class IOBase:
    """What every file shares, as CPython's IOBase: `with`, iteration by line, readlines."""

    def _check_open(self, message="I/O operation on closed file."):
        if self._closed:
            raise ValueError(message)

    @property
    def closed(self):
        return self._closed

    def isatty(self):
        self._check_open()
        return False

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=-1):
        if hint is None or hint <= 0:
            return list(self)
        lines, total = [], 0
        for line in self:
            lines.append(line)
            total += len(line)
            if total >= hint:
                break
        return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


def _check_mode(mode):
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError(f"invalid mode: {mode!r}")
    creating, reading, writing, appending = "x" in modes, "r" in modes, "w" in modes, "a" in modes
    text, binary = "t" in modes, "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
    kind = "x" if creating else "r" if reading else "w" if writing else "a"
    return kind, "+" in modes, binary


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    if isinstance(file, int) and not isinstance(file, bool):
        raise NotImplementedError("open() of a file descriptor is not supported by gilpy yet")
    if hasattr(file, "__fspath__"):
        file = file.__fspath__()
    if isinstance(file, bytes):
        file = file.decode()
    if not isinstance(file, str):
        raise TypeError(f"expected str, bytes or os.PathLike object, not {type(file).__name__}")
    kind, plus, binary = _check_mode(mode)
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if newline not in (None, "", "\n", "\r", "\r\n"):
        if not isinstance(newline, str):
            raise TypeError(f"open() argument 'newline' must be str or None, not {type(newline).__name__}")
        raise ValueError(f"illegal newline value: {newline!r}")
    if errors is not None and not isinstance(errors, str):
        raise TypeError(f"open() argument 'errors' must be str or None, not {type(errors).__name__}")
    if encoding is not None:
        if not isinstance(encoding, str):
            raise TypeError(f"open() argument 'encoding' must be str or None, not {type(encoding).__name__}")
        if encoding.lower() not in _ENCODINGS:
            raise NotImplementedError(
                f"the encoding {encoding!r} is not supported by gilpy yet (it has utf-8, ascii and latin-1)")
    raw = _io.open(file, kind + ("+" if plus else ""))
    raw_mode = kind + ("b+" if plus else "b")
    if binary:
        if plus:
            return BufferedRandom(raw, file, raw_mode, kind)
        if kind == "r":
            return BufferedReader(raw, file, raw_mode, kind)
        return BufferedWriter(raw, file, raw_mode, kind)
    return TextIOWrapper(raw, file, mode, kind, plus, encoding, errors, newline)


class _FileBase(IOBase):
    """What text and binary files share: closing, `with`, iteration by line."""

    def _init(self, raw, name, mode, kind, plus):
        self._raw = raw
        self._name = name
        self._mode = mode
        self._readable = kind == "r" or plus
        self._writable = kind != "r" or plus
        self._closed = False

    @property
    def name(self):
        return self._name

    @property
    def mode(self):
        return self._mode

    def _check_readable(self):
        self._check_open()
        if not self._readable:
            raise UnsupportedOperation("read" if self._binary else "not readable")

    def _check_writable(self):
        self._check_open()
        if not self._writable:
            raise UnsupportedOperation("write" if self._binary else "not writable")

    def readable(self):
        self._check_open(_CLOSED)
        return self._readable

    def writable(self):
        return self._writable

    def seekable(self):
        self._check_open(_CLOSED)
        return True

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def isatty(self):
        self._check_open(_CLOSED)
        return False

    def flush(self):
        self._check_open()
        _io.flush(self._raw)

    def close(self):
        if not self._closed:
            self._closed = True
            _io.close(self._raw)

    def tell(self):
        self._check_open()
        return _io.tell(self._raw)



class TextIOWrapper(_FileBase, TextIOBase):
    """A file opened in text mode: str in and out, UTF-8 unless told otherwise."""

    _binary = False

    def __init__(self, raw, name, mode, kind, plus, encoding, errors, newline):
        self._init(raw, name, mode, kind, plus)
        self._encoding = encoding if encoding is not None else "UTF-8"
        self._codec = _ENCODINGS[self._encoding.lower()]
        self._errors = "strict" if errors is None else errors
        self._newline = newline
        # Universal newlines: `\r\n` and `\r` are read as `\n` unless `newline` says otherwise;
        # with `newline=""` they end lines but stay as they are.
        self._translate = newline is None
        self._any_newline = newline in (None, "", "\r", "\r\n")
        # Where `_io` does all of a read or a write (it raises for a closed file): one call.
        utf8 = self._codec == "utf-8"
        self._direct_read = utf8 and self._readable
        self._direct_write = (utf8 and self._writable and newline in (None, "", "\n")
                              and self._errors == "strict")

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def newlines(self):
        return None

    @property
    def line_buffering(self):
        return False

    @property
    def buffer(self):
        raise NotImplementedError("the buffer of a text file is not supported by gilpy yet")

    def _decode(self, data):
        text = data.decode(self._codec, self._errors)
        if self._translate and "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def read(self, size=-1):
        self._check_readable()
        if size is None:
            size = -1
        if self._direct_read:
            return _io.read_text(self._raw, size, self._translate, self._errors)
        return self._decode(_io.read(self._raw, size))

    def readline(self, size=-1):
        if self._direct_read and size == -1:
            return _io.readline_text(self._raw, -1, self._translate, self._errors, self._any_newline)
        self._check_readable()
        if size is None:
            size = -1
        if self._direct_read:
            return _io.readline_text(self._raw, size, self._translate, self._errors, self._any_newline)
        return self._decode(_io.readline(self._raw, size))

    def __next__(self):
        if self._direct_read:
            line = _io.readline_text(self._raw, -1, self._translate, self._errors, self._any_newline)
        else:
            line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, text):
        if self._direct_write and type(text) is str:
            return _io.write(self._raw, text)
        self._check_writable()
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        length = len(text)
        if self._newline not in (None, "", "\n") and "\n" in text:
            text = text.replace("\n", self._newline)
        if self._codec == "utf-8" and self._errors == "strict":
            _io.write(self._raw, text)
        else:
            _io.write(self._raw, text.encode(self._codec, self._errors))
        return length

    def seek(self, cookie, whence=0):
        self._check_open()
        if whence == SEEK_CUR and cookie != 0:
            raise UnsupportedOperation("can't do nonzero cur-relative seeks")
        if whence == SEEK_END and cookie != 0:
            raise UnsupportedOperation("can't do nonzero end-relative seeks")
        return _io.seek(self._raw, cookie, whence)

    def truncate(self, pos=None):
        self._check_writable()
        return _io.truncate(self._raw, pos)

    def __repr__(self):
        return f"<_io.TextIOWrapper name={self._name!r} mode={self._mode!r} encoding={self._encoding!r}>"


class _BufferedBase(_FileBase, BufferedIOBase):
    """A file opened in binary mode: bytes in and out."""

    _binary = True

    def __init__(self, raw, name, mode, kind):
        self._init(raw, name, mode, kind, "+" in mode)

    def read(self, size=-1):
        self._check_open("read of closed file")
        self._check_readable()
        return _io.read(self._raw, size)

    def read1(self, size=-1):
        return self.read(size)

    def peek(self, size=0):
        self._check_open("peek of closed file")
        self._check_readable()
        return _io.peek(self._raw)

    def readline(self, size=-1):
        self._check_open("readline of closed file")
        self._check_readable()
        return _io.readline(self._raw, size)

    def truncate(self, pos=None):
        self._check_writable()
        return _io.truncate(self._raw, pos)

    def write(self, data):
        self._check_writable()
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if not isinstance(data, bytes):
            raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
        return _io.write(self._raw, data)

    def seek(self, offset, whence=0):
        self._check_open()
        return _io.seek(self._raw, offset, whence)

    def __repr__(self):
        return f"<_io.{type(self).__name__} name={self._name!r}>"


class BufferedReader(_BufferedBase):
    pass


class BufferedWriter(_BufferedBase):
    pass


class BufferedRandom(_BufferedBase):
    pass


class StringIO(TextIOBase):
    """A text file in memory: what is written can be read back, and `getvalue()` is all of it."""

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._parts = [initial_value]
        self._length = len(initial_value)
        self._position = 0
        self._closed = False

    def _value(self):
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0]

    def getvalue(self):
        self._check_open(_CLOSED)
        return self._value()

    def write(self, text):
        self._check_open(_CLOSED)
        if not isinstance(text, str):
            raise TypeError(f"string argument expected, got '{type(text).__name__}'")
        if self._position == self._length:
            self._parts.append(text)
        else:
            value = self._value()
            if self._position > self._length:
                value += "\0" * (self._position - self._length)
            value = value[:self._position] + text + value[self._position + len(text):]
            self._parts = [value]
        self._position += len(text)
        self._length = max(self._length, self._position)
        return len(text)

    def read(self, size=-1):
        self._check_open(_CLOSED)
        value = self._value()
        end = self._length if size is None or size < 0 else min(self._length, self._position + size)
        text = value[self._position:end]
        self._position = max(self._position, end)
        return text

    def readline(self, size=-1):
        self._check_open(_CLOSED)
        value = self._value()
        end = value.find("\n", self._position)
        end = self._length if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._position + size)
        text = value[self._position:end]
        self._position = max(self._position, end)
        return text

    def seek(self, position, whence=0):
        self._check_open(_CLOSED)
        if whence == SEEK_CUR and position != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == SEEK_END and position != 0:
            raise OSError("Can't do nonzero end-relative seeks")
        if whence == SEEK_SET and position < 0:
            raise ValueError(f"Negative seek position {position}")
        self._position = self._length if whence == SEEK_END else self._position if whence == SEEK_CUR else position
        return self._position

    def tell(self):
        self._check_open(_CLOSED)
        return self._position

    def truncate(self, size=None):
        self._check_open(_CLOSED)
        size = self._position if size is None else size
        self._parts = [self._value()[:size]]
        self._length = min(self._length, size)
        return size

    def close(self):
        self._closed = True

    def flush(self):
        pass

    def readable(self):
        self._check_open(_CLOSED)
        return True

    def writable(self):
        self._check_open(_CLOSED)
        return True

    def seekable(self):
        self._check_open(_CLOSED)
        return True

    def __next__(self):
        self._check_open(_CLOSED)
        return IOBase.__next__(self)


class BytesIO(BufferedIOBase):
    """A binary file in memory."""

    def __init__(self, initial_bytes=b""):
        self._value = bytes(initial_bytes)
        self._position = 0
        self._closed = False

    def getvalue(self):
        self._check_open()
        return self._value

    def write(self, data):
        self._check_open()
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = bytes(data)
        value = self._value
        if self._position > len(value):
            value += b"\0" * (self._position - len(value))
        self._value = value[:self._position] + data + value[self._position + len(data):]
        self._position += len(data)
        return len(data)

    def read(self, size=-1):
        self._check_open()
        end = len(self._value) if size is None or size < 0 else self._position + size
        data = self._value[self._position:end]
        self._position += len(data)
        return data

    def readline(self, size=-1):
        self._check_open()
        end = self._value.find(b"\n", self._position)
        end = len(self._value) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._position + size)
        data = self._value[self._position:end]
        self._position += len(data)
        return data

    def seek(self, position, whence=0):
        self._check_open()
        base = (0, self._position, len(self._value))[whence]
        if base + position < 0:
            raise ValueError(f"negative seek value {position}")
        self._position = base + position
        return self._position

    def tell(self):
        self._check_open()
        return self._position

    def close(self):
        self._closed = True

    def flush(self):
        self._check_open()

    def __iter__(self):
        return self


for _class in (IOBase, RawIOBase, BufferedIOBase, TextIOBase, TextIOWrapper, BufferedReader, BufferedWriter, BufferedRandom, StringIO, BytesIO):
    _class.__module__ = "_io"
del _class
