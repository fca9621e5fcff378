# A deque drained from the left while it is also read, rotated and compared: the left end moves
# without moving the rest, and every other method sees the same items.
from collections import deque

q = deque(range(100))
taken = [q.popleft() for _ in range(40)]
print(taken[:3], taken[-1], len(q), bool(q), q[0], q[-1], 45 in q, 10 in q)
q.append(100)
q.appendleft(39)
print(q.popleft(), q.popleft(), q.pop(), len(q), q.index(50), q.count(60))
q.rotate(3)
print(list(q)[:5], q[2], q == deque(list(q)), q < deque([999]))
for _ in range(30):
    q.popleft()
print(repr(q)[:40], len(q), list(reversed(q))[:3])
q.extendleft([1, 2])
del q[1]
q[0] = "first"
print(list(q)[:4], q.copy() == q)

bounded = deque(maxlen=5)
for n in range(50):
    bounded.append(n)
    if n % 7 == 0:
        bounded.popleft()
print(bounded, len(bounded), bounded.maxlen)

work = deque(["a"])
order = []
while work:
    item = work.popleft()
    order.append(item)
    if len(item) < 4:
        work.append(item + "x")
        work.append(item + "y")
print(len(order), order[:6], order[-1])

empty = deque()
for method in (empty.popleft, empty.pop):
    try:
        method()
    except IndexError as error:
        print("IndexError:", error)

items = list(range(20))
del items[2:18:3]
print(items)
del items[::-2]
print(items)
del items[-3:]
print(items)
del items[5:2]
print(items, len(items))
