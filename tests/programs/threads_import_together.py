# Threads that import the same module at once each get it whole: the first runs its body, the
# others wait for it, as CPython's per-module import lock makes them (the body can be switched
# out mid-way under the GIL). Then a module that fails to import, from several threads.
import threading

results = []
errors = []


def worker(n):
    import statistics
    import fractions
    import json
    results.append((n, statistics.median([3, n, 1]), fractions.Fraction(n, 4), json.dumps([n])))


threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
for row in sorted(results):
    print(row)


def importer():
    try:
        import no_such_module_here  # noqa: F401
    except ImportError as error:
        errors.append(type(error).__name__)


threads = [threading.Thread(target=importer) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(errors)
