# The lost update the lessons show with time.sleep(0) between a read and a write: even a zero
# sleep gives the GIL up long enough for a waiting thread to take it, so the four threads
# read the same values and increments are lost (most of them, unless the machine is busy).
import threading
import time

counter = 0


def work():
    global counter
    for _ in range(500):
        seen = counter
        time.sleep(0)
        counter = seen + 1


threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("increments lost:", counter < 2000)
