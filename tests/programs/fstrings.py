# Checks f-strings: format specs, conversions (!r !s !a), self-documenting {x=}, nesting, escapes.
x = 3.14159
n = 1234567
s = "hi"
v = "quote'd"
print(f"{x:.2f} {x:.0f} {x:10.3f}| {x:<10.1f}| {x:e} {x:.3g} {x:%}")
print(f"{n:,} {n:_} {n:>12,} {n:010d} {n:+d} {-n:d} {n:x} {n:X} {n:#x} {n:o} {n:#b}")
print(f"[{s:>10}] [{s:<10}] [{s:^10}] [{s:*^9}] [{s:.1}]")
print(f"{v!r} {v!s} {'héllo'!a} {s!r:>8}")
print(f"{x=} {n=} {s=}")
print(f"{x = :.3f} {n + 1 = } {s.upper()=}")
width, prec = 12, 3
print(f"[{x:{width}.{prec}f}] [{s:{'>'}{width}}]")
print(f"{{literal}} {{{n}}} {'nested'} {3 + 4} {[1, 2][1]} {dict(a=1)['a']}")
items = ["a", "b"]
print(f"{len(items)} items: {', '.join(items)}")
print(f"{0.1 + 0.2} {1e16} {-0.0} {float('inf')} {2 ** 70}")
print(f"{True} {None} {[1, 'a']} {(1,)} {{'k': 1}}")
print(f"{12.5:08.2f} {-12.5:08.2f} {0.000123:.2e} {123456789:.3e} {1.5:g} {1e20:g}")
print(f"{42:5} {42:<5}| {'x':5}| {3.0:5}|")
print(f"{0.25:.0%} {1/3:.1%} {7:b} {255:08b} {65:c}")
name = "World"
greeting = f"Hello, {name}!"
print(greeting, len(greeting))
print(f"multi" f"part {name}" "plain")
print(f"{'ab':-<6}|{'cd':->6}|")
row = {"name": "widget", "price": 9.5, "qty": 3}
print(f"{row['name']:<10}{row['price']:>8.2f}{row['qty']:>4}")
print(f"{x!r:>12}")
