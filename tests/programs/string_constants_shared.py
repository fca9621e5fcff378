# Equal string constants in a module are one object, as CPython's compiler merges them: "is"
# holds between them, and pickle writes the second as a reference to the first.
import pickle
a = "ab"; b = "ab"
def f(): return "ab"
t = ("x", "ab")
print(a is b, f() is a, t[1] is a)
print(len(pickle.dumps(["ab", "ab"])), len(pickle.dumps([{"name": "ann", "role": "admin"}, {"name": "bob", "role": "admin"}])), len(pickle.dumps([dict(name=1), dict(name=2)])))
