"""concurrent.futures.thread: where CPython defines ThreadPoolExecutor (ours is in futures.py)."""

from concurrent.futures import BrokenThreadPool, ThreadPoolExecutor
