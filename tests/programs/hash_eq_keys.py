# Checks user-defined __hash__ and __eq__ as dict keys: lookups by equal objects, updates, merges, counting, and unhashable classes.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)

grid = {Point(0, 0): "origin", Point(1, 2): "a"}
grid[Point(1, 2)] = "b"
print(grid, len(grid), grid[Point(0, 0)], Point(1, 2) in grid, Point(5, 5) in grid, grid.get(Point(9, 9), "none"))
print(grid.pop(Point(0, 0)), grid, grid.setdefault(Point(1, 2), "x"), grid.setdefault(Point(3, 3), "new"))
merged = {**grid, Point(3, 3): "override"}
merged.update({Point(1, 2): "updated"})
print(merged, dict.fromkeys([Point(1, 1), Point(1, 1)]), {Point(i % 2, 0): i for i in range(5)})
seen = {}
for p in [Point(1, 1), Point(2, 2), Point(1, 1), Point(1, 1)]:
    seen[p] = seen.get(p, 0) + 1
print(seen, hash(Point(1, 1)) == hash(Point(1, 1)))
del seen[Point(2, 2)]
print(seen)

class Token:
    def __init__(self, text):
        self.text = text

    def __eq__(self, other):
        return self.text == other.text

print(Token.__hash__ is None, Token("a") == Token("a"))
try:
    {Token("a"): 1}
except TypeError as e:
    print("TypeError:", e)

class ById:
    pass

a, b = ById(), ById()
print(len({a: 1, b: 2, a: 3}), {a: 1}[a])
