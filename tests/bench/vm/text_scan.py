# Scanning text: a for loop over a string's characters, indexing it, and slices of it.
def scan(text):
    vowels = 0
    for c in text:
        if c in "aeiou":
            vowels += 1
    spaces = 0
    for i in range(len(text)):
        if text[i] == " ":
            spaces += 1
    starts = 0
    for i in range(0, len(text) - 3, 4):
        if text[i : i + 3] == "the":
            starts += 1
    return vowels, spaces, starts


print(scan("the quick brown fox jumps over the lazy dog " * 4000))
