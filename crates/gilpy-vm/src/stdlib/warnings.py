"""warnings: `warn`, the filters that decide what becomes of a warning, `catch_warnings`, and
`showwarning`/`formatwarning`, as CPython's Lib/warnings.py has them. gilpy has no `re`: the
`message` and `module` of a filter are matched by a small matcher of the regular expressions
filters use (literal text, `.`, `*`, `+`, `?`, and `\\` escapes)."""
import sys
import _traceback

__all__ = ["warn", "warn_explicit", "showwarning", "formatwarning", "filterwarnings",
           "simplefilter", "resetwarnings", "catch_warnings"]

_ACTIONS = ("error", "ignore", "always", "all", "default", "module", "once")

# A release build of CPython starts with these: deprecations are shown for code run as
# __main__ only.
filters = [
    ("default", None, DeprecationWarning, "__main__", 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}
# What "default" and "module" have shown, per module (CPython keeps `__warningregistry__` in
# each module's globals). Changing the filters forgets it, as CPython's version counter does.
_registries = {}


def _match(pattern, text, ignore_case, whole):
    """Whether the regular expression `pattern` matches the start of `text` (all of it with
    `whole`)."""
    if ignore_case:
        pattern, text = pattern.lower(), text.lower()
    atoms = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            atom = ("literal", pattern[i + 1])
            i += 2
        elif char == ".":
            atom = ("any", None)
            i += 1
        else:
            atom = ("literal", char)
            i += 1
        repeat = ""
        if i < len(pattern) and pattern[i] in "*+?":
            repeat = pattern[i]
            i += 1
        atoms.append((atom, repeat))

    def fits(atom, char):
        return atom[0] == "any" or atom[1] == char

    def run(a, t):
        if a == len(atoms):
            return t == len(text) or not whole
        atom, repeat = atoms[a]
        if repeat == "":
            return t < len(text) and fits(atom, text[t]) and run(a + 1, t + 1)
        if repeat == "?":
            return (t < len(text) and fits(atom, text[t]) and run(a + 1, t + 1)) or run(a + 1, t)
        least = 1 if repeat == "+" else 0
        end = t
        while end < len(text) and fits(atom, text[end]):
            end += 1
        for stop in range(end, t + least - 1, -1):
            if run(a + 1, stop):
                return True
        return False

    return run(0, 0)


def _add_filter(item, append):
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _registries.clear()
    onceregistry.clear()


def _check_pattern(pattern):
    # Refused rather than matched wrongly: the small matcher knows no alternatives, groups,
    # classes, counts or anchors.
    for char in "|()[]{}^$":
        if char in pattern.replace("\\" + char, ""):
            raise NotImplementedError("gilpy's warnings filters match literal text, '.', '*', "
                                      "'+' and '?' only, not %r" % char)


def filterwarnings(action, message="", category=Warning, module="", lineno=0, append=False):
    if action not in _ACTIONS:
        raise ValueError("invalid action: %r" % (action,))
    if not isinstance(message, str):
        raise TypeError("message must be a string")
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise TypeError("module must be a string")
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    _check_pattern(message)
    _check_pattern(module)
    _add_filter((action, message or None, category, module or None, lineno), append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    if action not in _ACTIONS:
        raise ValueError("invalid action: %r" % (action,))
    if not isinstance(lineno, int) or lineno < 0:
        raise ValueError("lineno must be an int >= 0")
    _add_filter((action, None, category, None, lineno), append)


def resetwarnings():
    filters[:] = []
    _registries.clear()
    onceregistry.clear()


def formatwarning(message, category, filename, lineno, line=None):
    text = "%s:%s: %s: %s\n" % (filename, lineno, category.__name__, message)
    if line:
        text += "  %s\n" % line.strip()
    return text


def _formatwarnmsg(msg):
    text = formatwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    if msg.source is not None:
        # CPython would show where the object was made if tracemalloc traced; gilpy has no
        # tracemalloc, so it says what CPython says when it does not trace.
        text += ("%s: Enable tracemalloc to get the object allocation traceback\n"
                 % msg.category.__name__)
    return text


def _showwarnmsg_impl(msg):
    file = msg.file if msg.file is not None else sys.stderr
    if file is None:
        return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


_showwarning_orig = showwarning


class WarningMessage:
    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file", "line", "source")

    def __init__(self, message, category, filename, lineno, file=None, line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, line : %r}"
                % (self.message, self._category_name, self.filename, self.lineno, self.line))


def _source_line(depth):
    # The caller's line as a traceback shows it: "  File ..., line N, in f\n    text\n".
    stack = _traceback.stack(depth + 1)
    if not stack:
        return None
    parts = stack[-1].split("\n")
    return parts[1].strip() if len(parts) > 1 and parts[1].strip() else None


def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, not '%s'"
                        % type(category).__name__)
    frame = _traceback.frame(stacklevel)
    if frame is None:
        filename, lineno, module, line = "sys", 1, "sys", None
    else:
        filename, lineno = frame[0], frame[1]
        module = sys._getframemodulename(stacklevel) or "<string>"
        line = _source_line(stacklevel)
    _warn_explicit(message, category, filename, lineno, module, line, source)


def _warn_unawaited_coroutine(coro):
    # Called by the VM as it drops a coroutine that never ran (`work()` without `await`),
    # from the frame that dropped it, as CPython's `_PyErr_WarnUnawaitedCoroutine`.
    frame = _traceback.frame(1)
    if frame is None:
        return
    _warn_explicit("coroutine '%s' was never awaited" % coro.__qualname__, RuntimeWarning,
                   frame[0], frame[1], sys._getframemodulename(1) or "<string>",
                   _source_line(1), coro)


def warn_explicit(message, category, filename, lineno, module=None, registry=None,
                  module_globals=None, source=None):
    if module is None:
        module = filename or "<unknown>"
        if module.endswith(".py"):
            module = module[:-3]
    _warn_explicit(message, category, filename, lineno, module, None, source)


def _warn_explicit(message, category, filename, lineno, module, line, source):
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    registry = _registries.setdefault(module, {})
    key = (text, category, lineno)
    if registry.get(key):
        return
    for action, msg, cat, mod, ln in filters:
        if ((msg is None or _match(msg, text, True, False)) and issubclass(category, cat)
                and (mod is None or _match(mod, module, False, True))
                and (ln == 0 or lineno == ln)):
            break
    else:
        action = defaultaction
    if action == "ignore":
        return
    if action == "error":
        raise message
    if action == "once":
        registry[key] = 1
        once_key = (text, category)
        if onceregistry.get(once_key):
            return
        onceregistry[once_key] = 1
    elif action == "module":
        registry[key] = 1
        module_key = (text, category, 0)
        if registry.get(module_key):
            return
        registry[module_key] = 1
    elif action == "default":
        registry[key] = 1
    msg = WarningMessage(message, category, filename, lineno, None, line, source)
    if showwarning is not _showwarning_orig:
        # A program replaced showwarning: it gets the pieces.
        showwarning(msg.message, msg.category, msg.filename, msg.lineno, msg.file, msg.line)
    else:
        _showwarnmsg(msg)


def _showwarnmsg(msg):
    if _record_to is not None:
        _record_to.append(msg)
        return
    _showwarnmsg_impl(msg)


_record_to = None


class catch_warnings:
    """Saves the filters and `showwarning` on entry and restores them on exit; with
    `record=True`, what is warned meanwhile goes into the list `__enter__` returns."""

    def __init__(self, *, record=False, module=None, action=None, category=Warning, lineno=0,
                 append=False):
        self._record = record
        self._entered = False
        self._filter = None if action is None else (action, category, lineno, append)
        if action is not None and sys.version_info < (3, 11):
            raise TypeError("catch_warnings.__init__() got an unexpected keyword argument "
                            "'action'")

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        global _record_to
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = filters[:]
        self._showwarning = showwarning
        self._record_to = _record_to
        self._registries = {name: dict(entries) for name, entries in _registries.items()}
        _registries.clear()
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            _record_to = log
            return log
        return None

    def __exit__(self, *exc_info):
        global _record_to, showwarning
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        filters[:] = self._filters
        showwarning = self._showwarning
        _record_to = self._record_to
        _registries.clear()
        _registries.update(self._registries)
