"""JSON encoding and decoding, with the output and error messages of CPython's json package
(one module here: the encoder and decoder are in it)."""

import sys as _sys

import _json

_VERSION = _sys.version_info

__all__ = ["dump", "dumps", "load", "loads", "JSONDecodeError", "JSONDecoder", "JSONEncoder"]


class JSONDecodeError(ValueError):
    """A document that is not JSON: msg, the document, and where (pos, lineno, colno)."""

    def __init__(self, msg, doc, pos):
        lineno = 1
        last_newline = -1
        for index in range(pos):
            if doc[index] == "\n":
                lineno += 1
                last_newline = index
        colno = pos - last_newline
        ValueError.__init__(self, msg + ": line " + str(lineno) + " column " + str(colno)
                            + " (char " + str(pos) + ")")
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


JSONDecodeError.__module__ = "json.decoder"


# ---- encoding ----

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
            "\f": "\\f"}


def _encode_string(text, ensure_ascii):
    parts = ['"']
    for ch in text:
        escaped = _ESCAPES.get(ch)
        if escaped is not None:
            parts.append(escaped)
            continue
        code = ord(ch)
        if code < 0x20 or (ensure_ascii and code > 0x7e):
            if code > 0xFFFF:
                code -= 0x10000
                high = 0xD800 | ((code >> 10) & 0x3FF)
                low = 0xDC00 | (code & 0x3FF)
                parts.append("\\u" + format(high, "04x") + "\\u" + format(low, "04x"))
            else:
                parts.append("\\u" + format(code, "04x"))
        else:
            parts.append(ch)
    parts.append('"')
    return "".join(parts)


def _float_text(value, allow_nan):
    if value != value:
        text = "NaN"
    elif value == float("inf"):
        text = "Infinity"
    elif value == -float("inf"):
        text = "-Infinity"
    else:
        return float.__repr__(value)
    if not allow_nan:
        message = "Out of range float values are not JSON compliant"
        if _VERSION >= (3, 12):
            message += ": " + repr(value)
        raise ValueError(message)
    return text


class JSONEncoder:
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type " + o.__class__.__name__ + " is not JSON serializable")

    def encode(self, o):
        if isinstance(o, str):
            return _encode_string(o, self.ensure_ascii)
        # Plain data is written natively; the rest (default=, subclasses, errors) here.
        indent = None if self.indent is None else self._indent_text()
        text = _json.encode(o, self.ensure_ascii, self.allow_nan, self.sort_keys,
                            self.item_separator, self.key_separator, indent)
        if text is not None:
            return text
        parts = []
        self._encode(o, 0, parts, {})
        return "".join(parts)

    def iterencode(self, o):
        return iter([self.encode(o)])

    def _encode(self, o, level, parts, markers):
        if isinstance(o, str):
            parts.append(_encode_string(o, self.ensure_ascii))
        elif o is None:
            parts.append("null")
        elif o is True:
            parts.append("true")
        elif o is False:
            parts.append("false")
        elif isinstance(o, int):
            parts.append(int.__repr__(o))
        elif isinstance(o, float):
            parts.append(_float_text(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            self._encode_list(o, level, parts, markers)
        elif isinstance(o, dict):
            self._encode_dict(o, level, parts, markers)
        else:
            marker = self._enter(o, markers)
            self._encode(self.default(o), level, parts, markers)
            self._leave(marker, markers)

    def _enter(self, o, markers):
        if not self.check_circular:
            return None
        marker = id(o)
        if marker in markers:
            raise ValueError("Circular reference detected")
        markers[marker] = o
        return marker

    def _leave(self, marker, markers):
        if marker is not None:
            del markers[marker]

    def _indent_text(self):
        indent = self.indent
        if isinstance(indent, int):
            return " " * indent
        return indent

    def _encode_list(self, items, level, parts, markers):
        if not items:
            parts.append("[]")
            return

        def write(value, level):
            self._encode(value, level, parts, markers)

        self._encode_container(items, items, "[", "]", write, level, parts, markers)

    def _encode_container(self, container, entries, opening, closing, write, level, parts,
                          markers):
        # One entry a line, indented one level deeper, when there is an indent.
        marker = self._enter(container, markers)
        parts.append(opening)
        if self.indent is not None:
            level += 1
            newline_indent = "\n" + self._indent_text() * level
            separator = self.item_separator + newline_indent
            parts.append(newline_indent)
        else:
            newline_indent = None
            separator = self.item_separator
        first = True
        for entry in entries:
            if not first:
                parts.append(separator)
            first = False
            write(entry, level)
        if newline_indent is not None:
            level -= 1
            parts.append("\n" + self._indent_text() * level)
        parts.append(closing)
        self._leave(marker, markers)

    def _key_text(self, key):
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return _float_text(key, self.allow_nan)
        if key is True:
            return "true"
        if key is False:
            return "false"
        if key is None:
            return "null"
        if isinstance(key, int):
            return int.__repr__(key)
        if self.skipkeys:
            return None
        raise TypeError("keys must be str, int, float, bool or None, not "
                        + key.__class__.__name__)

    def _encode_dict(self, mapping, level, parts, markers):
        if not mapping:
            parts.append("{}")
            return
        items = sorted(mapping.items()) if self.sort_keys else mapping.items()

        def entries():
            for key, value in items:
                key = self._key_text(key)
                if key is not None:
                    yield key, value

        def write(entry, level):
            parts.append(_encode_string(entry[0], self.ensure_ascii))
            parts.append(self.key_separator)
            self._encode(entry[1], level, parts, markers)

        self._encode_container(mapping, entries(), "{", "}", write, level, parts, markers)


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kwargs):
    fp.write(dumps(obj, **kwargs))


# ---- decoding ----

_WHITESPACE = " \t\n\r"
_CONSTANTS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}
_UNESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
              "t": "\t"}
_DIGITS = "0123456789"
_HEX = "0123456789abcdefABCDEF"


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self._plain = (object_hook is None and parse_float is None and parse_int is None
                       and parse_constant is None and object_pairs_hook is None)

    def decode(self, s):
        if self._plain:
            # A valid document is read natively; errors are found and reported here.
            scanned = _json.scan(s)
            if scanned is not None:
                return scanned[0]
        scanner = _Scanner(self, s)
        obj, end = scanner.value(scanner.skip(0))
        end = scanner.skip(end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        return _Scanner(self, s).value(idx)


class _Scanner:
    """One document being decoded; its characters in a list, for quick indexing."""

    def __init__(self, decoder, doc):
        self.decoder = decoder
        self.doc = doc
        self.chars = list(doc)
        self.n = len(self.chars)

    def error(self, message, idx):
        return JSONDecodeError(message, self.doc, idx)

    def skip(self, idx):
        chars, n = self.chars, self.n
        while idx < n and chars[idx] in _WHITESPACE:
            idx += 1
        return idx

    def starts(self, word, idx):
        return "".join(self.chars[idx:idx + len(word)]) == word

    def value(self, idx):
        if idx >= self.n:
            raise self.error("Expecting value", idx)
        ch = self.chars[idx]
        if ch == '"':
            return self.string(idx + 1)
        if ch == "{":
            return self.object(idx + 1)
        if ch == "[":
            return self.array(idx + 1)
        if ch == "n" and self.starts("null", idx):
            return None, idx + 4
        if ch == "t" and self.starts("true", idx):
            return True, idx + 4
        if ch == "f" and self.starts("false", idx):
            return False, idx + 5
        number = self.number(idx)
        if number is not None:
            return number
        for name in ("NaN", "Infinity", "-Infinity"):
            if self.starts(name, idx):
                return self.decoder.parse_constant(name), idx + len(name)
        raise self.error("Expecting value", idx)

    def number(self, idx):
        chars, n = self.chars, self.n
        end = idx
        if end < n and chars[end] == "-":
            end += 1
        if end < n and chars[end] == "0":
            end += 1
        elif end < n and chars[end] in "123456789":
            while end < n and chars[end] in _DIGITS:
                end += 1
        else:
            return None
        integer_end = end
        if end + 1 < n and chars[end] == "." and chars[end + 1] in _DIGITS:
            end += 2
            while end < n and chars[end] in _DIGITS:
                end += 1
        if end < n and chars[end] in "eE":
            exponent = end + 1
            if exponent < n and chars[exponent] in "+-":
                exponent += 1
            if exponent < n and chars[exponent] in _DIGITS:
                end = exponent + 1
                while end < n and chars[end] in _DIGITS:
                    end += 1
        text = "".join(chars[idx:end])
        if end == integer_end:
            return self.decoder.parse_int(text), end
        return self.decoder.parse_float(text), end

    def string(self, idx):
        chars, n = self.chars, self.n
        begin = idx - 1
        chunks = []
        start = idx
        while True:
            if idx >= n:
                raise self.error("Unterminated string starting at", begin)
            ch = chars[idx]
            if ch == '"':
                chunks.append("".join(chars[start:idx]))
                return "".join(chunks), idx + 1
            if ch == "\\":
                chunks.append("".join(chars[start:idx]))
                idx += 1
                if idx >= n:
                    raise self.error("Unterminated string starting at", begin)
                escape = chars[idx]
                if escape == "u":
                    code = self.hex4(idx + 1, idx - 1)
                    idx += 5
                    if 0xD800 <= code <= 0xDBFF and self.starts("\\u", idx):
                        low = self.hex4(idx + 2, idx)
                        if 0xDC00 <= low <= 0xDFFF:
                            code = 0x10000 + (((code - 0xD800) << 10) | (low - 0xDC00))
                            idx += 6
                    chunks.append(chr(code))
                else:
                    if escape not in _UNESCAPES:
                        raise self.error("Invalid \\escape", idx - 1)
                    chunks.append(_UNESCAPES[escape])
                    idx += 1
                start = idx
                continue
            if self.decoder.strict and ord(ch) < 0x20:
                raise self.error("Invalid control character at", idx)
            idx += 1

    def hex4(self, idx, escape_at):
        digits = "".join(self.chars[idx:idx + 4])
        if len(digits) != 4 or not all([d in _HEX for d in digits]):
            raise self.error("Invalid \\uXXXX escape", escape_at)
        return int(digits, 16)

    def trailing_comma(self, comma, idx, closing, what):
        # 3.13 names a trailing comma; before, the next token was simply unexpected.
        if _VERSION >= (3, 13) and idx < self.n and self.chars[idx] == closing:
            raise self.error("Illegal trailing comma before end of " + what, comma)

    def object(self, idx):
        chars = self.chars
        pairs = []
        idx = self.skip(idx)
        if idx < self.n and chars[idx] == "}":
            return self.finish_object(pairs), idx + 1
        while True:
            if idx >= self.n or chars[idx] != '"':
                raise self.error("Expecting property name enclosed in double quotes", idx)
            key, idx = self.string(idx + 1)
            idx = self.skip(idx)
            if idx >= self.n or chars[idx] != ":":
                raise self.error("Expecting ':' delimiter", idx)
            idx = self.skip(idx + 1)
            value, idx = self.value(idx)
            pairs.append((key, value))
            idx = self.skip(idx)
            if idx < self.n and chars[idx] == "}":
                return self.finish_object(pairs), idx + 1
            if idx >= self.n or chars[idx] != ",":
                raise self.error("Expecting ',' delimiter", idx)
            comma = idx
            idx = self.skip(idx + 1)
            self.trailing_comma(comma, idx, "}", "object")

    def finish_object(self, pairs):
        decoder = self.decoder
        if decoder.object_pairs_hook is not None:
            return decoder.object_pairs_hook(pairs)
        result = dict(pairs)
        if decoder.object_hook is not None:
            return decoder.object_hook(result)
        return result

    def array(self, idx):
        chars = self.chars
        items = []
        idx = self.skip(idx)
        if idx < self.n and chars[idx] == "]":
            return items, idx + 1
        while True:
            value, idx = self.value(idx)
            items.append(value)
            idx = self.skip(idx)
            if idx < self.n and chars[idx] == "]":
                return items, idx + 1
            if idx >= self.n or chars[idx] != ",":
                raise self.error("Expecting ',' delimiter", idx)
            comma = idx
            idx = self.skip(idx + 1)
            self.trailing_comma(comma, idx, "]", "array")


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not "
                        + s.__class__.__name__)
    if s.startswith("\ufeff"):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook,
               **kw).decode(s)


def load(fp, **kwargs):
    return loads(fp.read(), **kwargs)
