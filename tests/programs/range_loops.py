# `for` over a range, which the VM steps in place: every kind of range, the loop variable
# after the loop, a range iterator the loop shares, a variable a closure captures, for-else.
def loops():
    print([i for i in range(5)], [i for i in range(5, 0, -2)], [i for i in range(3, 3)])
    total = 0
    for i in range(-3, 10, 4):
        total += i
    print("total", total, "last", i)
    for j in range(10, -10, -7):
        pass
    print("j", j)
    it = iter(range(10))
    for k in it:
        print("k", k, "skipped", next(it, None))
    funcs = []
    for n in range(3):
        funcs.append(lambda: n)
    print([f() for f in funcs])
    for m in range(4):
        if m == 9:
            break
    else:
        print("no break, m =", m)
    big = 2**62
    print([b - big for b in range(big, big + 3)])
    print(sum(range(2**63 - 3, 2**63)), list(range(2**63 - 2, 2**63 + 1)))


loops()
for g in range(2):
    print("module level", g)
