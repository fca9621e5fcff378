# eval(): the value of one expression, in the caller's globals or those given; a statement
# or a broken expression is a SyntaxError in each version's words.
x = 10
print(eval("2 + 3 * 4"), eval("x * 2"), eval("  [i * i for i in range(4)]"), eval("x + y", {"x": 1, "y": 2}))
print(eval("max(1, 5)"), eval("'a' * 3"), eval("(lambda n: n + 1)(x)"))
for bad in ("x = 1", "1 +", "print(", "import os"):
    try:
        eval(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    eval("undefined_name + 1")
except NameError as e:
    print(e)
print(eval("x", {"x": 5}, None))


def calculate(expression, x):
    rate = 2
    return eval(expression)


print(calculate("x * rate + 1", 5), calculate("len(str(x))", 12345))
print(eval("a + b", {"a": 1}, {"b": 2}), eval("y", {}, {"y": 3}))
