"""Character classes, as CPython's string module defines them."""

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join([word.capitalize() for word in s.split(sep)])


class Template:
    """`$name` and `${name}` substitution, `$$` for a dollar sign, as CPython's Template."""

    delimiter = "$"

    def __init__(self, template):
        self.template = template

    def _render(self, mapping, safe):
        text = self.template
        out = []
        i = 0
        while i < len(text):
            char = text[i]
            if char != "$":
                out.append(char)
                i += 1
                continue
            rest = text[i + 1:]
            if rest.startswith("$"):
                out.append("$")
                i += 2
                continue
            braced = rest.startswith("{")
            start = 1 if braced else 0
            end = start
            while end < len(rest) and (rest[end] == "_" or rest[end].isalnum()) and not (
                    end == start and rest[end].isdigit()):
                end += 1
            name = rest[start:end]
            if not name or (braced and not rest[end:].startswith("}")):
                if safe:
                    out.append("$")
                    i += 1
                    continue
                line = text[:i].count("\n") + 1
                column = i - (text.rfind("\n", 0, i) + 1) + 1
                raise ValueError("Invalid placeholder in string: line %d, col %d" % (line, column))
            length = 1 + end + (1 if braced else 0)
            if name in mapping:
                out.append(str(mapping[name]))
            elif safe:
                out.append(text[i:i + length])
            else:
                raise KeyError(name)
            i += length
        return "".join(out)

    def substitute(self, mapping=None, /, **kws):
        return self._render(dict(mapping or {}, **kws), False)

    def safe_substitute(self, mapping=None, /, **kws):
        return self._render(dict(mapping or {}, **kws), True)
