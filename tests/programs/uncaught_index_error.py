# Checks that an uncaught IndexError prints a traceback to stderr and exits with code 1.
items = [10, 20, 30]
print("items:", items)
print("last item:", items[-1])

def show(index):
    print("item", index, "=", items[index])

for i in range(4):
    show(i)
print("never reached")
