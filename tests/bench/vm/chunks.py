# Splitting work into chunks, as a lesson does before handing them to processes: slices of a
# list and of a string, and sums over them.
def chunked(items, size):
    return [items[i : i + size] for i in range(0, len(items), size)]


data = list(range(200_000))
pieces = chunked(data, 4)
windows = [sum(data[i : i + 3]) for i in range(0, len(data) - 3)]
text = "abcdefghij" * 20_000
words = [text[i : i + 5] for i in range(0, len(text), 5)]
print(len(pieces), sum(map(len, pieces)), len(windows), windows[-1], len(words), words[-1])
