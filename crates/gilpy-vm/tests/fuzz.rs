//! Arbitrary text, token soups and mutated real programs go through the parser, the compiler
//! and the VM: whatever happens must be a Python-level outcome (a syntax error, an exception,
//! an exit code), never a Rust panic. Seeded, so a failure names an input that reproduces.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::mpsc::RecvTimeoutError;
use std::sync::Arc;
use std::time::Duration;

mod common;

use common::Rng;
use gilpy_vm::builtins::Host;
use gilpy_vm::version::PythonVersion;
use gilpy_vm::EvalBreaker;

const TOKENS: &[&str] = &[
    "def",
    "f",
    "(",
    ")",
    ":",
    "\n",
    "    ",
    "return",
    "x",
    "=",
    "1",
    "0",
    "-1",
    "2**64",
    "+",
    "-",
    "*",
    "/",
    "//",
    "%",
    "**",
    "[",
    "]",
    "{",
    "}",
    ",",
    "for",
    "in",
    "range",
    "while",
    "if",
    "else",
    "elif",
    "not",
    "and",
    "or",
    "lambda",
    "class",
    "C",
    "self",
    ".",
    "try",
    "except",
    "finally",
    "raise",
    "Exception",
    "print",
    "len",
    "'s'",
    "f'{x}'",
    "None",
    "True",
    "1.5",
    "[x for x in range(3)]",
    "import",
    "sys",
    "global",
    "nonlocal",
    "del",
    "assert",
    "break",
    "continue",
    "*",
    "**",
    "is",
    "==",
    "<",
    ">=",
    "yield",
    "with",
    "as",
    "{1: 2}",
    "'%d' % 3",
    "sorted",
    "max",
    "min",
    "sum",
    "str",
    "int",
    "float",
    "pass",
];

/// A host that swallows output and never sleeps.
struct QuietHost;

impl Host for QuietHost {
    fn write_stdout(&self, _: &str) {}
    fn write_stderr(&self, _: &str) {}
    fn monotonic_ns(&self) -> u64 {
        0
    }
    fn wall_time(&self) -> f64 {
        0.0
    }
    fn sleep(&self, _: f64) {}
}

/// Compiles and, if that works, runs `source` for at most about 50 ms. Err: the panic.
fn exercise(source: &str) -> Result<bool, String> {
    let source = source.to_string();
    // A big stack, as the CLI's main thread has: nested runs of Python code from built-ins use it.
    let worker = std::thread::Builder::new().stack_size(64 << 20).spawn(move || {
        catch_unwind(AssertUnwindSafe(|| {
            let Ok(program) = gilpy_vm::compile(&source, "fuzz.py", PythonVersion::V3_13) else {
                return false;
            };
            let breaker = Arc::new(EvalBreaker::default());
            // Stop after 50 ms; a program that swallows the KeyboardInterrupt (a mutation can
            // put `except BaseException: pass` in a loop) is killed 250 ms later.
            let (finished, finish) = std::sync::mpsc::channel::<()>();
            let watchdog = {
                let breaker = breaker.clone();
                std::thread::spawn(move || {
                    let timed_out =
                        |wait| matches!(finish.recv_timeout(wait), Err(RecvTimeoutError::Timeout));
                    if timed_out(Duration::from_millis(50)) {
                        breaker.set(EvalBreaker::ASYNC_EXCEPTION);
                        if timed_out(Duration::from_millis(250)) {
                            breaker.set(EvalBreaker::KILL);
                        }
                    }
                })
            };
            gilpy_vm::run_interruptible(
                &program,
                PythonVersion::V3_13,
                Arc::new(QuietHost),
                vec![],
                breaker,
            );
            drop(finished);
            watchdog.join().expect("watchdog");
            true
        }))
    });
    match worker.expect("spawn").join() {
        Ok(Ok(ran)) => Ok(ran),
        Ok(Err(panic)) | Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "a panic".into())),
    }
}

fn token_soup(rng: &mut Rng) -> String {
    (0..rng.below(40) + 1).map(|_| TOKENS[rng.below(TOKENS.len())]).collect::<Vec<_>>().join(" ")
}

fn random_text(rng: &mut Rng) -> String {
    const CHARS: &[u8] = b"abcxyz019 ()[]{}:=+-*/%<>!'\".,\n\t#\\@&|^~_";
    (0..rng.below(80)).map(|_| CHARS[rng.below(CHARS.len())] as char).collect()
}

/// A real program with lines dropped, repeated or swapped.
fn mutate(rng: &mut Rng, program: &str) -> String {
    let mut lines: Vec<&str> = program.lines().collect();
    for _ in 0..rng.below(4) + 1 {
        if lines.is_empty() {
            break;
        }
        let at = rng.below(lines.len());
        match rng.below(3) {
            0 => {
                lines.remove(at);
            }
            1 => {
                let copy = lines[rng.below(lines.len())];
                lines.insert(at, copy);
            }
            _ => {
                let other = rng.below(lines.len());
                lines.swap(at, other);
            }
        }
    }
    lines.join("\n")
}

#[test]
fn nothing_panics() {
    let programs: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs"))
            .map(|dir| {
                dir.filter_map(|e| e.ok())
                    .filter(|e| {
                        e.path().extension().is_some_and(|x| x == "py")
                            && e.file_name() != "record.py"
                    })
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .collect()
            })
            .unwrap_or_default();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut inputs = 0;
    let mut ran = 0;
    let mut failures = Vec::new();
    for case in 0..6_000 {
        let source = match case % 3 {
            0 => token_soup(&mut rng),
            1 => random_text(&mut rng),
            _ if !programs.is_empty() => {
                let program = &programs[rng.below(programs.len())];
                mutate(&mut rng, program)
            }
            _ => token_soup(&mut rng),
        };
        inputs += 1;
        match exercise(&source) {
            Ok(true) => ran += 1,
            Ok(false) => {}
            Err(panic) => failures.push(format!("case {case}: {panic}\n--- input ---\n{source}\n")),
        }
    }
    // Deep nesting, which must be a RecursionError, not a stack overflow.
    for source in [
        "x = ".to_string() + &"(".repeat(5_000) + &")".repeat(5_000),
        "x = ".to_string() + &"-".repeat(100_000) + "1",
    ] {
        inputs += 1;
        if let Err(panic) = exercise(&source) {
            failures.push(format!("deep nesting: {panic}"));
        }
    }
    println!("fuzz: {inputs} inputs, {ran} compiled and ran, {} panicked", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
