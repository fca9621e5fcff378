# Checks that an uncaught IndexError prints a traceback to stderr and exits with code 1.
items = [10, 20, 30]
print("items:", items)
for i in range(4):
    print("item", i, "=", items[i])
print("never reached")
