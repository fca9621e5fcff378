# terminate() stops a child that waits on a queue; its exit code is -SIGTERM.
import multiprocessing as mp, time
def wait_forever(q):
    q.get()
if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=wait_forever, args=(q,))
    p.start()
    time.sleep(0.1)
    p.terminate()
    p.join()
    print("terminated, exit code", p.exitcode)
