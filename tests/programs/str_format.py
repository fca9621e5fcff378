# Checks str.format and format(): positional, numbered, named, attribute/index fields, specs.
class Item:
    name = "gadget"


print("{} {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name}!".format(name="Bob"))
print("{0[1]} {1[key]} {2.name} {2.name!r:>10}".format([10, 20], {"key": "val"}, Item()))
print("{:>8}|{:<8}|{:^8}|{:*^8}|{:08.3f}".format("r", "l", "c", "s", 3.14159))
print("{:,} {:_} {:,.2f} {:.3%} {:e} {:+.1e}".format(1234567, 9876543, 1234.5, 0.12345, 1500.0, -0.00042))
print("{:d} {:5d} {:<5d}| {:x} {:#o} {:#b} {:c}".format(7, 7, 7, 255, 8, 5, 97))
print("{!r} {!s} {!a}".format("q", "q", "ñ"))
print("{0:{1}.{2}f}".format(2.718281828, 10, 4))
print("{{}} {{{}}}".format("x"))
print(format(3.5, ".1f"), format(255, "x"), format(1234.5, ",.1f"), format("s", ">3"), format(12))
print(format(0.5, "g"), format(1e-7, "g"), format(1e16, "g"), format(123.0, "g"), format(100, "e"))
print(format(-0.0, ".1f"), format(float("nan"), ".2f"), format(float("inf"), "10.1f"), format(1e300, ",.0f")[:12])
print(format(True, "d"), format(True), format(None), format([1, 2]))
print(format(2.5, ".0f"), format(3.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"))
print(format(42, "=+8"), format(-42, "=8"), format(42, " d"), format(-3.25, "010.2f"))
print("{:>{w}}|{:<{w}}|".format("a", "b", w=4))
data = [("apple", 1.5, 3), ("kiwi", 0.25, 12), ("watermelon", 3.0, 1)]
for name, price, qty in data:
    print("{:<12}{:>6.2f}{:>4}".format(name, price, qty))
template = "{greeting}, {who}"
print(template.format(who="there", greeting="Hi"), template.format_map({"greeting": "Yo", "who": "you"}))
try:
    "{} {}".format("only")
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format(other=1)
except KeyError as e:
    print("KeyError:", e)
try:
    format("text", "d")
except ValueError as e:
    print("ValueError:", e)
