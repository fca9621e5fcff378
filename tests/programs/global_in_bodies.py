# A `global` declaration in a class body, and in code `exec` runs with locals of its own, binds
# and deletes the module's name, while the body's other names stay in its own namespace.
x = "module"


class A:
    x = "class"
    global y
    y = "set in a class body"
    print(x)

    def f(self):
        return x


class B:
    global x
    print(x)
    x = "rebound by B"


print(x, "|", y, "|", A().f(), "|", A.x, hasattr(B, "x"), hasattr(A, "y"))


class C:
    global w
    w = 2
    del w


print("w" in globals())

g = {"q": 1}
l = {}
exec("global p\np = q + 1\nr = q + 2\nclass D:\n    global s\n    s = 5\n", g, l)
print(sorted(k for k in g if not k.startswith("__")), sorted(l))
exec("del r", g, l)
print(sorted(l))
try:
    exec("global q\ndel q\ndel q", g, l)
except NameError as e:
    print("NameError", e)
print(sorted(k for k in g if not k.startswith("__")))
