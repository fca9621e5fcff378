# Checks assignment expressions (:=) in conditions, loops, comprehensions, and their scoping.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list with", n, "items")
values = iter([5, 3, 0, 7])
while (v := next(values)) != 0:
    print("value", v)
print("stopped at", v)
squares = [y for x in range(6) if (y := x * x) % 2 == 0]
print(squares, "last y:", y)
total = 0
running = [total := total + x for x in data]
print(running, total)
print((z := 10) + z, z)
chunks = "a,b;c,d;e"
parts = [p for chunk in chunks.split(";") if len(p := chunk.split(",")) > 1]
print(parts, p)

def first_big(items, limit):
    if any((hit := item) > limit for item in items):
        return hit
    return None

print(first_big(data, 7), first_big(data, 100))
matches = {w: m for w in ["apple", "kiwi", "banana"] if (m := w.count("a")) > 0}
print(matches)
line_no = 0
lines = ["x", "", "y"]
while line_no < len(lines) and (line := lines[line_no]):
    print("line", line_no, line)
    line_no += 1
print("stopped at blank line", line_no)
print([(a := i, a * 2) for i in range(3)], a)
