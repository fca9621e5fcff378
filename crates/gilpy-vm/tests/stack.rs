//! Recursion that nests the VM's Rust eval loops (generators resumed through `yield from`,
//! `__repr__` calling `repr`, a `sorted` key calling back into Python) ends in RecursionError,
//! as in CPython, and never overflows the thread's stack. On wasm threads an overflow would
//! silently overwrite memory, so the guard is a property the page depends on.

mod common;

use std::sync::Arc;

use common::host::ThreadedHost;
use gilpy_vm::builtins::Host;
use gilpy_vm::version::PythonVersion;

/// What a web worker's thread has.
const WORKER_STACK: usize = 1 << 20;

/// Runs `source` on a thread with exactly the stack the host declares; (stdout, stderr).
fn run_on_small_stack(source: &str) -> (String, String) {
    let host = Arc::new(ThreadedHost::with_stack(WORKER_STACK));
    let stack = host.thread_stack_bytes();
    let (source, runner_host) = (source.to_string(), host.clone());
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let program =
                gilpy_vm::compile(&source, "deep.py", PythonVersion::V3_13).expect("compiles");
            gilpy_vm::run(&program, PythonVersion::V3_13, runner_host, vec![]);
        })
        .unwrap()
        .join()
        .expect("the interpreter thread ends without overflowing its stack");
    let stdout = host.stdout.lock().unwrap().clone();
    let stderr = host.stderr.lock().unwrap().clone();
    (stdout, stderr)
}

fn assert_recursion_error_is_catchable(name: &str, deep_call: &str) {
    let source = format!(
        "{deep_call}\ntry:\n    run(10_000)\nexcept RecursionError as error:\n    print('caught:', error)\n\
         print('shallow:', run(20))\n"
    );
    let (stdout, stderr) = run_on_small_stack(&source);
    assert_eq!(
        stdout, "caught: maximum recursion depth exceeded\nshallow: 20\n",
        "{name}; stderr: {stderr}"
    );
}

#[test]
fn deep_yield_from_chains_raise_recursion_error() {
    assert_recursion_error_is_catchable(
        "yield from",
        "def chain(n):\n    if n:\n        yield from chain(n - 1)\n    yield n\n\
         def run(n):\n    return max(chain(n))",
    );
}

#[test]
fn repr_recursing_through_python_raises_recursion_error() {
    assert_recursion_error_is_catchable(
        "__repr__",
        "class Node:\n    def __init__(self, n):\n        self.n = n\n\
         \x20   def __repr__(self):\n        return repr(Node(self.n - 1)) if self.n else '0'\n\
         def run(n):\n    repr(Node(n))\n    return n",
    );
}

#[test]
fn sorted_keys_recursing_raise_recursion_error() {
    assert_recursion_error_is_catchable(
        "sorted key",
        "def run(n):\n    return sorted([n], key=lambda x: run(x - 1) if x else 0)[0]",
    );
}
