# Checks json without sets: the encoder's options and escapes, the decoder's values, hooks and error messages (modules_json also needs sets).
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
    json.dumps({"s": object()})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps([1, [2, [3, {"k": []}]]], indent=1), json.dumps({"a": float("nan")}), json.dumps("\U0001f600"), json.loads('"\\ud83d\\ude00"'))
for bad in ['[1,]', '{"a": 1,}', '"abc', '{"a" 1}', '[1 2]', 'nul', '1 2', '"\\x"', '{1: 2}', '', '  ']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e)
print(json.loads('{"a": [1, {"b": null}]}', object_hook=lambda d: sorted(d)), json.loads("[1.5, 2]", parse_float=str), json.loads('-0'), json.loads('-0.0'), json.loads('1E+2'))
class Temp:
    def __init__(self, c):
        self.c = c
print(json.dumps({"t": Temp(21)}, default=lambda o: {"celsius": o.c}), json.dumps([True, None], separators=(";", "=")), json.dumps({"z": 1, "y": {"b": 2, "a": 1}}, sort_keys=True, indent=0))
