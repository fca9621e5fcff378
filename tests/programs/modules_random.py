# Checks that random with a fixed seed reproduces CPython's Mersenne Twister sequence exactly.
import random

random.seed(42)
print([random.random() for _ in range(3)])
print([random.randint(1, 10) for _ in range(10)])
print(random.choice(["apple", "banana", "cherry", "date"]), random.choice("abcdefg"), random.choice(range(100)))
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.randrange(10), random.randrange(0, 100, 5), random.uniform(1, 2))
print(random.sample(range(100), 5), random.getrandbits(16), random.randint(10 ** 20, 10 ** 21))
random.seed(0)
first = [random.random() for _ in range(2)]
random.seed(0)
second = [random.random() for _ in range(2)]
print(first, first == second)
random.seed(12345)
letters = list("abcdef")
random.shuffle(letters)
print(letters, random.randint(-5, 5), random.random())
rng = random.Random(7)
print(rng.random(), rng.randint(1, 6), rng.choice([True, False]))
random.seed(7)
print(random.random())
counts = [0] * 6
random.seed(2024)
for _ in range(600):
    counts[random.randint(1, 6) - 1] += 1
print(counts, sum(counts))
state = random.getstate()
a = random.random()
random.setstate(state)
print(a == random.random())
try:
    random.choice([])
except IndexError as e:
    print("IndexError raised for empty choice")
