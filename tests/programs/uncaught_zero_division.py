# Checks that an uncaught ZeroDivisionError from integer division ends the program with exit code 1.
def average(values):
    return sum(values) // len(values)

print("average of [2, 4, 6]:", average([2, 4, 6]))
print("average of []:", average([]))
print("never reached")
