"""re: regular expressions, as CPython's `re` package over its `_sre` engine.

The engine (`_sre`: parsing, compiling and matching) is native. Here are the objects a program
sees, Pattern, Match, the flags and `re.error`, and what CPython also writes in Python or
loops over the engine for: templates of `sub`, `findall`, `split`, `finditer`.
"""

import sys
import _sre

_MAXSIZE = sys.maxsize
_NEW_SYNTAX = sys.version_info >= (3, 11)


class RegexFlag(int):
    """The flags: ints that print as their names (`re.IGNORECASE|re.MULTILINE`)."""

    def __new__(cls, value):
        return int.__new__(cls, value)

    @property
    def value(self):
        return int(self)

    @property
    def name(self):
        value = int(self)
        if value == 0:
            return "NOFLAG" if _NEW_SYNTAX else None
        names = [name for name, bit in _FLAG_ORDER if value & bit]
        if len(names) > 1 and not _NEW_SYNTAX:
            return None
        return "|".join(names) if names else None

    def __repr__(self):
        value = int(self)
        if value == 0:
            return "re.NOFLAG" if _NEW_SYNTAX else "re.0"
        parts = ["re." + name for name, bit in _FLAG_ORDER if value & bit]
        rest = value & ~_ALL_FLAGS
        if rest:
            parts.append(hex(rest))
        return "|".join(parts)

    __str__ = __repr__

    def __format__(self, spec):
        return format(repr(self), spec) if not spec else format(int(self), spec)

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        return RegexFlag(~int(self) & _ALL_FLAGS)

    def __contains__(self, other):
        return int(other) & int(self) == int(other)


# In the order CPython's RegexFlag defines them, which its reprs follow.
_FLAG_ORDER = [("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
               ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("DEBUG", 128)]
_ALL_FLAGS = 256 | 2 | 4 | 32 | 8 | 16 | 64 | 128

A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
U = UNICODE = RegexFlag(32)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
if _NEW_SYNTAX:
    NOFLAG = RegexFlag(0)
else:
    T = TEMPLATE = RegexFlag(1)


def _error_init(self, msg, pattern=None, pos=None):
    self.msg = msg
    self.pattern = pattern
    self.pos = pos
    if pattern is not None and pos is not None:
        msg = "%s at position %d" % (msg, pos)
        newline = "\n" if isinstance(pattern, str) else b"\n"
        self.lineno = pattern.count(newline, 0, pos) + 1
        self.colno = pos - pattern.rfind(newline, 0, pos)
        if newline in pattern:
            msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
    else:
        self.lineno = self.colno = None
    Exception.__init__(self, msg)


# 3.13 renamed it PatternError, and kept `error` as another name.
error = type("PatternError" if sys.version_info >= (3, 13) else "error", (Exception,),
             {"__init__": _error_init, "__module__": "re"})
if sys.version_info >= (3, 13):
    PatternError = error


class _GroupIndex(dict):
    """Pattern.groupindex: a read-only mapping in CPython, shown as one."""

    def __repr__(self):
        return "mappingproxy(%s)" % dict.__repr__(self)

    def __str__(self):
        return dict.__repr__(self)


def _type_name(value):
    return type(value).__name__


class Pattern:
    def __init__(self, pattern, flags, code, groups, names):
        self.pattern = pattern
        self.flags = flags
        self._code = code
        self.groups = groups
        self.groupindex = _GroupIndex(names)
        # Every way to name a group (its number, its name) to its number.
        self._group_numbers = {i: i for i in range(groups + 1)}
        self._group_numbers.update(names)

    def __repr__(self):
        flags = self.flags
        if not isinstance(self.pattern, bytes) and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        names = []
        for name, bit in (("TEMPLATE", 1), ("IGNORECASE", 2), ("LOCALE", 4), ("MULTILINE", 8),
                          ("DOTALL", 16), ("UNICODE", 32), ("VERBOSE", 64), ("DEBUG", 128),
                          ("ASCII", 256)):
            if flags & bit:
                names.append("re." + name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        text = repr(self.pattern)[:200]
        if names:
            return "re.compile(%s, %s)" % (text, "|".join(names))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        # As CPython's: compiled again where it is loaded.
        return _compile, (self.pattern, self.flags)

    def _check(self, string):
        """Raises the TypeError of a subject of the wrong type (`_sre` words it)."""
        _sre.match(self._code, string, 0, 0, 0, False)

    def match(self, string, pos=0, endpos=_MAXSIZE):
        marks = _sre.match(self._code, string, pos, endpos, 0, False)
        return None if marks is None else Match(self, string, pos, endpos, marks)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        marks = _sre.match(self._code, string, pos, endpos, 1, False)
        return None if marks is None else Match(self, string, pos, endpos, marks)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        marks = _sre.match(self._code, string, pos, endpos, 2, False)
        return None if marks is None else Match(self, string, pos, endpos, marks)

    def _each(self, string, pos=0, endpos=_MAXSIZE, limit=0):
        """The marks of each match a scan finds, in batches from `_sre.scan`."""
        must_advance = False
        left = limit
        while True:
            batch = 16 if not limit else min(left, 256)
            found, pos, must_advance = _sre.scan(self._code, string, pos, endpos, batch,
                                                 must_advance)
            yield from found
            if len(found) < batch:
                return
            if limit:
                left -= len(found)
                if not left:
                    return

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        for marks in self._each(string, pos, endpos):
            yield Match(self, string, pos, endpos, marks)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        return _sre.findall(self._code, string, pos, endpos)

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            self._check(string)
            return [string]
        return _sre.split(self._code, string, maxsplit)

    def subn(self, repl, string, count=0):
        if count < 0:
            self._check(string)
            return string, 0
        if callable(repl):
            expand = lambda marks: repl(Match(self, string, 0, _MAXSIZE, marks))
        else:
            template = _compile_template(self, repl)
            if isinstance(repl, type(string)):
                return _sre.sub(self._code, string, template, count)
            # A template of the other type: joining fails as CPython's does.
            expand = lambda marks: _expand(template, string, marks)
        parts = []
        last = 0
        done = 0
        for marks in self._each(string, limit=count):
            if last < marks[1]:
                parts.append(string[last:marks[1]])
            replacement = expand(marks)
            if replacement:
                parts.append(replacement)
            last = marks[2]
            done += 1
        if last < len(string):
            parts.append(string[last:])
        return string[:0].join(parts), done

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


def _group(string, marks, index):
    start = marks[2 * index + 1]
    if start < 0:
        return None
    return string[start:marks[2 * index + 2]]


def _expand(template, string, marks):
    empty = string[:0]
    parts = []
    for item in template:
        if isinstance(item, int):
            text = _group(string, marks, item)
            if text:
                parts.append(text)
        else:
            parts.append(item)
    return empty.join(parts)


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "\\": "\\"}
_ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_OCTAL = "01234567"
_DIGITS = "0123456789"


def _template_error(message, template, pos):
    return error(message, template, pos)


def _compile_template(pattern, template):
    """A replacement template as literals and group numbers, after CPython's
    `_parser.parse_template`, with its errors."""
    if isinstance(template, bytes):
        if not isinstance(pattern.pattern, bytes):
            pass
        source = template.decode("latin-1")
    elif isinstance(template, str):
        source = template
    else:
        raise TypeError("expected str instance, %s found" % _type_name(template))
    items = []
    literal = []

    def flush():
        if literal:
            text = "".join(literal)
            items.append(text.encode("latin-1") if isinstance(template, bytes) else text)
            del literal[:]

    def add_group(index, pos):
        if index > pattern.groups:
            raise _template_error("invalid group reference %d" % index, template, pos)
        flush()
        items.append(index)

    i = 0
    n = len(source)
    while i < n:
        c = source[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise _template_error("bad escape (end of pattern)", template, start)
        c = source[i]
        i += 1
        if c == "g":
            if i >= n or source[i] != "<":
                raise _template_error("missing <", template, i)
            i += 1
            close = source.find(">", i)
            if close < 0:
                if i >= n:
                    raise _template_error("missing group name", template, i)
                raise _template_error("missing >, unterminated name", template, i)
            name = source[i:close]
            if not name:
                raise _template_error("missing group name", template, i)
            if name.isdecimal() and name.isascii():
                index = int(name)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name %r" % name)
                index = pattern.groupindex[name]
            else:
                raise _template_error("bad character in group name %r" % name, template, i)
            i = close + 1
            add_group(index, i - len(name) - 1)
        elif c == "0":
            digits = c
            while i < n and len(digits) < 3 and source[i] in _OCTAL:
                digits += source[i]
                i += 1
            literal.append(chr(int(digits, 8)))
        elif c in _DIGITS:
            this = c
            if i < n and source[i] in _DIGITS:
                this += source[i]
                i += 1
                if c in _OCTAL and this[1] in _OCTAL and i < n and source[i] in _OCTAL:
                    this += source[i]
                    i += 1
                    value = int(this, 8)
                    if value > 0o377:
                        raise _template_error(
                            "octal escape value \\%s outside of range 0-0o377" % this, template, start)
                    literal.append(chr(value))
                    continue
            add_group(int(this), start + 1)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
        elif c in _ASCII_LETTERS:
            raise _template_error("bad escape \\%s" % c, template, start)
        else:
            literal.append("\\" + c)
    flush()
    return items


class Match:
    def __init__(self, pattern, string, pos, endpos, marks):
        self.re = pattern
        self.string = string
        self._bounds = (pos, endpos)
        self._marks = marks

    @property
    def pos(self):
        return min(max(self._bounds[0], 0), len(self.string))

    @property
    def endpos(self):
        return min(max(self._bounds[1], 0), len(self.string))

    @property
    def lastindex(self):
        return self._marks[0]

    @property
    def lastgroup(self):
        last = self._marks[0]
        if last is None:
            return None
        for name, index in self.re.groupindex.items():
            if index == last:
                return name
        return None

    @property
    def regs(self):
        marks = self._marks
        return tuple((marks[i], marks[i + 1]) for i in range(1, len(marks), 2))

    def _index(self, group):
        try:
            index = self.re._group_numbers[group]
        except (KeyError, TypeError):
            raise IndexError("no such group") from None
        if type(group) is float:  # equal to an int key, but no group's name
            raise IndexError("no such group")
        return index

    def _get(self, group, default=None):
        index = self._index(group)
        marks = self._marks
        start = marks[2 * index + 1]
        if start < 0:
            return default
        return self.string[start:marks[2 * index + 2]]

    def group(self, group=0, *more):
        if more:
            return tuple(self._get(each) for each in (group,) + more)
        return self._get(group)

    def __getitem__(self, group):
        return self._get(group)

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(index, default) for name, index in self.re.groupindex.items()}

    def start(self, group=0):
        return self._marks[2 * self._index(group) + 1]

    def end(self, group=0):
        return self._marks[2 * self._index(group) + 2]

    def span(self, group=0):
        index = self._index(group)
        return self._marks[2 * index + 1], self._marks[2 * index + 2]

    def expand(self, template):
        return _expand(_compile_template(self.re, template), self.string, self._marks)

    def __repr__(self):
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            self._marks[1], self._marks[2], repr(self.group())[:50])

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        raise TypeError("cannot pickle 're.Match' object")


_cache = {}
_MAX_CACHE = 512


def _compile(pattern, flags):
    flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    except TypeError:
        pass
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    if isinstance(pattern, str):
        if flags & 4:
            raise ValueError("cannot use LOCALE flag with a str pattern")
        if flags & 256 and flags & 32:
            raise ValueError("ASCII and UNICODE flags are incompatible")
    else:
        if flags & 32:
            raise ValueError("cannot use UNICODE flag with a bytes pattern")
        if flags & 4 and flags & 256:
            raise ValueError("ASCII and LOCALE flags are incompatible")
    code, groups, names, final_flags = _sre.compile(pattern, flags, error)
    compiled = Pattern(pattern, final_flags, code, groups, names)
    if len(_cache) >= _MAX_CACHE:
        del _cache[next(iter(_cache))]
    _cache[key] = compiled
    return compiled


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


_SPECIAL = {i: "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    if isinstance(pattern, str):
        return pattern.translate(_SPECIAL)
    return str(pattern, "latin1").translate(_SPECIAL).encode("latin1")


class Scanner:
    """Splits a string into tokens by a lexicon of (pattern, action) pairs: at each place the
    first pattern that matches wins, and its action (a function of the scanner and the text, or
    a value, or None to drop the token) makes the token. Undocumented, as in CPython."""

    def __init__(self, lexicon, flags=0):
        self.lexicon = lexicon
        self._patterns = [_compile(phrase, flags) for phrase, _ in lexicon]

    def scan(self, string):
        result = []
        i = 0
        while True:
            for (_, action), pattern in zip(self.lexicon, self._patterns):
                m = pattern.match(string, i)
                if m:
                    break
            else:
                break
            j = m.end()
            if i == j:
                break
            if callable(action):
                self.match = m
                action = action(self, m.group())
            if action is not None:
                result.append(action)
            i = j
        return result, string[i:]
