# Pickled records dumped one after another and loaded one after another from a file (a large
# one among them), struct's TypeError for what is no bytes, and instances of a nested class sent
# to processes by qualified name, while a local class's instance is refused as CPython refuses it.
import io, pickle, struct, time, multiprocessing as mp

class Outer:
    class Inner:
        def __init__(self, n):
            self.n = n

def work(item):
    return item.n * 2

def local_class():
    class L:
        pass
    return L()

if __name__ == "__main__":
    buffer = io.BytesIO()
    records = [{"id": i, "name": "x" * (i % 50)} for i in range(3000)] + [list(range(50000)), "tail"]
    for r in records:
        pickle.dump(r, buffer)
    buffer.seek(0)
    t = time.perf_counter()
    back = []
    while True:
        try:
            back.append(pickle.load(buffer))
        except EOFError:
            break
    print(back == records, len(back), buffer.tell() == len(buffer.getvalue()))
    for bad in [4, "ab"]:
        try:
            struct.unpack("i", bad)
        except TypeError as e:
            print("TypeError", e)
    print(struct.unpack("2B", [1, 2]) if False else struct.unpack("2B", bytes([1, 2])))
    with mp.Pool(2) as pool:
        print(pool.map(work, [Outer.Inner(3), Outer.Inner(4)]))
        try:
            pool.apply(work, (local_class(),))
        except Exception as e:
            print(type(e).__name__, e)
