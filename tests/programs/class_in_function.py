# Checks classes made inside functions: a class body reads the function's variables, rebinds
# a name of its own (then reads that one, as LOAD_NAME does), declares one nonlocal, and its
# methods see the function's variables but not the class's names.
def make_counter_class(start, step):
    label = "counter"
    shared = []

    class Counter:
        title = label.upper() + "!"
        first = start
        step_name = "b"
        shown = step_name.upper()
        total = step

        def __init__(self):
            self.value = first_value()

        def bump(self):
            shared.append(step)
            self.value += step
            return self.value

        def name(self):
            return label

    def first_value():
        return start

    return Counter, shared


Counter, shared = make_counter_class(3, 2)
c = Counter()
print(Counter.title, Counter.first, Counter.shown, Counter.total)
print(c.value, c.bump(), c.bump(), shared, c.name())


def tally():
    count = 0

    class Recorder:
        nonlocal count
        count += 5
        seen = count

    count += 1
    return count, Recorder.seen


print(tally())


def shadow():
    x = "outer"

    class Inner:
        x = "class"
        y = x

        def method(self):
            return x

    return Inner.y, Inner().method()


print(shadow())


setting = "module"


def with_global():
    setting = "function"

    class Reader:
        global setting
        seen = setting

        def method(self):
            return setting

    return Reader.seen, Reader().method()


print(with_global())
