"""Rewrites wishlist.txt: every program that does not yet match CPython, with the first thing
it stops at. Run from the repository root:

    GILPY_PARITY_ALL=1 cargo test -p gilpy-cli --test parity -- --nocapture 2>&1 | python3 tests/programs/update_wishlist.py
"""
import re
import sys
from pathlib import Path

HEADER = """# Programs gilpy cannot run like CPython yet, each with what it stops at. Rewritten by
# tests/programs/update_wishlist.py from a parity run; the parity test fails when one of them
# passes on every version, so the list only shrinks.
"""

reasons = {}
for line in sys.stdin:
    match = re.match(r"^(3\.\d+) (\w+): (.*)$", line.rstrip("\n"))
    if match:
        version, name, problem = match.groups()
        stderr = re.search(r'stderr ends "([^"]*)"', problem)
        reason = stderr.group(1) if stderr and stderr.group(1) else problem.split(";")[0]
        reasons.setdefault(name, f"{version}: {reason.replace(' is not supported by gilpy yet', '')}"[:110])
wishlist = Path(__file__).with_name("wishlist.txt")
wishlist.write_text(HEADER + "".join(f"{name:32} # {reasons[name]}\n" for name in sorted(reasons)))
print(f"{len(reasons)} programs on the wishlist")
