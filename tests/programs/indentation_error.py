# Checks the error a learner meets most: a block header whose body is not indented is an
# IndentationError, worded per version, and nothing of the program runs.
print("never printed: the file does not compile")
total = 0
for n in range(3):
total += n
print(total)
