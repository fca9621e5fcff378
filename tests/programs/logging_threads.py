# logging from threads: basicConfig with a threadName format (the course idiom), one handler
# whose lock keeps each line whole while threads write it in pieces, records' threadName and
# processName, a child process given a logger, which logs with the configuration its main
# module made.
import logging
import multiprocessing
import sys
import threading
import time

logging.basicConfig(level=logging.DEBUG, format="%(threadName)s: %(message)s",
                    stream=sys.stdout)


def thread_function(name):
    logging.info("Thread %s: starting", name)
    logging.debug("Thread %s: finishing", name)


class PiecesHandler(logging.Handler):
    """Writes a record in three pieces, giving other threads a turn between them."""

    def __init__(self):
        super().__init__()
        self.lines = []
        self.parts = []

    def emit(self, record):
        for piece in (record.threadName, ": ", record.getMessage()):
            self.parts.append(piece)
            time.sleep(0)
        self.lines.append("".join(self.parts))
        self.parts = []


def busy(log, count):
    for i in range(count):
        log.info("line %d", i)


def in_child(log):
    log.warning("from %s in %s", multiprocessing.current_process().name,
                threading.current_thread().name)


if __name__ == "__main__":
    for index in range(3):
        x = threading.Thread(target=thread_function, args=(index,))
        x.start()
        x.join()
    named = threading.Thread(target=thread_function, args=("named",), name="Worker")
    named.start()
    named.join()

    handler = PiecesHandler()
    log = logging.getLogger("pieces")
    log.propagate = False
    log.addHandler(handler)
    workers = [threading.Thread(target=busy, args=(log, 25), name="T%d" % i) for i in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(len(handler.lines), "lines")
    for name in ("T0", "T1", "T2", "T3"):
        mine = [line for line in handler.lines if line.startswith(name + ": ")]
        print(name, len(mine), mine[0], mine[-1])
    whole = all(line.split(": ")[1].startswith("line ") for line in handler.lines)
    print("every line whole:", whole)

    record = logging.LogRecord("r", logging.INFO, __file__, 1, "m", (), None)
    print(record.threadName, record.processName, record.thread == threading.get_ident())

    # A logger goes to another process by name.
    child = multiprocessing.Process(target=in_child, args=(logging.getLogger("kid"),),
                                    name="Child-1")
    child.start()
    child.join()
    logging.warning("main is %s", multiprocessing.current_process().name)
