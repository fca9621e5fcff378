# Checks exit() and quit(), which learners call to stop a script: the code, or a message
# printed to stderr with exit status 1; finally blocks still run.
import sys

try:
    quit(0)
except SystemExit as stop:
    print("quit raised SystemExit with code", stop.code)

try:
    print("working")
    exit("stopping: no more work")
finally:
    print("cleanup ran")
