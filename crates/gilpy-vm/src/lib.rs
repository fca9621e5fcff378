//! gilpy-vm: a Python-subset compiler and bytecode VM.
//!
//! [`syntax`] parses, [`compile`] turns the AST into [`code::Code`], [`vm::Thread`] runs it.
//! The VM reads no clock, prints nothing and starts no thread by itself: everything outside
//! goes through [`builtins::Host`]. Values are `Send + Sync`, ready for threads that run at once.

pub mod builtins;
pub mod code;
pub mod compile;
pub mod format;
mod keys;
mod methods;
mod modules;
pub mod ops;
pub mod pickle;
pub mod processes;
pub mod set;
mod stdlib;
pub mod syntax;
mod threads;
pub mod trace;
pub mod value;
pub mod version;
pub mod vm;

use std::sync::Arc;

use builtins::{Host, Interpreter};
pub use gilpy_runtime::gil::EvalBreaker;
use syntax::{LineIndex, SyntaxError};
use value::{lock, Dict, Key, Value};
use version::PythonVersion;
use vm::Thread;

/// A program that compiled: its code and the source, for tracebacks.
pub struct Program {
    pub code: Arc<code::Code>,
    pub lines: Arc<LineIndex>,
    pub filename: String,
}

/// Parses and compiles `source`; the error is a CPython-style report.
pub fn compile(
    source: &str,
    filename: &str,
    version: PythonVersion,
) -> Result<Program, SyntaxError> {
    let lines = LineIndex::new(source);
    let module = syntax::parse(source, filename, &lines)?;
    match compile::compile_module(&module, filename, &lines, version) {
        Ok(code) => Ok(Program { code, lines: Arc::new(lines), filename: filename.to_string() }),
        Err(error) => Err(SyntaxError {
            filename: filename.to_string(),
            line: error.line,
            column: error.column,
            line_text: lines.line_text(error.line).unwrap_or_default().to_string(),
            message: error.message,
            kind: error.kind,
        }),
    }
}

/// How a program ended: CPython's exit code, and the traceback it printed, if any.
pub struct Outcome {
    pub exit_code: i32,
    /// For an uncaught exception, the innermost line of the main program in its traceback
    /// (what an editor marks).
    pub error_line: Option<u32>,
    /// What every thread of every process did, and when.
    pub trace: trace::ProgramTrace,
}

impl Outcome {
    fn exit(exit_code: i32) -> Outcome {
        Outcome { exit_code, error_line: None, trace: Default::default() }
    }
}

/// Runs a compiled program as `__main__` on the current thread.
pub fn run(
    program: &Program,
    version: PythonVersion,
    host: Arc<dyn Host>,
    argv: Vec<String>,
) -> Outcome {
    run_interruptible(program, version, host, argv, Arc::default())
}

/// Like [`run`], with the main thread's eval breaker in the caller's hands: setting
/// [`EvalBreaker::ASYNC_EXCEPTION`] raises KeyboardInterrupt at its next check point.
pub fn run_interruptible(
    program: &Program,
    version: PythonVersion,
    host: Arc<dyn Host>,
    argv: Vec<String>,
    eval_breaker: Arc<EvalBreaker>,
) -> Outcome {
    let tracer = Arc::new(trace::Tracer::new(host.monotonic_ns()));
    let interp = Interpreter::new(version, host.clone(), argv, tracer.clone());
    lock(&interp.sources).insert(program.filename.clone(), program.lines.clone());
    *lock(&interp.main_code) = Some(program.code.clone());
    let globals = Arc::new(Dict { entries: Default::default() });
    lock(&globals.entries).insert(Key(Value::str("__name__")), Value::str("__main__"));
    let main = Value::Module(Arc::new(value::Module {
        name: Arc::from("__main__"),
        dict: globals.clone(),
    }));
    // Classes from a spawned child's main module say `__mp_main__`: the same module here.
    lock(&interp.modules).insert("__main__".to_string(), main.clone());
    lock(&interp.modules).insert("__mp_main__".to_string(), main);
    let mut thread = Thread::new(interp.clone(), eval_breaker);
    let result = thread.take_gil().and_then(|()| thread.run_module(program.code.clone(), globals));
    // Interrupted: everything is torn down at once, rather than waiting for other threads and
    // processes as a normal exit does (CPython would want a second Ctrl-C).
    let interrupted = matches!(&result, Err(exception)
        if builtins::exception_is(&thread, exception, "KeyboardInterrupt"));
    let outcome = match result {
        Ok(_) => Outcome::exit(0),
        Err(exception) => report_uncaught(&mut thread, &exception, &*host),
    };
    threads::shutdown(&mut thread, interrupted);
    // Dropping the main thread closes its last span.
    drop(thread);
    Outcome { trace: tracer.trace(), ..outcome }
}

fn report_uncaught(thread: &mut Thread, exception: &Value, host: &dyn Host) -> Outcome {
    if let Value::Instance(instance) = exception {
        // SystemExit: exit quietly with its code (or print its message and exit 1).
        if &*instance.class.name == "SystemExit" {
            let args = match lock(&instance.dict).get("args") {
                Some(Value::Tuple(args)) => args.to_vec(),
                _ => vec![],
            };
            return match args.first() {
                None | Some(Value::None) => Outcome::exit(0),
                Some(Value::Int(code)) => Outcome::exit(*code as i32),
                Some(other) => {
                    let text = thread.str_of(other).unwrap_or_default();
                    host.write_stderr(&format!("{text}\n"));
                    Outcome::exit(1)
                }
            };
        }
    }
    let report = builtins::format_traceback(thread, exception);
    host.write_stderr(&report);
    Outcome {
        exit_code: 1,
        error_line: innermost_main_line(thread, exception),
        trace: Default::default(),
    }
}

fn innermost_main_line(thread: &Thread, exception: &Value) -> Option<u32> {
    let Value::Instance(instance) = exception else { return None };
    let main_code = lock(&thread.interp.main_code).clone()?;
    // Entries are kept innermost first, as the exception unwound.
    let entries = lock(&instance.traceback);
    entries.iter().find(|entry| entry.filename == main_code.filename).map(|entry| entry.line)
}
