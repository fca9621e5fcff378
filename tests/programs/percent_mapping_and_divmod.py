# `%` with a mapping as the single value of specs without a key (and logging given a dict), and
# divmod of int/float subclasses and IntEnum members, with its TypeError and ZeroDivisionError.
import enum, logging
print("error %r" % {'a': 1}, "%s" % {'b': 2}, "%(a)s" % {'a': 3})
try:
    print("%s %s" % {'a': 1})
except TypeError as e: print(e)
class C(int): pass
class F(float): pass
class E(enum.IntEnum):
    X = 7
print(divmod(C(7), 2), divmod(7, C(2)), divmod(F(7.5), 2), divmod(E.X, 3))
for a,b in [(1,0),(1.0,0),(1,0.0),(True,False),('a',2),([1],2),(2**70,0), (2**70, 3), (-7, 2), (7.5, -2)]:
    try: print(divmod(a,b))
    except Exception as e: print(type(e).__name__, e)
logging.basicConfig(level=logging.INFO, format="%(message)s")
logging.info("config: %s", {"host": "db", "port": 5432})
