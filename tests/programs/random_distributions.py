# random's other distributions (gamma, beta, log-normal, von Mises, Pareto, Weibull) and
# randbytes: a seed gives CPython's exact values.
import random
random.seed(12345)
print([round(random.gammavariate(a, 2.0), 12) for a in (0.5, 1.0, 3.0)])
print(random.betavariate(2, 5), random.lognormvariate(0, 1), random.vonmisesvariate(1.0, 4.0))
print(random.paretovariate(3), random.weibullvariate(1, 1.5), random.randbytes(6))
r = random.Random(7)
print([r.betavariate(0.5, 0.5) for _ in range(3)], r.gammavariate(0.3, 1))
try:
    random.gammavariate(0, 1)
except ValueError as e:
    print(e)
