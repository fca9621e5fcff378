# Checks that an uncaught ZeroDivisionError from integer division ends the program with exit code 1.
def average(values):
    return sum(values) // len(values)

samples = [[2, 4, 6], [1, 2], []]
print("samples:", len(samples))
for sample in samples:
    print("average of", sample, "is", average(sample))
print("never reached")
