# except* clauses handle their own match: a bare raise re-raises the part matched (a lone
# exception as its group of one), sys.exception() and a new exception's context are that part.
# versions: 3.13
import sys
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        pass
except BaseException as x:
    print(repr(x))
try:
    try:
        raise ValueError(1)
    except* ValueError:
        print(repr(sys.exception()))
        raise
except BaseException as x:
    print(repr(x))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError as eg:
        raise KeyError("new")
except BaseException as x:
    print(repr(x), repr(x.exceptions[0].__context__))
