# Checks the compile-time rules of global and nonlocal (CPython's symtable errors, raised by
# exec as SyntaxError with lineno and str), indentation errors caught from exec, and class
# bodies that read or rebind a variable of the function around them.
SOURCES = [
    "def f():\n    nonlocal missing\n",
    "nonlocal x\n",
    "def f(a):\n    global a\n",
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(y)\n    global y\n",
    "def f():\n    y = 1\n    def g():\n        print(y)\n        nonlocal y\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x\n",
    "for i in range(3):\nprint(i)\n",
    "x = 1\n    y = 2\n",
    "if x:\n        a = 1\n    b = 2\n",
    "class A:\n\n\ndef f():\n    pass\n",
]

for source in SOURCES:
    try:
        exec(source)
    except SyntaxError as error:
        print(type(error).__name__, "line", error.lineno, "-", error.msg)
        print("  str:", error)


def outer():
    size = 3
    label = "box"

    class Box:
        area = size * size
        nonlocal label
        label = "square"

        def describe(self):
            return f"{label} of {size}"

    return Box, label


Box, label = outer()
print(Box.area, label, Box().describe())


def counters():
    count = 0

    class Counter:
        nonlocal count
        count += 10

    count += 1
    return count


print(counters())

made = SyntaxError("made by hand")
print(made.msg, made.lineno, made.filename, str(made))
detailed = SyntaxError("bad", ("lesson.py", 4, 2, "x = = 1\n"))
print(detailed, detailed.lineno, detailed.offset, repr(detailed.text))
detailed.lineno = 9
print(detailed)

exec("while True:\nbreak\n")
