#!/usr/bin/env python3
"""Record (or check) what real CPython prints for every program in this folder.

Usage:
    python3 tests/programs/record.py                  # re-record every program
    python3 tests/programs/record.py NAME...          # re-record only these programs
    python3 tests/programs/record.py --check [NAME...]  # re-run and diff against the recordings
    python3 tests/programs/record.py --python 3.13=/path/to/python3 ...

For each version in VERSIONS whose interpreter is found, each program NAME.py is run
with the working directory set to this folder, and its stdout, stderr and exit code are
written to expected/<version>/NAME.out, NAME.err and NAME.code. Output is stored
byte for byte, with two exceptions, so that recordings do not depend on where the
repository or the interpreter are: the absolute path of this folder, which CPython puts
into traceback lines (File "/abs/path/NAME.py"), is replaced by nothing, and the folder of
the interpreter's own library (File "/usr/lib/python3.13/threading.py") by "<stdlib>".

A program whose leading comment block contains a line "# versions: 3.13" (versions
separated by spaces or commas) is recorded only for those versions.

Runs on Python 3.9 or newer, standard library only.
"""

import argparse
import difflib
import glob
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected")
VERSIONS = ("3.13", "3.9")
TIMEOUT = 20
SUFFIXES = (".out", ".err", ".code")
VERSIONS_LINE = re.compile(r"^#\s*versions\s*:\s*(.*?)\s*$")


def log(message):
    print(message, file=sys.stderr)


def fail(message):
    """Report a usage or set-up error and exit with status 2 (1 means "recordings differ")."""
    log("record.py: " + message)
    sys.exit(2)


# ---------------------------------------------------------------------------
# Finding interpreters


def interpreter_version(path):
    """Return "3.13" etc. for a working, GIL-enabled CPython at path, or None."""
    probe = (
        "import sys, platform; "
        "gil = getattr(sys, '_is_gil_enabled', lambda: True)(); "
        "print(platform.python_implementation(), '%d.%d' % sys.version_info[:2], gil)"
    )
    try:
        result = subprocess.run(
            [path, "-c", probe],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    fields = result.stdout.decode("ascii", "replace").split()
    if len(fields) != 3 or fields[0] != "CPython" or fields[2] != "True":
        return None
    return fields[1]


def version_key(path):
    """Sort key that puts higher micro versions first for .../versions/3.13.X/bin/python3."""
    name = os.path.basename(os.path.dirname(os.path.dirname(path)))
    return [int(part) if part.isdigit() else -1 for part in re.split(r"[.\-]", name)]


def candidates(version):
    """Places to look for an interpreter, in order of preference."""
    found = []
    on_path = shutil.which("python" + version)
    if on_path:
        found.append(on_path)
    roots = []
    if os.environ.get("PYENV_ROOT"):
        roots.append(os.environ["PYENV_ROOT"])
    roots.append(os.path.join(os.path.expanduser("~"), ".pyenv"))
    for root in roots:
        # "3.13*" would also match "3.130"; require "3.13" alone or followed by ".".
        paths = glob.glob(os.path.join(root, "versions", version + "*", "bin", "python3"))
        paths = [
            p for p in paths
            if re.fullmatch(re.escape(version) + r"(\..*)?",
                            os.path.basename(os.path.dirname(os.path.dirname(p))))
        ]
        found.extend(sorted(paths, key=version_key, reverse=True))
    return found


def find_interpreters(overrides):
    interpreters = {}
    for version in VERSIONS:
        if version in overrides:
            path = overrides[version]
            actual = interpreter_version(path)
            if actual != version:
                fail("--python %s=%s is not a working CPython %s (found %s)"
                     % (version, path, version, actual))
            interpreters[version] = path
            continue
        for path in candidates(version):
            # A pyenv shim may exist on PATH but fail for a version that is not active,
            # so every candidate is actually run.
            if interpreter_version(path) == version:
                interpreters[version] = path
                break
    return interpreters


# ---------------------------------------------------------------------------
# Programs


def all_programs():
    names = []
    for entry in sorted(os.listdir(HERE)):
        if entry.endswith(".py") and entry != "record.py":
            names.append(entry[:-3])
    return names


def program_versions(name):
    """Versions a program is recorded for, from its "# versions:" comment (default: all)."""
    with open(os.path.join(HERE, name + ".py"), encoding="utf-8") as f:
        for line in f:
            stripped = line.strip()
            if not stripped.startswith("#"):
                break
            match = VERSIONS_LINE.match(stripped)
            if match:
                wanted = [v for v in re.split(r"[\s,]+", match.group(1)) if v]
                unknown = [v for v in wanted if v not in VERSIONS]
                if unknown:
                    fail("%s.py: unknown version(s) %s" % (name, ", ".join(unknown)))
                return wanted
    return list(VERSIONS)


def resolve_names(args):
    known = set(all_programs())
    names = []
    for arg in args:
        name = os.path.basename(arg)
        if name.endswith(".py"):
            name = name[:-3]
        if name not in known:
            fail("no program named %r in %s" % (arg, HERE))
        if name not in names:
            names.append(name)
    return names


# ---------------------------------------------------------------------------
# Running


def child_environment():
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PYTHON") and key not in ("FORCE_COLOR", "NO_COLOR")
    }
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONNOUSERSITE"] = "1"
    env["NO_COLOR"] = "1"
    return env


def library_folder(interpreter):
    """Where the interpreter's standard library is (the folder of its threading.py)."""
    result = subprocess.run(
        [interpreter, "-s", "-B", "-c", "import os, threading; print(os.path.dirname(threading.__file__))"],
        stdout=subprocess.PIPE,
        check=True,
    )
    return result.stdout.decode("utf-8").strip()


def run_program(interpreter, name):
    """Run NAME.py; return {suffix: bytes} or raise subprocess.TimeoutExpired."""
    # -s: no user site-packages; -B: no __pycache__. Not -I: it implies -E, which
    # would make the interpreter ignore PYTHONHASHSEED and PYTHONIOENCODING.
    result = subprocess.run(
        [interpreter, "-s", "-B", name + ".py"],
        cwd=HERE,
        env=child_environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT,
    )
    prefix = (HERE + os.sep).encode("utf-8")
    stdlib = (library_folder(interpreter) + os.sep).encode("utf-8")
    return {
        ".out": result.stdout,
        ".err": result.stderr.replace(prefix, b"").replace(stdlib, b"<stdlib>" + os.sep.encode()),
        ".code": str(result.returncode).encode("ascii"),
    }


def expected_path(version, name, suffix):
    return os.path.join(EXPECTED, version, name + suffix)


def read_bytes(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def show_diff(label, expected, actual):
    expected_text = (expected or b"").decode("utf-8", "replace").splitlines(True)
    actual_text = actual.decode("utf-8", "replace").splitlines(True)
    diff = list(difflib.unified_diff(expected_text, actual_text, "recorded " + label, "actual " + label))
    for line in diff[:40]:
        sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    if len(diff) > 40:
        print("    ... (%d more diff lines)" % (len(diff) - 40))


def stale_files(version, programs):
    """Recorded files for programs that no longer exist or are not recorded for version."""
    directory = os.path.join(EXPECTED, version)
    if not os.path.isdir(directory):
        return []
    wanted = {name for name in programs if version in program_versions(name)}
    stale = []
    for entry in sorted(os.listdir(directory)):
        base, suffix = os.path.splitext(entry)
        if suffix in SUFFIXES and base not in wanted:
            stale.append(os.path.join(directory, entry))
    return stale


def main():
    parser = argparse.ArgumentParser(description="Record or check CPython's output for tests/programs.")
    parser.add_argument("names", nargs="*", metavar="NAME", help="programs to handle (default: all)")
    parser.add_argument("--check", action="store_true",
                        help="re-run and compare with the recorded files instead of writing them")
    parser.add_argument("--python", action="append", default=[], metavar="VERSION=PATH",
                        help="interpreter to use for VERSION (e.g. 3.13=/usr/bin/python3.13)")
    args = parser.parse_args()

    overrides = {}
    for item in args.python:
        version, sep, path = item.partition("=")
        if not sep or version not in VERSIONS or not path:
            parser.error("--python expects VERSION=PATH with VERSION one of %s" % ", ".join(VERSIONS))
        overrides[version] = path

    programs = resolve_names(args.names) if args.names else all_programs()
    interpreters = find_interpreters(overrides)
    for version in VERSIONS:
        if version in interpreters:
            log("python %s: %s" % (version, interpreters[version]))
        else:
            log("python %s: not found, skipped" % version)
    if not interpreters:
        log("record.py: no interpreter found; use --python VERSION=PATH")
        return 2

    failures = []
    stale = []
    for version, interpreter in interpreters.items():
        for name in programs:
            if version not in program_versions(name):
                continue
            try:
                outputs = run_program(interpreter, name)
            except subprocess.TimeoutExpired:
                print("%s [%s]: timed out after %d s" % (name, version, TIMEOUT))
                failures.append((version, name))
                continue
            if args.check:
                differing = []
                for suffix in SUFFIXES:
                    recorded = read_bytes(expected_path(version, name, suffix))
                    if recorded != outputs[suffix]:
                        differing.append(suffix)
                if differing:
                    print("%s [%s]: differs in %s" % (name, version, " ".join(differing)))
                    for suffix in differing:
                        show_diff(name + suffix, read_bytes(expected_path(version, name, suffix)),
                                  outputs[suffix])
                    failures.append((version, name))
            else:
                os.makedirs(os.path.join(EXPECTED, version), exist_ok=True)
                for suffix in SUFFIXES:
                    with open(expected_path(version, name, suffix), "wb") as f:
                        f.write(outputs[suffix])
        if not args.names:
            for path in stale_files(version, programs):
                if args.check:
                    print("%s: stale recording (no such program for %s)" % (os.path.relpath(path, HERE), version))
                    stale.append(path)
                else:
                    os.remove(path)
                    log("removed stale %s" % os.path.relpath(path, HERE))

    checked = sum(1 for v in interpreters for n in programs if v in program_versions(n))
    if args.check:
        if stale:
            print("%d stale recorded file(s); re-record everything to remove them" % len(stale))
        if failures:
            print("%d of %d program runs differ from the recordings" % (len(failures), checked))
        if failures or stale:
            return 1
        print("all %d recordings match" % checked)
    else:
        if failures:
            print("%d of %d programs failed to record" % (len(failures), checked))
            return 1
        print("recorded %d program runs" % checked)
    return 0


if __name__ == "__main__":
    sys.exit(main())
