# bisect (with key= from 3.10) and abc (ABC, abstractmethod, and the words of refusing to
# instantiate an abstract class in each version).
import bisect
from abc import ABC, abstractmethod
scores = [10, 20, 20, 30, 45]
print(bisect.bisect(scores, 20), bisect.bisect_left(scores, 20), bisect.bisect_right(scores, 5), bisect.bisect_left(scores, 99))
bisect.insort(scores, 25); bisect.insort_left(scores, 20); print(scores)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
people = [("ann", 31), ("bob", 25), ("cy", 40)]
people.sort(key=lambda p: p[1])
try:  # key= is 3.10+
    print(bisect.bisect_left(people, 30, key=lambda p: p[1]))
    bisect.insort(people, ("dee", 33), key=lambda p: p[1])
    print(people)
except TypeError as error:
    print("TypeError", error)
try:
    bisect.bisect([], 1, -1)
except ValueError as e:
    print("ValueError", e)

class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self):
        return f"{self.name()} of area {self.area()}"

class Square(Shape):
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side ** 2
    def name(self):
        return "square"

class Half(Shape):
    def area(self):
        return 0

print(Square(3).describe(), isinstance(Square(2), Shape))
for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print("TypeError", e)
