# Big-int arithmetic: additions and multiplications far past 64 bits.
def fib_bits(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a.bit_length()


def factorial_mod(n, m):
    product = 1
    for i in range(2, n + 1):
        product *= i
    return product % m


print(fib_bits(150_000), factorial_mod(12_000, 1_000_000_007))
