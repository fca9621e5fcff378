# A deque under a seeded random run of every operation, at each maxlen kind: its ends, rotation
# both ways (short and long), indexing from either end, insertion and deletion inside.
import random
from collections import deque
random.seed(7)
for maxlen in [None, 5, 12]:
    d = deque(maxlen=maxlen)
    model = []
    for step in range(3000):
        op = random.choice(["append", "appendleft", "pop", "popleft", "rotate", "get", "set", "del", "insert", "extendleft", "len", "reverse", "iter"])
        try:
            if op == "append":
                d.append(step)
            elif op == "appendleft":
                d.appendleft(step)
            elif op == "pop":
                out = d.pop()
            elif op == "popleft":
                out = d.popleft()
            elif op == "rotate":
                d.rotate(random.randint(-200, 200))
            elif op == "get":
                out = d[random.randint(-15, 15)]
            elif op == "set":
                d[random.randint(-15, 15)] = -step
            elif op == "del":
                del d[random.randint(-15, 15)]
            elif op == "insert":
                d.insert(random.randint(-5, 20), step)
            elif op == "extendleft":
                d.extendleft([step, step + 1])
            elif op == "len":
                out = (len(d), bool(d))
            elif op == "reverse":
                d.reverse()
            elif op == "iter":
                out = sum(d) + sum(reversed(d))
        except IndexError as error:
            out = str(error)
        if step % 100 == 0:
            print(maxlen, step, list(d)[:8], len(d), d[0] if d else None, d[-1] if d else None)
    print(d)
d = deque(range(10))
d.rotate(3); print(d); d.rotate(-4); print(d); d.rotate(1000); print(d); print(d.index(5), 5 in d, d.count(5))
