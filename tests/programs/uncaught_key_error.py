# Checks that an uncaught KeyError shows the repr of the missing key on the last stderr line, exit code 1.
prices = {"apple": 1.25, "pear": 0.8}
print("apple costs", prices["apple"])
print("known fruits:", sorted(prices))
order = ["pear", "mango"]
total = 0
for fruit in order:
    total += prices[fruit]
    print("running total", total)
print("never reached")
