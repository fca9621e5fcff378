# Checks generator functions: lazy evaluation, send, return value via StopIteration, close, infinite gens.
def countdown(n):
    print("start countdown")
    while n > 0:
        yield n
        n -= 1
    print("done counting")

g = countdown(3)
print("created")
print(next(g), next(g), next(g))
print(next(g, "exhausted"), next(g, "still exhausted"))
print(list(countdown(2)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

f = fib()
print([next(f) for _ in range(12)])

def echo():
    received = None
    while True:
        received = yield "got " + str(received)

e = echo()
print(next(e), e.send(1), e.send("two"))

def with_return():
    yield 1
    return "the result"

w = with_return()
next(w)
try:
    next(w)
except StopIteration as stop:
    print("StopIteration value:", stop.value)

def cleanup():
    try:
        yield "working"
    finally:
        print("cleanup ran")

cg = cleanup()
print(next(cg))
cg.close()

def squares(limit):
    for i in range(limit):
        yield i * i

print(sum(squares(5)), list(squares(0)), sorted(squares(4), reverse=True))

it = iter([1, 2])
print(next(it), next(it), next(it, None), type(g).__name__)


# A generator that resumes itself while it runs, and one a for loop leaves half-way.
def reentrant():
    yield next(me)


me = reentrant()
try:
    next(me)
except ValueError as error:
    print("ValueError:", error)
print(next(me, "finished after the error"))

halfway = (n * n for n in range(10))
for square in halfway:
    if square > 10:
        break
print("left at", square, "then", next(halfway), list(halfway))
