# String building: str(), f-strings, join, += and methods on the results.
def build(n):
    parts = []
    for i in range(n):
        parts.append(f"{i}:{i * 3 % 7}")
    text = ",".join(parts)
    line = ""
    for i in range(n // 10):
        line += str(i)
    return len(text), len(line), text.count("3:"), text.upper()[:12]


print(build(200_000))
