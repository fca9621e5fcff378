# Children the main process never joins still finish: finalization waits for them.
import multiprocessing as mp
import time


def work(n):
    time.sleep(0.1 * (n + 1))
    print("child", n, "done", flush=True)


if __name__ == "__main__":
    children = [mp.Process(target=work, args=(i,)) for i in range(2)]
    for child in children:
        child.start()
    print("main ends without join", flush=True)
