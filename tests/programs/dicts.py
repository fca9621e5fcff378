# Checks dicts: insertion order (also after deletion and re-insertion), get/setdefault/pop, views, merge.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
del d["b"]
d["b"] = 20
print(d)
print(d.get("a"), d.get("zz"), d.get("zz", 0), "a" in d, "zz" not in d)
print(d.setdefault("a", 99), d.setdefault("new", []), d)
print(d.pop("new"), d.pop("missing", "default"), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d)
print(dict(a=1, b=2), dict([("k", "v")]), dict.fromkeys("ab", 0), dict(zip("xyz", range(3))))
print({1: "int", 1.0: "float", True: "bool"})
print({**{"a": 1}, **{"b": 2, "a": 3}}, {"a": 1} | {"a": 2, "c": 3})
m = {"a": 1}
m |= {"b": 2}
print(m, m == {"b": 2, "a": 1})
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
inverted = {v: k for k, v in {"one": 1, "two": 2}.items()}
print(inverted, {(1, 2): "tuple key", None: "none key", 3.5: "float key"})
keys = d.keys()
d["late"] = 0
print(keys, len(keys), d.values(), d.items())
for k, v in d.items():
    print(k, "->", v)
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"].append(3)
print(nested, nested["outer"].get("inner"))
copy = d.copy()
copy.clear()
print(copy, len(d), {} == dict(), bool({}))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
