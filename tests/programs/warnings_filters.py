# warnings: warn with categories and stacklevel, the default filters (deprecations shown for
# __main__ only, each line once), simplefilter/filterwarnings/resetwarnings, "once", "error",
# catch_warnings(record=True), and a replaced showwarning.
import warnings

def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return 1

def noisy(n):
    warnings.warn(f"noisy {n}")

print("start")
old_api()
for i in range(3):
    noisy(1)
warnings.warn("a runtime problem", RuntimeWarning)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    noisy(2)
    noisy(2)
    old_api()
print(len(caught), [str(w.message) for w in caught], [w.category.__name__ for w in caught])
print(caught[0].lineno, caught[0].filename.endswith("w1.py"))
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        noisy(3)
    except UserWarning as error:
        print("raised:", error)
warnings.filterwarnings("ignore", message="noisy")
noisy(4)
warnings.filterwarnings("ignore", message=".*secret")
warnings.warn("a secret thing")
warnings.warn("shown thing")
warnings.resetwarnings()
warnings.simplefilter("once")
for i in range(3):
    warnings.warn("only once", FutureWarning)
def show(message, category, filename, lineno, file=None, line=None):
    print("custom:", category.__name__, message)
warnings.showwarning = show
warnings.warn("to the custom hook")
try:
    warnings.warn("x", "notacategory")
except TypeError as e:
    print(e)
print("end")
