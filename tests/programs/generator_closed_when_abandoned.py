# A generator a `for` loop leaves early (by `break` or `return`) is freed at once, so CPython
# closes it there: its `finally` runs and a lock it holds in a `with` is released before the
# next line, not never (which would deadlock the next user of the lock).
import threading

lock = threading.Lock()


def locked_items(name):
    try:
        with lock:
            yield name + " 1"
            yield name + " 2"
    finally:
        print("cleanup", name, "lock held:", lock.locked())


for item in locked_items("break"):
    print(item)
    break
print("after break, lock held:", lock.locked())


def first(name):
    for item in locked_items(name):
        return item


print(first("return"), "| lock held:", lock.locked())


def nested():
    for outer in locked_items("outer"):
        for inner in ["a", "b"]:
            for deepest in locked_numbers():
                return outer, inner, deepest


def locked_numbers():
    try:
        yield 1
        yield 2
    finally:
        print("numbers closed")


print(nested(), lock.locked())


def plain():
    yield 1
    yield 2


for value in plain():
    break
print("plain generator left:", value)

def take_one():
    for item in locked_items("thread"):
        print("worker got", item)
        break


worker = threading.Thread(target=take_one)
worker.start()
worker.join()
print("end, lock held:", lock.locked())
