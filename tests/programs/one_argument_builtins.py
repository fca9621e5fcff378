# len, abs and str called with one argument, in a loop: the built-ins' answers and errors, and
# names that shadow them.
import builtins


class Sized:
    def __init__(self, size):
        self.size = size

    def __len__(self):
        return self.size

    def __abs__(self):
        return "absolute"

    def __str__(self):
        return f"Sized({self.size})"


def calls(values):
    for value in values:
        for function in (len, abs, str):
            try:
                print(function.__name__, repr(function(value)))
            except (TypeError, ValueError) as error:
                print(function.__name__, type(error).__name__, error)


calls([[1, 2], "text", -3, -2.5, True, Sized(4), Sized(-1), None, 2**70 * -1, {"a": 1}])


def shadowed():
    len = lambda value: "my len"
    str = lambda value: "my str"
    return len([1]), str(1), abs(-1)


print(shadowed())

saved = builtins.abs
builtins.abs = lambda value: "patched abs"
print(abs(-5))
builtins.abs = saved
print(abs(-5))


def total_length(words):
    total = 0
    for word in words:
        total += len(word) + len(str(abs(-len(word))))
    return total


print(total_length(["alpha", "be", "gamma"] * 1000))
print(len(5))
