"""Python's keywords, for telling identifiers from them."""

import sys as _sys

kwlist = [
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return',
    'try', 'while', 'with', 'yield',
]

if _sys.version_info >= (3, 12):
    softkwlist = ['_', 'case', 'match', 'type']
elif _sys.version_info >= (3, 10):
    softkwlist = ['_', 'case', 'match']
else:
    softkwlist = []

_keywords = dict.fromkeys(kwlist)
_soft_keywords = dict.fromkeys(softkwlist)


def iskeyword(s):
    return s in _keywords


def issoftkeyword(s):
    return s in _soft_keywords
