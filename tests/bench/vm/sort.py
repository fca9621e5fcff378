# list.sort and sorted: ints, tuples, and a key function, on pseudo-random data.
def data(n):
    x = 12345
    values = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2_147_483_648
        values.append(x)
    return values


values = data(200_000)
ordered = sorted(values)
pairs = sorted((v % 1000, v) for v in values)
by_digits = sorted(values, key=lambda v: (v % 97, -v))
values.sort(reverse=True)
print(ordered[0], ordered[-1], pairs[0], by_digits[0], values[0])
