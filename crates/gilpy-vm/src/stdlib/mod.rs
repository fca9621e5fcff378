//! Standard-library modules written in Python, as CPython writes most of its own: the source is
//! compiled into the binary and compiled to bytecode the first time a program imports it.
//! Native building blocks they stand on (the Mersenne Twister, thread primitives) live in Rust
//! modules with a leading underscore, as in CPython (`_random`, `_thread`).
//!
//! Only [`crate::builtins::import`] reads this; every module here must compile on every
//! supported Python version (a test checks).

/// The standard-library modules written in Python: name and source.
pub const SOURCES: &[(&str, &str)] = &[
    ("collections", include_str!("collections.py")),
    ("contextlib", include_str!("contextlib.py")),
    ("fractions", include_str!("fractions.py")),
    ("dataclasses", include_str!("dataclasses.py")),
    ("functools", include_str!("functools.py")),
    ("itertools", include_str!("itertools.py")),
    ("json", include_str!("json.py")),
    ("keyword", include_str!("keyword.py")),
    ("operator", include_str!("operator.py")),
    ("random", include_str!("random.py")),
    ("statistics", include_str!("statistics.py")),
    ("string", include_str!("string.py")),
    ("threading", include_str!("threading.py")),
    ("queue", include_str!("queue.py")),
    ("asyncio", include_str!("asyncio.py")),
    ("multiprocessing", include_str!("multiprocessing.py")),
    ("pickle", include_str!("pickle.py")),
    ("heapq", include_str!("heapq.py")),
    ("hashlib", include_str!("hashlib.py")),
    ("io", include_str!("io.py")),
    ("contextvars", include_str!("contextvars.py")),
    ("_gilpy_contextvars", include_str!("_gilpy_contextvars.py")),
    ("_gilpy_io", include_str!("_gilpy_io.py")),
    ("posixpath", include_str!("posixpath.py")),
    ("typing", include_str!("typing.py")),
    ("bisect", include_str!("bisect.py")),
    ("abc", include_str!("abc.py")),
    ("enum", include_str!("enum.py")),
    ("__future__", include_str!("__future__.py")),
    ("collections.abc", include_str!("_collections_abc.py")),
    ("_gilpy_iteration", include_str!("_gilpy_iteration.py")),
    ("_exceptiongroup", include_str!("_exceptiongroup.py")),
    ("_gilpy_asyncgen", include_str!("_gilpy_asyncgen.py")),
    ("_gilpy_match", include_str!("_gilpy_match.py")),
    ("traceback", include_str!("traceback.py")),
    ("copy", include_str!("copy.py")),
    ("re", include_str!("re.py")),
    ("struct", include_str!("struct.py")),
    ("logging", include_str!("logging.py")),
    ("datetime", include_str!("datetime.py")),
    ("warnings", include_str!("warnings.py")),
    ("gc", include_str!("gc.py")),
    ("atexit", include_str!("atexit.py")),
    ("_gilpy_atexit", include_str!("_gilpy_atexit.py")),
    ("timeit", include_str!("timeit.py")),
    ("types", include_str!("types.py")),
    ("_structseq", include_str!("_structseq.py")),
    ("concurrent", include_str!("concurrent/__init__.py")),
    ("concurrent.futures", include_str!("concurrent/futures.py")),
    ("concurrent.futures.thread", include_str!("concurrent/thread.py")),
    ("concurrent.futures.process", include_str!("concurrent/process.py")),
];

/// Parts of native modules written in Python: each runs in its module's namespace once the
/// native part is made (`sys.version_info`, a named tuple).
pub const NATIVE_SUPPLEMENTS: &[(&str, &str)] = &[
    ("sys", include_str!("sys.py")),
    ("time", include_str!("time.py")),
    ("os", include_str!("os.py")),
    ("_thread", include_str!("_thread.py")),
];

/// The Python part of the native module `name`, if it has one.
pub fn native_supplement(name: &str) -> Option<&'static str> {
    NATIVE_SUPPLEMENTS.iter().find(|(module, _)| *module == name).map(|(_, source)| *source)
}

/// The Python source of the standard-library module `name`, if it is one of ours.
pub fn source(name: &str) -> Option<&'static str> {
    SOURCES.iter().find(|(module, _)| *module == name).map(|(_, source)| *source)
}

#[cfg(test)]
mod tests {
    use crate::version::PythonVersion;

    #[test]
    fn every_module_compiles_on_every_version() {
        for (name, source) in super::SOURCES.iter().chain(super::NATIVE_SUPPLEMENTS) {
            for version in PythonVersion::ALL {
                if let Err(error) = crate::compile(source, name, version) {
                    panic!("{name} on {}: {}", version.as_str(), error.report());
                }
            }
        }
    }
}
