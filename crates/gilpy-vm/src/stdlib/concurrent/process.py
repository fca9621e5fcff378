"""concurrent.futures.process: where CPython defines ProcessPoolExecutor (ours is in futures.py)."""

from concurrent.futures import BrokenProcessPool, ProcessPoolExecutor
