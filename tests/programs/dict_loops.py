# for loops over a dict's keys, values and items, which the eval loop steps itself while the
# dict keeps its size (items unpacked with no tuple made); the errors of a dict changed under it.
d = {"a": 1, "b": 2, "c": 3}
for k in d:
    print(k, end=" ")
print()
for k, v in d.items():
    print(k, v, end="; ")
print()
for v in d.values():
    print(v, end=" ")
print()
for pair in d.items():
    print(pair, end=" ")
print()
try:
    for k in d:
        d["new"] = 1
except RuntimeError as e:
    print(e)
d = {"a": 1, "b": 2, "c": 3}
try:
    for k in d:
        del d["c"]
except RuntimeError as e:
    print(e)
d = {"a": 1, "b": 2}
for k in d:
    d[k] = 10   # changing values is fine
print(d)
d = {i: i for i in range(10)}
for i in range(0, 10, 2):
    del d[i]
print([k for k in d], [v for v in d.values()], list(d.items())[:2])
it = iter(d.items())
print(next(it))
for k, v in it:
    print(k, v, end=" ")
print()
for k, v, *rest in {(1, 2, 3): 0}:
    print(k, v, rest)
for (a, b), v in {(1, 2): 3}.items():
    print(a, b, v)
e = {}
for k in e:
    print("never")
try:
    for k, v in {"ab": 1, "c": 2}:
        print(k, v)
except ValueError as err:
    print(err)
