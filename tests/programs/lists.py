# Checks list operations: append/extend/insert/pop/remove, sort, index, count, copies, comparison.
a = [3, 1, 4, 1, 5]
a.append(9)
a.extend([2, 6])
a.insert(0, 0)
a.insert(100, 7)
a.insert(-1, 8)
print(a, len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(5), a.count(1), 4 in a, 10 not in a)
b = sorted(a)
a.sort(reverse=True)
print(a, b)
a.reverse()
print(a)
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
c = a.copy()
d = a
c.append(99)
d.append(42)
print(a is d, a == c, c, a)
nested = [[0] * 3 for _ in range(2)]
nested[0][1] = 5
alias = [[0] * 3] * 2
alias[0][1] = 5
print(nested, alias)
print([1, 2] + [3], [0] * 4, [1, 2] * 0, [1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] == [])
m = [5, 3, 8]
m[1] = 30
m += [1]
m *= 2
del m[0]
print(m, min(m), max(m), sum(m))
m.clear()
print(m, bool(m), bool([0]))
print(list(range(5)), list("hey"), list((1, 2)), list({3: "x", 1: "y"}))
stack = []
for ch in "abc":
    stack.append(ch)
while stack:
    print("pop", stack.pop())
print([1, [2, [3, [4]]]], repr(["a", 'b"c', None, 1.0]))
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].remove(3)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2][2]
except IndexError as e:
    print("IndexError:", e)
