# Checks the missing main guard under spawn: the child re-runs the module, may not start a process while it bootstraps, and exits with 1.
import multiprocessing as mp


def work():
    print("work ran")


ctx = mp.get_context("spawn")
p = ctx.Process(target=work)
p.start()
p.join()
print("exit code:", p.exitcode)
