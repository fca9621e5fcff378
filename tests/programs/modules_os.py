# Checks os as far as programs here use it: cpu_count, getpid, environ/getenv lookups with defaults, sep and name.
import os

count = os.cpu_count()
print(isinstance(count, int), count >= 1, isinstance(os.getpid(), int), os.getpid() == os.getpid())
print(os.environ.get("GILPY_SURELY_UNSET_VARIABLE", "fallback"), os.getenv("GILPY_SURELY_UNSET_VARIABLE"))
print(os.getenv("GILPY_SURELY_UNSET_VARIABLE", "default"), "GILPY_SURELY_UNSET_VARIABLE" in os.environ)
print(os.sep, os.name, os.curdir, os.pardir, repr(os.linesep))
