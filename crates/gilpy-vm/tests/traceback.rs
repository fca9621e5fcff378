//! Traceback frames as each CPython version lists them: which functions appear and at which
//! lines. (CPython 3.11+ also underlines the failing expression; gilpy does not, so only the
//! `File ..., line N, in NAME` lines are compared.)

mod common;

use std::sync::Arc;

use common::host::ThreadedHost;
use gilpy_vm::version::PythonVersion;

/// The `line N, in NAME` part of each frame line of the traceback `source` ends with.
fn frames(source: &str, version: PythonVersion) -> Vec<String> {
    let program = gilpy_vm::compile(source, "tb.py", version).expect("compiles");
    let host = Arc::new(ThreadedHost::new());
    let outcome = gilpy_vm::run(&program, version, host.clone(), vec![]);
    assert_eq!(outcome.exit_code, 1);
    let stderr = host.stderr.lock().unwrap().clone();
    stderr
        .lines()
        .filter_map(|line| line.trim().strip_prefix("File \"tb.py\", "))
        .map(str::to_string)
        .collect()
}

const COMPREHENSION: &str = "def f(data):\n    return [10 // x for x in data]\nf([1, 0])\n";
const GENERATOR: &str = "def f(data):\n    return sum(10 // x for x in data)\nf([1, 0])\n";
const LAMBDA: &str = "pick = [\n    lambda x: 1 / x,\n]\npick[0](0)\n";

#[test]
fn comprehensions_have_frames_of_their_own_only_before_3_12() {
    for version in [PythonVersion::V3_9, PythonVersion::V3_11] {
        let expected = ["line 3, in <module>", "line 2, in f", "line 2, in <listcomp>"];
        assert_eq!(frames(COMPREHENSION, version), expected, "{version:?}");
    }
    for version in [PythonVersion::V3_12, PythonVersion::V3_13, PythonVersion::V3_13t] {
        assert_eq!(frames(COMPREHENSION, version), ["line 3, in <module>", "line 2, in f"]);
    }
}

#[test]
fn generator_expressions_and_lambdas_keep_their_frames_and_lines() {
    for version in PythonVersion::ALL {
        let expected = ["line 3, in <module>", "line 2, in f", "line 2, in <genexpr>"];
        assert_eq!(frames(GENERATOR, version), expected, "{version:?}");
        assert_eq!(frames(LAMBDA, version), ["line 4, in <module>", "line 2, in <lambda>"]);
    }
}

/// A bare `raise`, an `except` that does not match, a `finally` and a `with` whose `__exit__`
/// declines all re-raise: each frame keeps the line where the exception first reached it.
const RERAISES: &str = "\
class Quiet:
    def __enter__(self): return self
    def __exit__(self, *exc): return False
def inner():
    try:
        1 / 0
    except ZeroDivisionError:
        raise
def middle():
    try:
        inner()
    except KeyError:
        pass
def outer():
    with Quiet():
        try:
            middle()
        finally:
            print('cleanup')
outer()
";

#[test]
fn re_raised_exceptions_keep_the_line_each_frame_first_saw() {
    for version in PythonVersion::ALL {
        let expected =
            ["line 20, in <module>", "line 17, in outer", "line 11, in middle", "line 6, in inner"];
        assert_eq!(frames(RERAISES, version), expected, "{version:?}");
    }
}
