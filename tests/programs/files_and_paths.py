# Files: open() in text and binary modes, `with`, iteration by line, print(file=...),
# threads and a process writing files, os and os.path, and the OSErrors CPython raises.
# Everything is written under a scratch folder of its own, removed at the end.
import io
import json
import multiprocessing
import os
import threading

ROOT = "scratch_files_and_paths"


def write_log(index):
    with open(os.path.join(ROOT, "logs", f"log{index}.txt"), "w") as log:
        for n in range(2000):
            log.write(f"{index}:{n}\n")


# A process writes a file its parent then reads: they share the files, not the memory.
def report(path):
    with open(path, "w") as out:
        json.dump({"from": "child", "squares": [n * n for n in range(5)]}, out)


if __name__ == "__main__":
    os.makedirs(os.path.join(ROOT, "logs"), exist_ok=True)
    notes = os.path.join(ROOT, "notes.txt")

    with open(notes, "w") as f:
        print(f.name, f.mode, f.closed, f.encoding, type(f).__name__)
        written = f.write("first\nsecond\r\nthird")
        f.writelines(["\n", "fourth\n"])
        print("a", 1, sep="-", file=f)
    print(written, f.closed)

    with open(notes) as f:
        print(repr(f.readline()), repr(f.read(5)), repr(f.read()))
    with open(notes, newline="") as f:
        print([line for line in f])
    with open(notes, "rb") as f:
        print(f.read(8), f.tell(), f.readline(), len(f.read()))
    with open(notes, "a") as f:
        f.write("appended\n")
    print(open(notes).readlines()[-2:])
    print(os.path.exists(notes), os.path.isfile(notes), os.path.isdir(ROOT), os.path.getsize(notes))

    # Threads write a log each; the GIL is released while the host writes.
    threads = [threading.Thread(target=write_log, args=(i,)) for i in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(sorted(os.listdir(os.path.join(ROOT, "logs"))))
    for name in sorted(os.listdir(os.path.join(ROOT, "logs"))):
        with open(os.path.join(ROOT, "logs", name)) as log:
            lines = log.read().splitlines()
        print(name, len(lines), lines[-1])

    child = multiprocessing.Process(target=report, args=(os.path.join(ROOT, "child.json"),))
    child.start()
    child.join()
    with open(os.path.join(ROOT, "child.json")) as f:
        print(child.exitcode, json.load(f))

    with open(os.path.join(ROOT, "data.bin"), "wb") as f:
        f.write(bytes(range(200)))
    with open(os.path.join(ROOT, "data.bin"), "r+b") as f:
        f.seek(-4, 2)
        print(f.read(), f.tell())
        f.seek(0)
        f.write(b"XY")
    with open(os.path.join(ROOT, "data.bin"), "rb") as f:
        print(f.read(4))

    for attempt in (
        lambda: open(os.path.join(ROOT, "missing.txt")),
        lambda: open(notes, "x"),
        lambda: open(ROOT),
        lambda: os.mkdir(ROOT),
        lambda: os.rmdir(ROOT),
        lambda: os.remove(os.path.join(ROOT, "nothing")),
        lambda: os.rename(os.path.join(ROOT, "nothing"), os.path.join(ROOT, "else")),
        lambda: open(notes).write("x"),
        lambda: open(notes, "wb").write("text"),
        lambda: open(notes, "rw"),
        lambda: open(notes, "rb", encoding="utf-8"),
        lambda: open(os.path.join(ROOT, "data.bin")).read(),
    ):
        try:
            attempt()
        except (OSError, ValueError, TypeError) as error:
            print(type(error).__name__, error, getattr(error, "errno", None))

    closed = open(notes)
    closed.close()
    try:
        closed.readline()
    except ValueError as error:
        print(error)

    error = OSError(2, "No such file or directory", "f.txt")
    print(type(error).__name__, error, error.args, error.filename)
    print(OSError("plain"), OSError(13, "Permission denied").__class__.__name__)

    buffer = io.StringIO()
    print("to", "memory", file=buffer)
    buffer.write("more\n")
    buffer.seek(0)
    print(repr(buffer.getvalue()), buffer.readline(), list(buffer))
    print(io.BytesIO(b"a\nb").readlines())

    # Append mode starts at the end; truncate() cuts; errors= decides what bad bytes become.
    with open(notes, "a") as f:
        print(f.tell(), f.write("tail\n"), f.tell())
    with open(notes, "r+") as f:
        f.seek(6)
        print(f.truncate(), f.read(), repr(open(notes).read()))
    with open(os.path.join(ROOT, "latin.txt"), "wb") as f:
        f.write(b"Jos\xe9\nna\xefve\n")
    for errors in ("replace", "ignore", "backslashreplace"):
        with open(os.path.join(ROOT, "latin.txt"), errors=errors) as f:
            print(errors, f.readlines())
    print(open(os.path.join(ROOT, "latin.txt"), encoding="latin-1").read().split())
    try:
        for line in open(os.path.join(ROOT, "latin.txt")):
            print(line)
    except UnicodeDecodeError as error:
        print(error)
    try:
        raise IOError("disk full")
    except EnvironmentError as error:
        print(type(error).__name__, error)

    print([(os.path.relpath(folder, ROOT), sorted(dirs), sorted(files)) for folder, dirs, files in os.walk(ROOT)][:2])
    print(os.path.relpath("a/b/c", "a/d"), os.path.commonpath(["/a/b/c", "/a/b/d"]), os.path.commonprefix(["interval", "internal"]))
    os.remove(os.path.join(ROOT, "latin.txt"))
    os.rename(os.path.join(ROOT, "data.bin"), os.path.join(ROOT, "moved.bin"))
    print(sorted(os.listdir(ROOT)))
    for folder, names in ((os.path.join(ROOT, "logs"), None), (ROOT, None)):
        for name in os.listdir(folder):
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                os.remove(path)
    os.rmdir(os.path.join(ROOT, "logs"))
    os.rmdir(ROOT)
    print(os.path.exists(ROOT))
    print(os.path.join("a", "b", "/c", "d"), os.path.split("/x/y.txt"), os.path.splitext("a.tar.gz"),
          os.path.basename("a/b/"), os.path.dirname("a/b/c"), os.path.normpath("a//b/../c/."),
          os.path.isabs("/a"))
    open("no_such_folder/out.txt", "w")
