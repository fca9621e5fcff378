# sys.stdout.write and flush, sys.stderr.write, and print(file=...).
import sys
n = sys.stdout.write("no newline ")
sys.stdout.write("then one\n")
sys.stdout.flush()
print(n)
sys.stderr.write("to stderr\n")
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)
print("done", file=sys.stdout)
