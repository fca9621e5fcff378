"""Printing and formatting exceptions: the text is the VM's own report (`_traceback`), the one
an uncaught exception prints, so the two cannot differ."""

import sys
import _traceback


def _exception(exc, value):
    # The old signature (etype, value, tb), which 3.9 requires and later versions still take.
    if value is not None or isinstance(exc, type):
        return value
    return exc


def format_exception(exc, /, value=None, tb=None, limit=None, chain=True):
    exc = _exception(exc, value)
    if exc is None:
        return ["NoneType: None\n"]
    return _traceback.format(exc).splitlines(True)


def format_exception_only(exc, /, value=None):
    exc = _exception(exc, value)
    if exc is None:
        return ["NoneType: None\n"]
    return [_traceback.last_line(exc)]


def print_exception(exc, /, value=None, tb=None, limit=None, file=None, chain=True):
    text = "".join(format_exception(exc, value, tb, limit, chain))
    print(text, end="", file=sys.stderr if file is None else file)


def format_exc(limit=None, chain=True):
    return "".join(format_exception(sys.exc_info()[1]))


def print_exc(limit=None, file=None, chain=True):
    print_exception(sys.exc_info()[1], file=file)


class FrameSummary:
    """One frame of a traceback or stack: its file, line number, function and source line."""

    def __init__(self, filename, lineno, name, *, lookup_line=True, locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = lineno if end_lineno is None else end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        self.locals = locals
        self._text = None

    @property
    def line(self):
        return self._line

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and self.lineno == other.lineno
                    and self.name == other.name and self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __len__(self):
        return 4

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)


class StackSummary(list):
    """A list of FrameSummary objects, outermost first."""

    @classmethod
    def from_list(klass, a_list):
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        if frame_summary._text is not None:
            return frame_summary._text
        row = '  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)
        if frame_summary.line:
            row += "    {}\n".format(frame_summary.line.strip())
        return row

    def format(self):
        return [self.format_frame_summary(frame) for frame in self]


def extract_tb(tb, limit=None):
    """The frames a traceback passed through, outermost first, as a StackSummary."""
    frames = StackSummary()
    while tb is not None:
        filename, name, line, text = tb._gilpy_frame
        frame = FrameSummary(filename, tb.tb_lineno, name, line=line)
        frame._text = text
        frames.append(frame)
        tb = tb.tb_next
    if limit is not None:
        frames = StackSummary(frames[:limit] if limit >= 0 else frames[limit:])
    return frames


def format_list(extracted_list):
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    for item in format_list(extracted_list):
        print(item, end="", file=sys.stderr if file is None else file)


def format_tb(tb, limit=None):
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    print_list(extract_tb(tb, limit=limit), file=file)


def _stack(f, limit, depth):
    # The stack of the frame `depth` calls out from here, outermost first; gilpy has no frame
    # objects, so it cannot start from another frame.
    if f is not None:
        raise NotImplementedError("a stack from a given frame is not supported by gilpy yet")
    stack = _traceback.stack(depth + 1)
    if limit is None:
        return stack
    # The most recent `limit` frames; a negative limit keeps the oldest instead.
    return stack[len(stack) - limit:] if limit >= 0 else stack[:-limit]


def format_stack(f=None, limit=None):
    return _stack(f, limit, 1)


def print_stack(f=None, limit=None, file=None):
    print("".join(_stack(f, limit, 1)), end="", file=sys.stderr if file is None else file)
