# Checks the if __name__ == "__main__" idiom and module-level names like __name__.
def helper(x):
    return x * 2

def main():
    print("running main, __name__ =", __name__)
    print("helper:", helper(21))
    return 0

print("module body runs first")
if __name__ == "__main__":
    status = main()
    print("main returned", status)
else:
    print("imported, not run")
print(type(__builtins__).__name__ in ("module", "dict"), "__doc__" in dir(), __doc__)
