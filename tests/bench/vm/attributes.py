# Classes: attribute reads and writes on an instance, and a method call, in a loop.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def walk(n):
    p = Point(1, -2)
    total = 0
    for i in range(n):
        p.x = i
        total += p.norm1() + p.y
    return total


print(walk(1_000_000))
