# Checks sys.exit with an integer code: output so far is kept, nothing goes to stderr, exit code 3.
import sys

def check(values):
    bad = [v for v in values if v < 0]
    print("checked", len(values), "values,", len(bad), "bad")
    return not bad

if not check([1, -2, 3]):
    print("exiting with code 3")
    sys.exit(3)
print("never reached")
