# Checks json.dumps/loads: types, key order, indent, separators, sort_keys, escaping, floats, errors.
import json

data = {"name": "gilpy", "version": 3, "ratio": 0.1, "tags": ["a", "b"], "ok": True, "none": None, "nested": {"x": [1, 2.5]}}
text = json.dumps(data)
print(text)
print(json.loads(text) == data, type(json.loads(text)["nested"]).__name__)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, 2, {"a": 3}], separators=(",", ":")), json.dumps({"b": 1, "a": 2}, sort_keys=True))
print(json.dumps("héllo \"quoted\"\n\ttab"), json.dumps("héllo", ensure_ascii=False), json.dumps("\u2603"))
print(json.dumps((1, 2)), json.dumps({1: "int key", 2.5: "float key", True: "bool key", None: "null key"}))
print(json.dumps(1e16), json.dumps(1.0), json.dumps(-0.0), json.dumps(2 ** 70), json.dumps(0.1 + 0.2), json.dumps(float("inf")))
print(json.loads("[1, 2.0, -3e2, true, false, null, \"s\"]"), json.loads('{"a": {"b": []}}'))
print(json.loads('"\\u00e9\\n"'), repr(json.loads('"\\t"')), json.loads("  42  "), json.loads("1.5e3"), json.loads("123456789012345678901234567890"))
print(json.loads('{"dup": 1, "dup": 2}'), json.dumps([]), json.dumps({}), json.dumps(""), json.dumps([[]], indent=2))
print(json.dumps({"k": [1, {"z": None}]}, indent=4))
print(json.dumps({"a": 1, "b": [1, 2]}, indent="\t", separators=(",", ": ")))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e.msg, e.lineno, e.colno, e.pos)
try:
    json.loads("[1, 2")
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
