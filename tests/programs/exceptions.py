# Checks try/except/else/finally, multiple handlers, exception hierarchy, args, custom exceptions, re-raise.
def risky(kind):
    if kind == "value":
        raise ValueError("bad value", 42)
    if kind == "key":
        return {}["nope"]
    if kind == "type":
        return 1 + "a"
    if kind == "zero":
        return 1 / 0
    return "ok"

for kind in ["value", "key", "type", "zero", "none"]:
    try:
        result = risky(kind)
    except (KeyError, IndexError) as e:
        print(kind, "-> lookup error:", type(e).__name__, e)
    except ValueError as e:
        print(kind, "-> ValueError args:", e.args, "str:", str(e))
    except ArithmeticError as e:
        print(kind, "-> arithmetic:", type(e).__name__, repr(e))
    except Exception as e:
        print(kind, "-> other:", type(e).__name__, e)
    else:
        print(kind, "-> no exception, result", result)
    finally:
        print("  finally for", kind)

class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, name):
        super().__init__("not found: " + name)
        self.name = name

try:
    raise NotFound("widget")
except AppError as e:
    print(type(e).__name__, e, e.name, e.args, isinstance(e, Exception))

def reraise():
    try:
        int("x")
    except ValueError:
        print("logging and re-raising")
        raise

try:
    reraise()
except ValueError as e:
    print("caught again:", e)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(bool, int))
print(repr(Exception()), str(Exception()), repr(ValueError("x", 1)), str(KeyError("k")), str(Exception("a", "b")))
e = None
try:
    raise RuntimeError("scoped")
except RuntimeError as e:
    pass
print("e deleted after except:", "e" not in dir())
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as err:
    print("AssertionError:", err)
