# A global read again after something else rebound it: another function's `global`, the
# module's dict, a global that shadows a built-in and then goes, the builtins module itself.
# (The VM remembers the globals each thread read; every one of these must be seen at once.)
import builtins

x = 1


def read():
    return x


def write(value):
    global x
    x = value


for i in range(3):
    print("read", read())
    write(i * 10)
print("read", read())

globals()["x"] = "through globals()"
print("read", read())
del globals()["x"]
try:
    read()
except NameError as error:
    print("NameError:", error)


def size():
    return len([1, 2, 3])


print("len", size())
len = lambda items: "a global named len"
print("len", size())
del len
print("len", size())

real_abs = builtins.abs
builtins.abs = lambda n: "patched abs"


def absolute():
    return abs(-5)


print("abs", absolute())
builtins.abs = real_abs
print("abs", absolute())


def count_down():
    global n
    while n > 0:
        n -= 1
        if n == 2:
            write("x again")
    return n


n = 5
print("count", count_down(), x)
