# Calls that leave defaulted parameters out, and bound methods called through a variable: both
# run on the VM's fast call path, which must bind what the general one binds (a shared mutable
# default, keyword-only parameters, errors for too few or too many arguments, recursion).
def f(a, b=2, c=[]):
    c.append(a)
    return a, b, len(c)
print(f(1), f(1, 3), f(2), f(4, 5, []))
class K:
    def m(self, x=10, *, y=1): return (x, y)
    def n(self, x, y=5): return x + y
k = K()
g = k.n
print(g(1), g(1, 2), k.m(), K.n(k, 3))
try: g()
except TypeError as e: print(e)
try: g(1, 2, 3)
except TypeError as e: print(e)
try: f()
except TypeError as e: print(e)
h = [1, 2].append
h(3)
def gen(n=3):
    yield from range(n)
print(list(gen()), list(gen(2)))
class Node:
    def depth(self, n=0):
        return self.depth(n + 1)
walk = Node().depth
try:
    walk()
except RecursionError as e:
    print("RecursionError", e)
