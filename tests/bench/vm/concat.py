# Building a str with += in a loop: the text grows in place while nothing else holds it.
def build(n):
    line = ""
    for i in range(n):
        line += "ab"
        if i % 1000 == 0:
            line += str(i)
    return len(line)


print(build(1_000_000))
