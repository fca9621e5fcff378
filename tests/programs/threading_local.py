# threading.local: each thread its own attributes; a subclass's __init__ runs in each thread.
import threading
class Ctx(threading.local):
    depth = 0
    def __init__(self, tag="t"):
        self.tag = tag
        self.seen = []
    @property
    def label(self):
        return f"{self.tag}:{self.depth}"
ctx = Ctx(tag="job")
def work(n):
    for _ in range(n):
        ctx.depth += 1
    ctx.seen.append(n)
    results[n] = (ctx.label, list(ctx.seen), sorted(vars(ctx)))
results = {}
ts = [threading.Thread(target=work, args=(n,)) for n in (1, 2, 3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results.items()))
print(ctx.label, ctx.seen, Ctx.depth)
del ctx.tag
try:
    ctx.tag
except AttributeError:
    print("deleted in this thread only")
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
plain = threading.local()
try:
    plain.nothing
except AttributeError as e:
    print("AttributeError raised")
print(isinstance(ctx, threading.local))
