# collections.ChainMap: several mappings seen as one (settings over defaults); lookups try
# each in turn, writes go to the first.
from collections import ChainMap
import collections.abc
defaults = {"color": "red", "user": "guest"}
args = {"user": "ana"}
cm = ChainMap(args, defaults)
print(cm["user"], cm["color"], len(cm), list(cm), dict(cm), "color" in cm)
child = cm.new_child({"color": "blue"})
print(child["color"], child.parents["color"], child)
cm["new"] = 1
print(args, cm.get("missing", 0), isinstance(cm, collections.abc.MutableMapping))
try:
    del cm["color"]
except KeyError as e:
    print("KeyError", e)
print(cm.pop("new"), cm | {"x": 1})
