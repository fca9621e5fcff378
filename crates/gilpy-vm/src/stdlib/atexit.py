"""atexit: functions to call when the program ends, last registered first (written in
`_gilpy_atexit`)."""

from _gilpy_atexit import _clear, _ncallbacks, _run_exitfuncs, _shutdown, register, unregister
