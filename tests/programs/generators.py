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


# PEP 479 inside a for loop: the RuntimeError is raised from the StopIteration.
def stops_early():
    yield 1
    raise StopIteration("early")


try:
    for value in stops_early():
        pass
except RuntimeError as error:
    print("RuntimeError:", error, "from", repr(error.__cause__))


# A for loop over a generator that fails: the generator is finished afterwards.
def failing():
    yield 1
    1 / 0


broken = failing()
try:
    for value in broken:
        pass
except ZeroDivisionError:
    print("after the error:", next(broken, "exhausted"))


# Sending into a generator a for loop is running, then leaving it half-way.
def counter():
    n = 0
    while True:
        n += 1
        sent = yield n
        if sent:
            print("got", sent)


numbers = counter()
for value in numbers:
    if value == 2:
        print("send gives", numbers.send("hello"))
    if value > 4:
        break
print("resumed after the loop:", next(numbers))
