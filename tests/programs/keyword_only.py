# Checks keyword-only parameters (after * or *args) and positional-only parameters (before /).
def connect(host, *, port=80, secure=False):
    return host + ":" + str(port) + (" (secure)" if secure else "")

print(connect("example"), connect("example", port=443, secure=True), connect(host="h", secure=True))

def log(*messages, sep=" ", prefix):
    return prefix + sep.join(messages)

print(log("a", "b", prefix="> "), log(prefix="# "), log("x", "y", sep="+", prefix=""))

def required_kw(a, *, b):
    return a * b

print(required_kw(3, b=4))

def pos_only(a, b, /, c, *, d=0):
    return a + b + c + d

print(pos_only(1, 2, 3), pos_only(1, 2, c=3, d=4))

def name_clash(name, /, **kwargs):
    return name, kwargs

print(name_clash("pos", name="kw"))
print(connect.__kwdefaults__, pos_only.__code__.co_posonlyargcount, pos_only.__code__.co_kwonlyargcount)
try:
    connect("h", 8080)
except TypeError:
    print("TypeError: port is keyword-only")
try:
    required_kw(1)
except TypeError:
    print("TypeError: missing keyword-only b")
try:
    pos_only(a=1, b=2, c=3)
except TypeError:
    print("TypeError: a and b are positional-only")
