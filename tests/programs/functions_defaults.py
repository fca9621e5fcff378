# Checks default arguments: evaluation time, mutable default pitfall, None idiom, keyword calls, recursion.
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct

print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))

def append_bad(item, acc=[]):
    acc.append(item)
    return acc

print(append_bad(1), append_bad(2), append_bad(3, []))

def append_good(item, acc=None):
    if acc is None:
        acc = []
    acc.append(item)
    return acc

print(append_good(1), append_good(2))
base = 10

def add_base(x, b=base):
    return x + b

base = 100
print(add_base(1), add_base(1, base))
print(greet.__defaults__, add_base.__name__, append_good.__defaults__)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]

print(fact(10), fib(50), [fib(i) for i in range(10)])

def no_return():
    x = 1

def early(x):
    if x:
        return "early"
    return

print(no_return(), early(1), early(0))

def describe(a, b=2, *rest, c=3):
    return (a, b, rest, c)

print(describe(1), describe(1, 5, 6, 7), describe(1, c=9))
try:
    greet()
except TypeError:
    print("TypeError raised for missing argument")
try:
    greet("a", "b", "c", "d")
except TypeError:
    print("TypeError raised for too many arguments")
