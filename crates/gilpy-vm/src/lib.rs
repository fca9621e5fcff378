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
mod stdlib;
pub mod syntax;
pub mod value;
pub mod version;
pub mod vm;

use std::sync::Arc;

use builtins::{Host, Interpreter};
use syntax::{LineIndex, SyntaxError};
use value::{lock, Dict, Key, Value};
use version::PythonVersion;
use vm::Thread;

/// A program that compiled: its code and the source, for tracebacks.
pub struct Program {
    pub code: Arc<code::Code>,
    pub lines: LineIndex,
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
        Ok(code) => Ok(Program { code, lines, filename: filename.to_string() }),
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

/// Like [`run`], with the thread's eval breaker in the caller's hands: setting
/// [`vm::breaker::INTERRUPT`] raises KeyboardInterrupt at the next check point.
pub fn run_interruptible(
    program: &Program,
    version: PythonVersion,
    host: Arc<dyn Host>,
    argv: Vec<String>,
    eval_breaker: Arc<std::sync::atomic::AtomicU32>,
) -> Outcome {
    let interp = Interpreter::new(version, host.clone(), argv);
    let globals = Arc::new(Dict { entries: Default::default() });
    lock(&globals.entries).insert(Key(Value::str("__name__")), Value::str("__main__"));
    let mut thread = Thread::new(interp);
    thread.eval_breaker = eval_breaker;
    match thread.run_module(program.code.clone(), globals) {
        Ok(_) => Outcome { exit_code: 0 },
        Err(exception) => report_uncaught(&mut thread, &exception, program, &*host),
    }
}

fn report_uncaught(
    thread: &mut Thread,
    exception: &Value,
    program: &Program,
    host: &dyn Host,
) -> Outcome {
    if let Value::Instance(instance) = exception {
        // SystemExit: exit quietly with its code (or print its message and exit 1).
        if &*instance.class.name == "SystemExit" {
            let args = match lock(&instance.dict).get("args") {
                Some(Value::Tuple(args)) => args.to_vec(),
                _ => vec![],
            };
            return match args.first() {
                None | Some(Value::None) => Outcome { exit_code: 0 },
                Some(Value::Int(code)) => Outcome { exit_code: *code as i32 },
                Some(other) => {
                    let text = thread.str_of(other).unwrap_or_default();
                    host.write_stderr(&format!("{text}\n"));
                    Outcome { exit_code: 1 }
                }
            };
        }
    }
    let source_line = |filename: &str, line: u32| {
        (filename == program.filename)
            .then(|| program.lines.line_text(line).map(str::to_string))
            .flatten()
    };
    let report = builtins::format_traceback(thread, exception, &source_line);
    host.write_stderr(&report);
    Outcome { exit_code: 1 }
}
