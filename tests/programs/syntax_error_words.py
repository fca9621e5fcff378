# Checks the words of common syntax errors, which changed with 3.10's parser (3.9 mostly says
# "invalid syntax" or names the end of the input), through exec so that one program holds many.
SNIPPETS = [
    "x = 1\nif x > 0\n    print(x)\n",
    "x = (1,\n",
    "print('a'\nprint('b')\n",
    "if x = 5:\n    pass\n",
    "s = 'abc\n",
    "s = '''abc\n",
    "def area(w=1, h):\n    pass\n",
    "f() = 2\n",
    "x = [1 2 3]\n",
    "def f(**kw, *a):\n    pass\n",
    "items = [1, 2,\n  3\nprint(items)\n",
    "class Point\n    pass\n",
    "while True print(1)\n",
    "x = )\n",
    "for i in range(3):\nprint(i)\n",
    "return 5\n",
]
for snippet in SNIPPETS:
    try:
        exec(snippet)
    except SyntaxError as error:
        print(f"{type(error).__name__}: {error.msg}")
