# Checks random's other seeds and draws: str and float seeds, big getrandbits, sample, choices, gauss.
import random

random.seed("hello")
print(random.random(), random.getrandbits(100))
random.seed(1.5)
print(random.random())
random.seed(-7)
print(random.random(), random.getrandbits(33), random.getrandbits(64))
random.seed(2 ** 100 + 3)
print(random.randrange(-50, 50, 7), random.randrange(100, 0, -3))
print(random.sample(range(1000), 12), random.sample("abcdefghij", 10))
print(random.choices("abc", k=5), random.choices([1, 2, 3], weights=[5, 1, 1], k=6))
print(random.choices("xyz", cum_weights=[1, 2, 10], k=4))
print(round(random.gauss(10, 2), 12), round(random.gauss(0, 1), 12), round(random.uniform(-1, 1), 12))
print(random.sample(["a", "b", "c", "d"], k=4, counts=None))
r = random.Random("seed")
s = random.Random("seed")
print(r.random() == s.random(), r.getstate() == s.getstate(), len(r.getstate()[1]), r.getstate()[0])
state = r.getstate()
print([r.randint(0, 9) for _ in range(8)])
r.setstate(state)
print([r.randint(0, 9) for _ in range(8)])
for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.sample([1, 2], 3), lambda: random.getrandbits(-1)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError")
