# list.index and list.remove compare item by item, reading the list afresh at each step (an
# __eq__ may change it), and find an early item without going through the rest; asyncio's
# Semaphore removes each waiter that way.
import asyncio


class Sneaky:
    def __init__(self, items):
        self.items = items

    def __eq__(self, other):
        self.items.append("grown")
        return False


items = [1, 2]
items.insert(0, Sneaky(items))
print(items.index(2), len(items))
try:
    items.remove("nope")
except ValueError as error:
    print(error, len(items))
numbers = list(range(10)) * 2
numbers.remove(3)
print(numbers.index(3), numbers.count(3), (1, 2, 3).index(3), numbers.index(9, 10))


async def job(semaphore, running, peak, i):
    async with semaphore:
        running[0] += 1
        peak[0] = max(peak[0], running[0])
        await asyncio.sleep(0)
        running[0] -= 1
        return i


async def main(count):
    semaphore = asyncio.Semaphore(10)
    running, peak = [0], [0]
    results = await asyncio.gather(*(job(semaphore, running, peak, i) for i in range(count)))
    print(count, sum(results), "at most", peak[0], "at once")


asyncio.run(main(3000))
