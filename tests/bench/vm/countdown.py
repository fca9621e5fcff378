# A tight loop: the eval loop's dispatch and small-int arithmetic.
n = 10_000_000
while n > 0:
    n -= 1
print(n)
