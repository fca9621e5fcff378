# repr(float) is the shortest text that reads back as the same float; where two texts of
# that length both do, CPython prints the one nearer the value (halves to even).
import random

print(1e15 + 0.25, 1e15 + 0.75, 2 ** 53 + 0.5 - 0.5, 0.1 + 0.2, 1 / 3, 2.675, 1e16, 5e-324)
print([1e15 + k / 8 for k in range(24)])
random.seed(11)
values = [random.random() * 10 ** random.randint(-20, 20) for _ in range(300)]
for start in range(0, len(values), 6):
    print(values[start:start + 6])
