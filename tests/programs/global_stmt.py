# Checks the global statement, module-level state, and name resolution (local, global, builtin).
counter = 0
config = {"debug": False}

def increment():
    global counter
    counter += 1

def toggle():
    config["debug"] = not config["debug"]

def read_only():
    return counter * 10

for _ in range(3):
    increment()
toggle()
print(counter, config, read_only())

def create_global():
    global created
    created = "made inside a function"

create_global()
print(created)

def local_shadow():
    counter = -1
    return counter

print(local_shadow(), counter)

def shadow_builtin():
    len = lambda x: 42
    return len("abc")

print(shadow_builtin(), len("abc"))

def uses_before_assign():
    try:
        counter += 1
    except UnboundLocalError:
        return "UnboundLocalError"
    return "no error"

print(uses_before_assign())

def nested_global():
    def inner():
        global counter
        counter = 1000
    inner()

nested_global()
print(counter)
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
print("counter" in globals(), globals()["counter"])
