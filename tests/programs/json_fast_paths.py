# json.dumps and json.loads on plain data (written and read natively) and on what the Python code
# handles (default=, hooks, subclasses, every error), which must agree to the character.
import json
from collections import OrderedDict, namedtuple
P = namedtuple("P", "x y")
data = {"name": "Ada", "tags": ["x", "ü", "😀", "\n\t\"\\"], "n": [1, -2, 3.5, 1e16, 2**70, -0.0, 1e-7],
        "nested": {"a": [], "b": {}, "c": [[]], "d": (1, 2)}, 1: "int key", 2.5: "float key", None: 0, True: 1,
        "ctrl": "\x00\x1f\x7f", "p": P(1, 2)}
for kwargs in [{}, {"indent": 2}, {"indent": 0}, {"indent": "\t"}, {"ensure_ascii": False}, {"separators": (",", ":")},
               {"indent": 2, "separators": (", ", " = ")}]:
    text = json.dumps(data, **kwargs)
    print(text)
    if kwargs.get("separators", ",:")[1].strip() == ":":
        print(json.loads(text) == json.loads(json.dumps(data)))
print(json.dumps({"b": 1, "a": [2, {"d": 1, "c": 2}]}, sort_keys=True, indent=1))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps(OrderedDict(z=1, a=2)), json.dumps({"s": {1, 2}} if False else "x"))
for doc in ['{"a": [1, 2.5, -3e2, true, false, null, "s\\u00e9\\ud83d\\ude00\\n"]}', ' [ ] ', '{}', '"\\/"', '-0', '-0.0', '1E400', 'NaN', '[Infinity, -Infinity]',
            '123456789012345678901234567890', '{"a": 1, "a": 2, "b": 3}', '0.1', '1e5', '[1, [2, [3, [4]]]]']:
    value = json.loads(doc)
    print(repr(value), type(value).__name__)
for bad in ['', '[1,]', '{"a" 1}', '[1 2]', '01', '1.', '"abc', '"\x01"', '{"a": 1,}', 'nul', '[1] x', '"\\x"', '[-]', '{1: 2}']:
    try:
        print(repr(json.loads(bad)))
    except json.JSONDecodeError as error:
        print("JSONDecodeError:", error)
for bad in [{"s": {1, 2}}, [float("nan")], {(1, 2): 3}, object()]:
    try:
        print(json.dumps(bad, allow_nan=False))
    except (TypeError, ValueError) as error:
        print(type(error).__name__ + ":", error)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as error:
    print("ValueError:", error)
print(json.dumps({"k": [1, 2]}, default=str), json.dumps({"s": {3}}, default=sorted), json.loads('{"a": 1}', object_hook=lambda d: sorted(d)))
print(json.loads('[1.5, 2]', parse_float=str), json.loads('"\x01"', strict=False) == "\x01")
class E(json.JSONEncoder):
    def default(self, o):
        return list(o)
print(E().encode({"set": {1}}), json.dumps([{1}], cls=E))
