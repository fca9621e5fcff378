# `s += t` grows a str in place only when nothing else can see it: every other name, list
# item, closure or alias must keep the text it had.


def aliases():
    s = "ab"
    t = s
    s += "c"
    print(s, t, s is t)
    s += s
    print(s, t)


def snapshots():
    acc = ""
    seen = []
    for i in range(6):
        acc += str(i)
        seen.append(acc)
    print(seen)
    first = seen[0]
    first += "!"
    print(first, seen[0])


def closure():
    text = "x"

    def grow():
        nonlocal text
        text += "y"
        return text

    held = grow()
    grow()
    print(text, held)


def loop_then_identity():
    line = ""
    for i in range(20000):
        line += str(i % 10)
    copy = line
    line += "end"
    print(len(line), len(copy), line[-5:], copy[-5:])


def not_a_str():
    s = "a"
    try:
        s += 1
    except TypeError as error:
        print("TypeError:", error)
    print(s)


def in_a_generator():
    word = ""
    for c in "gen":
        word += c
        yield word


glob = "g"
for c in "lobal":
    glob += c
keep = glob
glob += "!"

aliases()
snapshots()
closure()
loop_then_identity()
not_a_str()
print(list(in_a_generator()))
print(glob, keep)
