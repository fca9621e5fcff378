# Dict insert and lookup with int and str keys.
def churn(n):
    squares = {}
    for i in range(n):
        squares[i] = i * i
    names = {}
    for i in range(n):
        names["k" + str(i % 5000)] = i
    total = 0
    for i in range(n):
        total += squares[i] + names.get("k" + str(i % 7000), 0)
    return len(squares), len(names), total


print(churn(200_000))
