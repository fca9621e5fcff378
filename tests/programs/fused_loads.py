# Loads the VM fuses into one instruction (a local with a constant, two locals), where the
# second load is unbound or is the target of a jump, must behave as the two loads do apart.
def first_bound_second_not(flag):
    if flag:
        y = 1
    x = 2
    return x + y


def loop_condition(n):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
    return steps


def jump_into_second(a, b):
    # The conditional expression's branches start on the second load of a pair.
    return a if a > b else b


try:
    first_bound_second_not(False)
except UnboundLocalError as error:
    print("caught:", error)
print(first_bound_second_not(True), loop_condition(7), jump_into_second(3, 9), jump_into_second(9, 3))
i = 0
while i < 5:
    i += 1
print(i, 3 < i < 9, i * 3 > 10, -i)


def g(flag):
    if flag:
        z = 1
    return z - 1


g(False)
