# multiprocessing's exit hook, which waits for the child processes, is an atexit callback that
# CPython registers as the first process starts: a callback registered before then runs after
# the children have finished, one registered later runs before.
import atexit
import multiprocessing
import time


def child():
    time.sleep(0.2)
    print("child done", flush=True)


if __name__ == "__main__":
    atexit.register(print, "registered before the start: after the child", flush=True)
    multiprocessing.set_start_method("spawn")
    before = atexit._ncallbacks()
    multiprocessing.Process(target=child).start()
    print("main done, hooks added by start:", atexit._ncallbacks() - before, flush=True)
    atexit.register(print, "registered after the start: before the child ends", flush=True)
