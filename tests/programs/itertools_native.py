# itertools.permutations and combinations (stepped in Rust): the same order of results for every
# r, empty pools, exhaustion, and a brute-force shortest tour.
import itertools, time
for r in [None, 0, 1, 2, 3, 4, 5]:
    print(r, list(itertools.permutations("abcd", r))[:8], len(list(itertools.permutations(range(5), r))))
for r in [0, 1, 2, 3, 5, 6]:
    print(r, list(itertools.combinations("abcde", r))[:6], len(list(itertools.combinations(range(7), r))))
print(list(itertools.permutations([])), list(itertools.combinations([], 0)), list(itertools.permutations([1], 2)))
it = itertools.permutations([1, 2, 3])
print(next(it), next(it), list(it), list(it))
try:
    itertools.permutations([1], -1)
except ValueError as e:
    print("ValueError", e)
dist = [[0, 2, 9, 10, 7, 3, 4, 8], [1, 0, 6, 4, 3, 5, 2, 9], [15, 7, 0, 8, 3, 1, 6, 2], [6, 3, 12, 0, 11, 9, 4, 5],
        [9, 4, 2, 6, 0, 8, 7, 1], [3, 8, 5, 2, 7, 0, 6, 4], [7, 1, 4, 9, 2, 6, 0, 3], [2, 6, 8, 1, 5, 4, 3, 0]]
best = min(itertools.permutations(range(1, 8)), key=lambda order: sum(dist[a][b] for a, b in zip((0,) + order, order + (0,))))
print("shortest tour", best)
