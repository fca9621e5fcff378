# Checks closure cells that are empty: read before assignment, after del, and an except-as name an inner function uses.
def outer():
    def inner():
        return x
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    x = 1
    print(inner())
    del x
    try:
        inner()
    except NameError as e:
        print("NameError:", e)
outer()
def early():
    def inner():
        return y
    print(y)
    y = 2
try:
    early()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def cls_cell():
    class A:
        def f(self):
            return __class__.__name__
    return A().f()
print(cls_cell())
def handler_cell():
    try:
        1 / 0
    except ZeroDivisionError as err:
        show = lambda: type(err).__name__
        print(show())
        del err
    try:
        show()
    except NameError as e:
        print("NameError:", e)
handler_cell()
