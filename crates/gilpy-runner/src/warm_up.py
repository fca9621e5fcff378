# Run once when the runner starts, its output discarded. Browsers first run wasm with a quick
# baseline compiler and optimise the functions that get hot; without this, the learner's first
# run would time the compiler (its first second runs about 3x slower) instead of Python.
import threading


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


def count_down(n):
    while n > 0:
        n -= 1


def mixed(n):
    total = 0
    words = {}
    items = []
    for i in range(n):
        total += i % 7
        p = Point(i, total)
        total ^= p.norm2() & 1023
        key = f"k{i % 50}"
        words[key] = words.get(key, 0) + 1
        items.append((i * 3) // 2)
        if len(items) > 100:
            items = sorted(items)[50:]
    return total + sum(words.values()) + len(items)


count_down(2_000_000)
mixed(60_000)
counter = 0
lock = threading.Lock()


def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


threads = [threading.Thread(target=add, args=(5_000,)) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(counter)
