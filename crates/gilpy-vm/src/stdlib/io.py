"""io: open() and the file objects it returns, StringIO and BytesIO (written in `_gilpy_io`)."""

from _gilpy_io import (
    DEFAULT_BUFFER_SIZE, SEEK_CUR, SEEK_END, SEEK_SET, BufferedIOBase, BufferedRandom,
    BufferedReader, BufferedWriter, BytesIO, IOBase, RawIOBase, StringIO, TextIOBase,
    TextIOWrapper, UnsupportedOperation, open,
)
