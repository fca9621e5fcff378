# logging's formatting: record attributes in a %-format, '{' and '$' styles, a Formatter whose
# formatTime is overridden, extra=, a mapping as the only argument, stacklevel, LoggerAdapter,
# format validation, exception() and exc_info= with their tracebacks, and a logging error.
import logging
import sys


class Collect:
    """A stream that keeps what is written, with this file's path made relative."""

    def __init__(self):
        self.text = ""

    def write(self, text):
        self.text += text.replace(__file__, __file__.rsplit("/", 1)[-1])

    def flush(self):
        pass


class FixedTime(logging.Formatter):
    def formatTime(self, record, datefmt=None):
        return "12:00" if datefmt is None else "12:00 (%s)" % datefmt


log = logging.getLogger("fmt")
log.propagate = False
handler = logging.StreamHandler(sys.stdout)
log.addHandler(handler)
handler.setFormatter(FixedTime(
    "%(asctime)s %(levelname)-8s %(name)s %(module)s.%(funcName)s:%(lineno)d %(message)s"))


def work(n):
    log.warning("working on %d", n)
    return [log.info("in a comprehension") for _ in range(1)]


log.setLevel(logging.INFO)
work(3)
handler.setFormatter(FixedTime("%(asctime)s [%(levelno)s] %(message)s", datefmt="%H:%M"))
log.info(
    "a call over %s",
    "three lines",
)
(lambda: log.info("in a lambda"))()
handler.setFormatter(logging.Formatter("{levelname}:{name}:{message} ({filename})", style="{"))
log.info("brace style %s", "works")
handler.setFormatter(logging.Formatter("$levelname/${name}: $message", style="$"))
log.info("dollar style")
handler.setFormatter(logging.Formatter("%(user)s@%(host)s %(message)s"))
log.info("extra fields", extra={"user": "ann", "host": "db1"})
try:
    log.info("clash", extra={"message": "x"})
except KeyError as e:
    print("KeyError", e)
handler.setFormatter(logging.Formatter("%(message)s"))
log.info("%(a)s and %(b)s", {"a": 1, "b": 2})
log.info("%s%%", 50)


def helper(message):
    log.info(message, stacklevel=2)


def caller():
    helper("stacklevel=2 names the caller")


handler.setFormatter(logging.Formatter("%(funcName)s:%(lineno)d %(message)s"))
caller()
adapter = logging.LoggerAdapter(log, {"request": 7})
handler.setFormatter(logging.Formatter("[%(request)s] %(message)s"))
adapter.info("adapted %s", "call")
print(repr(adapter))

for fmt, style in (("no fields", "%"), ("{", "{"), ("plain", "{"), ("$", "$"), ("x", "#")):
    try:
        logging.Formatter(fmt, style=style)
    except ValueError as e:
        print("ValueError", e)

record = logging.makeLogRecord({"msg": "made %s", "args": ("here",), "levelno": 20})
print(record.getMessage(), record.name, record.levelname)
record = logging.LogRecord("rec", logging.ERROR, "dir/mod.py", 12, "n=%d", (5,), None, "fn")
print(record.name, record.levelname, record.filename, record.module, record.lineno,
      record.funcName, record.getMessage(), "%(levelname)s:%(message)s" % {**record.__dict__,
                                                                        "message": "m"})

collected = Collect()
handler.setStream(collected)
handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))


def divide(a, b):
    return a / b


try:
    divide(1, 0)
except ZeroDivisionError:
    log.exception("dividing %d by %d", 1, 0)
try:
    {}["key"]
except KeyError as error:
    log.error("with exc_info=error", exc_info=error)
    log.warning("with exc_info=True", exc_info=True)
log.exception("outside an except block")
print(collected.text, end="")

handler.setStream(sys.stdout)
handler.setFormatter(logging.Formatter("%(message)s"))
log.info("%s and %s", "one argument short")
print("after the logging error")
