# Checks hashlib: MD5, SHA-1 and SHA-2 digests, incremental update and copy, the attributes of
# a hash object, CPython's errors, pbkdf2_hmac, and hashing from threads and a thread pool
# (large buffers are hashed without the GIL).
import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor

message = b"The quick brown fox jumps over the lazy dog"
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    by_function = getattr(hashlib, name)(message)
    by_name = hashlib.new(name.upper(), message)
    print(f"{name:>6} {by_function.name} {by_function.digest_size:2} {by_function.block_size:3}",
          by_function.hexdigest()[:24], by_function.hexdigest() == by_name.hexdigest())

whole = hashlib.sha256(message * 1000)
pieces = hashlib.sha256()
for _ in range(1000):
    pieces.update(message)
print(whole.hexdigest() == pieces.hexdigest(), len(whole.digest()), type(whole.digest()).__name__)

start = hashlib.sha1(b"shared prefix, ")
left, right = start.copy(), start.copy()
left.update(b"left")
right.update(b"right")
print(start.hexdigest(), left.hexdigest() != right.hexdigest())
print(left.hexdigest() == hashlib.sha1(b"shared prefix, left").hexdigest())
print(hashlib.md5(string=b"keyword").hexdigest(), hashlib.md5(b"x", usedforsecurity=False).hexdigest())
print(type(whole).__name__, hashlib.sha256.__name__, hashlib.md5().hexdigest())

for attempt in [lambda: hashlib.sha256("text"), lambda: hashlib.sha256(42), lambda: hashlib.md5(None),
                lambda: whole.update("more"), lambda: hashlib.new("whirlpool"),
                lambda: hashlib.new(b"sha256"), lambda: hashlib.pbkdf2_hmac("sha256", "pw", b"salt", 1),
                lambda: hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 0),
                lambda: hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 1, 0)]:
    try:
        attempt()
    except (TypeError, ValueError) as error:
        print(type(error).__name__, error)

print(hashlib.pbkdf2_hmac("sha256", b"correct horse", b"salt", 2000).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"pepper", 50, 10).hex())
print(hashlib.pbkdf2_hmac("sha512", b"pw", b"s", 3, dklen=80).hex()[-20:])

# Threads hash big blocks (each over 2 KB, so without the GIL) and small ones.
blocks = [bytes([i]) * (4096 * (i + 1)) for i in range(8)]
results = {}
lock = threading.Lock()

def hash_block(index):
    digest = hashlib.sha256(blocks[index]).hexdigest()
    with lock:
        results[index] = digest

threads = [threading.Thread(target=hash_block, args=(i,)) for i in range(len(blocks))]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print([results[i][:8] for i in range(len(blocks))])

with ThreadPoolExecutor(max_workers=4) as pool:
    digests = list(pool.map(lambda word: hashlib.md5(word.encode()).hexdigest()[:6],
                            ["alpha", "beta", "gamma", "delta"]))
print(digests)

found = [n for n in range(5000) if hashlib.sha256(str(n).encode()).hexdigest().startswith("00")]
print(len(found), found[:5])
