# Checks exception chaining: raise ... from (__cause__), implicit __context__, from None suppression.
class ConfigError(Exception):
    pass

def parse(text):
    try:
        return int(text)
    except ValueError as exc:
        raise ConfigError("bad config: " + text) from exc

try:
    parse("abc")
except ConfigError as e:
    print("error:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress context:", e.__suppress_context__)

def implicit():
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling")

try:
    implicit()
except RuntimeError as e:
    print("error:", e, "| cause:", e.__cause__, "| context:", repr(e.__context__))

def hidden():
    try:
        [][0]
    except IndexError:
        raise ValueError("clean") from None

try:
    hidden()
except ValueError as e:
    print("error:", e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

def chain_of_three():
    try:
        try:
            1 / 0
        except ZeroDivisionError as z:
            raise KeyError("middle") from z
    except KeyError as k:
        raise LookupError("top") from k

try:
    chain_of_three()
except LookupError as e:
    node = e
    names = []
    while node is not None:
        names.append(type(node).__name__)
        node = node.__cause__
    print(" <- ".join(names))

try:
    raise ValueError("with traceback")
except ValueError as e:
    print(e.__traceback__ is not None, e.__traceback__.tb_lineno)


# Raised in a function called from an `except` block, or by an operation there: the exception
# being handled is still the context.
def fails_inside():
    raise KeyError("inner")


def calls_while_handling():
    try:
        raise ValueError("outer")
    except ValueError:
        fails_inside()


try:
    calls_while_handling()
except KeyError as error:
    print("called:", repr(error.__context__))


def indexes_while_handling():
    try:
        raise ValueError("outer2")
    except ValueError:
        return [1][5]


try:
    indexes_while_handling()
except IndexError as error:
    print("indexed:", repr(error.__context__))


def reraises():
    try:
        raise LookupError("again")
    except LookupError:
        raise


try:
    raise TypeError("handled")
except TypeError:
    try:
        reraises()
    except LookupError as error:
        print("re-raised:", repr(error.__context__))
