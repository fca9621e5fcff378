# Checks if/elif/else, while with break/continue, truthiness, conditional expressions, and/or values.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n % 2 == 0:
        return "even"
    else:
        return "odd"

print([classify(n) for n in (-5, 0, 4, 7)])
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
print("after loop i =", i)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps for 27:", steps)
for value in [0, 1, "", "a", [], [0], {}, None, 0.0, -1, (), set()]:
    print(repr(value), "truthy" if value else "falsy")
print(0 or "default", "x" or "y", None and 1, 1 and 2, [] or {} or "last", not 0, not "a")
count = 0
for outer in range(3):
    for inner in range(3):
        if inner == outer:
            continue
        if inner > outer + 1:
            break
        count += 1
print("pairs counted:", count)
x = 5
result = "big" if x > 10 else "medium" if x > 3 else "small"
print(result)
while True:
    x -= 2
    if x < 0:
        break
print("x ended at", x)
if not []:
    pass
print("pass ok")
