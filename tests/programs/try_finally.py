# Checks finally semantics: runs on return/break/continue/exception, return in finally overrides.
def f_return():
    try:
        return "from try"
    finally:
        print("finally after return")

print(f_return())

def f_override():
    try:
        return "try"
    finally:
        return "finally wins"

print(f_override())

def f_swallow():
    try:
        raise ValueError("lost")
    finally:
        return "exception swallowed"

print(f_swallow())
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)

def nested():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
    except KeyError as e:
        print("outer caught", e)
    finally:
        print("outer finally")

nested()
log = []

def tracked(x):
    try:
        log.append("try")
        result = 10 // x
    except ZeroDivisionError:
        log.append("except")
        result = None
    else:
        log.append("else")
    finally:
        log.append("finally")
    return result

print(tracked(2), tracked(0), log)
