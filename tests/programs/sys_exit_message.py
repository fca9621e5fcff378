# Checks sys.exit with a string: the message goes to stderr and the exit code is 1.
import sys

print("starting")
try:
    sys.exit(0)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
print("about to exit with a message")
sys.exit("bye")
print("never reached")
