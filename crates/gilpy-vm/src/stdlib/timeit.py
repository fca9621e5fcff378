"""Timing small pieces of code, as CPython's timeit module times them: the statement runs
`number` times in a loop inside a function compiled for it, with the cycle collector off, and
the total is what `default_timer` (`time.perf_counter`) measured. In simulated mode that is
virtual time, the same on every machine. Not here: the command line (`python -m timeit`)."""

import gc
import itertools
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_globals = globals

# The function each Timer compiles: the setup once, then the statement `number` times. From
# 3.10 a `pass` follows the statement, so a statement that is only a comment still compiles.
template = """
def inner(_it, _timer{init}):
    {setup}
    _t0 = _timer()
    for _i in _it:
        {stmt}
""" + ("        pass\n" if sys.version_info >= (3, 10) else "") + """    _t1 = _timer()
    return _t1 - _t0
"""


def reindent(src, indent):
    """The lines of a statement after its first, indented to sit in the template."""
    return src.replace("\n", "\n" + " " * indent)


class Timer:
    """Times `stmt` after `setup`, each a string of code or a callable with no arguments;
    strings run with `globals` (by default this module's) as their globals."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = _globals() if globals is None else globals
        init = ""
        if isinstance(setup, str):
            # Each must compile on its own, as well as in the function.
            compile(setup, dummy_src_name, "exec")
            stmtprefix = setup + "\n"
            setup = reindent(setup, 4)
        elif callable(setup):
            local_ns["_setup"] = setup
            init += ", _setup=_setup"
            stmtprefix = ""
            setup = "_setup()"
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            compile(stmtprefix + stmt, dummy_src_name, "exec")
            stmt = reindent(stmt, 8)
        elif callable(stmt):
            local_ns["_stmt"] = stmt
            init += ", _stmt=_stmt"
            stmt = "_stmt()"
        else:
            raise ValueError("stmt is neither a string nor callable")
        src = template.format(stmt=stmt, setup=setup, init=init)
        self.src = src
        code = compile(src, dummy_src_name, "exec")
        exec(code, global_ns, local_ns)
        self.inner = local_ns["inner"]

    def print_exc(self, file=None):
        """Prints the traceback of the exception being handled (without the lines of the
        generated function, which CPython shows through linecache)."""
        import traceback
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Seconds taken to run the statement `number` times."""
        it = itertools.repeat(None, number)
        gcold = gc.isenabled()
        gc.disable()
        try:
            timing = self.inner(it, self.timer)
        finally:
            if gcold:
                gc.enable()
        return timing

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of `repeat` timings of `number` runs each."""
        r = []
        for i in range(repeat):
            t = self.timeit(number)
            r.append(t)
        return r

    def autorange(self, callback=None):
        """`number` as 1, 2, 5, 10, 20, 50, ... until the runs take at least 0.2 seconds:
        (number, time taken). `callback(number, time_taken)` hears of each try."""
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number, globals=None):
    """Seconds taken to run `stmt` `number` times (see Timer)."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    """`repeat` timings of `number` runs of `stmt` each (see Timer)."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
