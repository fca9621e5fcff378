# Checks containers that hold themselves (their reprs show [...] and {...}, comparing two such
# lists is a RecursionError), nesting too deep to repr, and objects made unhashable by __eq__.
shelf = ["book"]
shelf.append(shelf)
print(shelf, len(shelf))
registry = {"name": "root"}
registry["self"] = registry
print(registry)
print(str([registry, shelf]))
box = ([],)
box[0].append(box)
print(box)

other = ["book"]
other.append(other)
try:
    print(shelf == other)
except RecursionError as error:
    print("RecursionError:", error)

deep = []
for _ in range(50_000):
    deep = [deep]
try:
    print(len(repr(deep)))
except RecursionError as error:
    print("RecursionError:", error)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


for attempt in [lambda: {Point(1, 2)}, lambda: set().add(Point(0, 0)),
                lambda: Point(1, 1) in {1, 2}, lambda: {Point(3, 4): "p"}]:
    try:
        attempt()
    except TypeError as error:
        print("TypeError:", error)


class Hashed(Point):
    def __hash__(self):
        return hash((self.x, self.y))


print(len({Hashed(1, 2), Hashed(1, 2), Hashed(2, 1)}))
