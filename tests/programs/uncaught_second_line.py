# An error on a later line of a bracketed expression: the traceback names that line (and from
# 3.11 underlines the subscript there), not the line the statement starts on.
def total(data):
    result = (data[0] +
              data[1] +
              data[5])
    return result


print(total([1, 2]))
