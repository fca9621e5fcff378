# datetime in a threaded program: timestamps from datetime.now() around time.sleep, the elapsed
# timedelta, and a log line format; only rounded or boolean results are printed.
import threading
import time
from datetime import datetime, timedelta

results = {}
lock = threading.Lock()


def worker(name, seconds):
    start = datetime.now()
    time.sleep(seconds)
    elapsed = datetime.now() - start
    with lock:
        results[name] = elapsed


start = datetime.now()
threads = [threading.Thread(target=worker, args=("t%d" % i, 0.1 * i)) for i in range(1, 4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
total = datetime.now() - start

for name in sorted(results):
    elapsed = results[name]
    asked = timedelta(seconds=0.1 * int(name[1]))
    print(name, type(elapsed).__name__, asked <= elapsed < asked + timedelta(seconds=0.5))
print("threads overlapped:", total < sum(results.values(), timedelta()))
print("total about 0.3 s:", timedelta(seconds=0.3) <= total < timedelta(seconds=1))
print("microseconds kept:", 0 <= total.microseconds < 10 ** 6, total.days == 0)

stamp = datetime.now()
line = f"[{stamp:%H:%M:%S.%f}] done"
print(len(line), line[0], line[3], line[6], line[9], line[-5:])
print(len(stamp.strftime("%H:%M:%S")), datetime.now() >= stamp, stamp.tzinfo)
print(abs(datetime.now().timestamp() - time.time()) < 1, datetime.today() <= datetime.now())
