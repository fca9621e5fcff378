# Checks what learners' slips print: format specs that read a variable of an enclosing
# function (f"{x:>{width}}" in a comprehension), a class body reading its function's variable,
# and a misspelt name, which 3.10+ answer with "Did you mean".
def table(rows):
    width = max(len(f"{r:.2f}") for r in rows)
    places = 2
    return "\n".join(f"{r:>{width}.{places}f}" for r in rows)


print(table([1.5, 22.25, 333.125]))
pad = lambda text, size: (lambda: f"[{text:^{size}}]")()
print(pad("mid", 9))


def make_config(level):
    class Config:
        verbose = level > 1
        label = f"level {level}"
    return Config


print(make_config(2).verbose, make_config(0).label)

try:
    undefined_helper()
except NameError as error:
    print("NameError:", error, "| name:", getattr(error, "name", "-"))


def average(values):
    total = sum(values)
    count = len(values)
    return totl / count


print(average([1, 2, 3]))
