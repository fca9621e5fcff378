# Checks else clauses on for and while loops: run when no break happens, skipped after break.
def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")

find([3, 5, 7], 5)
find([3, 5, 7], 4)
find([], 1)

for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")

k = 0
while k < 3:
    k += 1
else:
    print("while finished normally, k =", k)

k = 0
while k < 10:
    k += 1
    if k == 4:
        break
else:
    print("never printed")
print("while broke at k =", k)

for x in []:
    print("never")
else:
    print("empty for still runs else")

for x in range(3):
    continue
else:
    print("continue does not skip else; x =", x)

def first_negative(nums):
    for n in nums:
        if n < 0:
            return n
    else:
        return None

print(first_negative([1, -2, 3]), first_negative([1, 2]))
