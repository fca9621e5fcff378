//! gilpy-vm: a Python-subset compiler and bytecode VM.
//!
//! [`syntax`] parses, [`compile`] turns the AST into [`code::Code`], [`vm::Thread`] runs it.
//! The VM reads no clock, prints nothing and starts no thread by itself: everything outside
//! goes through [`builtins::Host`]. Values are `Send + Sync`, ready for threads that run at once.

mod attribute_cache;
pub mod builtins;
pub mod bytes;
mod carets;
pub mod code;
pub mod compile;
mod deadlock;
pub mod files;
pub mod format;
mod generic;
mod global_cache;
pub mod highlight;
mod keys;
pub mod map;
mod methods;
mod modules;
pub mod ops;
pub mod pickle;
pub mod processes;
pub mod set;
pub mod simulate;
mod sre;
mod stdlib;
mod suggestions;
pub mod syntax;
pub mod text;
mod threads;
pub mod trace;
mod traceback;
mod unicode_tables;
pub mod value;
pub mod version;
mod views;
pub mod vm;

use std::sync::Arc;

use builtins::{Host, Interpreter};
pub use gilpy_runtime::core_limit::CoreLimit;
pub use gilpy_runtime::gil::EvalBreaker;
use syntax::{LineIndex, SyntaxError};
use value::{lock, Dict, Value};
use version::PythonVersion;
use vm::Thread;

/// A program that compiled: its code and the source, for tracebacks.
pub struct Program {
    pub code: Arc<code::Code>,
    pub lines: Arc<LineIndex>,
    pub filename: String,
    /// The SyntaxWarnings CPython prints as it compiles the program, as it prints them
    /// (`prog.py:3: SyntaxWarning: ...` and the line); a run prints them first.
    pub warnings: String,
}

/// Parses and compiles `source`; the error is a CPython-style report.
pub fn compile(
    source: &str,
    filename: &str,
    version: PythonVersion,
) -> Result<Program, SyntaxError> {
    let lines = LineIndex::new(source);
    let module = syntax::parse(source, filename, &lines, version)?;
    match compile::compile_module_warning(&module, filename, &lines, version) {
        Ok((code, compiler_warnings)) => {
            // The tokenizer's first, as CPython reports them: escapes from 3.12.
            let mut found = Vec::new();
            if version >= PythonVersion::V3_12 {
                found = compile::warnings::invalid_escapes(source, &lines);
            }
            found.extend(compiler_warnings);
            let warnings = found
                .iter()
                .map(|(line, message)| {
                    let text = lines.line_text(*line).unwrap_or_default().trim();
                    format!("{filename}:{line}: SyntaxWarning: {message}\n  {text}\n")
                })
                .collect();
            Ok(Program { code, lines: Arc::new(lines), filename: filename.to_string(), warnings })
        }
        Err(error) => Err(SyntaxError {
            filename: filename.to_string(),
            line: error.line,
            column: error.column,
            line_text: lines.line_text(error.line).unwrap_or_default().to_string(),
            message: error.message,
            kind: error.kind,
            width: error.width,
        }),
    }
}

/// How a program ended: CPython's exit code, and the traceback it printed, if any.
pub struct Outcome {
    pub exit_code: i32,
    /// For an uncaught exception, the innermost line of the main program in its traceback
    /// (what an editor marks).
    pub error_line: Option<u32>,
    /// It ended in an uncaught KeyboardInterrupt (CPython then ends by SIGINT, which a shell
    /// reports as exit status 130).
    pub interrupted: bool,
    /// What every thread of every process did, and when.
    pub trace: trace::ProgramTrace,
}

impl Outcome {
    fn exit(exit_code: i32) -> Outcome {
        Outcome { exit_code, error_line: None, interrupted: false, trace: Default::default() }
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
    if !program.warnings.is_empty() {
        host.write_stderr(&program.warnings);
    }
    let tracer = Arc::new(trace::Tracer::new(host.monotonic_ns()));
    let interp = Interpreter::new(version, host.clone(), argv, tracer.clone());
    let globals = main_module(&interp, program);
    let mut thread = Thread::new(interp.clone(), eval_breaker);
    let result = thread.take_gil().and_then(|()| thread.run_module(program.code.clone(), globals));
    // A deadlock stops every thread as Ctrl-C does; its report replaces the KeyboardInterrupt.
    let deadlocked = interp.deadlocks.found().is_some();
    // Interrupted: everything is torn down at once, rather than waiting for other threads and
    // processes as a normal exit does (CPython would want a second Ctrl-C).
    let interrupted = matches!(&result, Err(exception)
        if builtins::exception_is(&thread, exception, "KeyboardInterrupt"));
    let mut outcome = match result {
        Ok(_) => Outcome::exit(0),
        Err(_) if deadlocked => Outcome::exit(1),
        Err(exception) => report_uncaught(&mut thread, &exception, &*host),
    };
    threads::shutdown(&mut thread, interrupted);
    // Also found while finalization joined the threads.
    if let Some(waits) = interp.deadlocks.found() {
        host.write_stderr(&deadlock::report(&waits));
        outcome = Outcome::exit(1);
    }
    // Dropping the main thread closes its last span.
    drop(thread);
    Outcome { trace: tracer.trace(), ..outcome }
}

/// Runs a compiled program in simulated mode ([`simulate`]): all its threads on this host
/// thread, in virtual time on `config.cores` virtual cores. The same program and seed give the
/// same output and the same trace. Setting [`EvalBreaker::ASYNC_EXCEPTION`] on `eval_breaker`
/// raises KeyboardInterrupt in the main thread, as in real mode.
pub fn run_simulated(
    program: &Program,
    version: PythonVersion,
    host: Arc<dyn Host>,
    argv: Vec<String>,
    config: simulate::SimConfig,
    eval_breaker: Arc<EvalBreaker>,
) -> Outcome {
    let mut simulation = Simulation::new(program, version, host, argv, config, eval_breaker);
    loop {
        if let Some(outcome) = simulation.advance(|| false) {
            return outcome;
        }
    }
}

/// A program in simulated mode that runs a piece at a time, for a host that must get its
/// thread back now and then (the page's runner answers its messages between pieces).
pub struct Simulation {
    sim: Arc<simulate::Simulator>,
    /// Where a deadlock report goes: the host's own stderr.
    host: Arc<dyn Host>,
    sim_host: Arc<dyn Host>,
    interp: Arc<Interpreter>,
    tracer: Arc<trace::Tracer>,
    outcome: Outcome,
    /// How many steps of finalization have begun (`simulate::next_finalizer`).
    finalizers_started: usize,
}

impl Simulation {
    pub fn new(
        program: &Program,
        version: PythonVersion,
        host: Arc<dyn Host>,
        argv: Vec<String>,
        config: simulate::SimConfig,
        eval_breaker: Arc<EvalBreaker>,
    ) -> Simulation {
        if !program.warnings.is_empty() {
            host.write_stderr(&program.warnings);
        }
        let sim = simulate::Simulator::new(config);
        let sim_host: Arc<dyn Host> =
            Arc::new(simulate::SimHost::new(host.clone(), sim.clone(), program));
        let tracer = Arc::new(trace::Tracer::new(0));
        let interp = Interpreter::new(version, sim_host.clone(), argv, tracer.clone());
        let _ = interp.sim.set(sim.clone());
        let globals = main_module(&interp, program);
        let thread = Thread::new(interp.clone(), eval_breaker);
        sim.start(thread, simulate::Job::Module(program.code.clone(), globals));
        Simulation {
            sim,
            host,
            sim_host,
            interp,
            tracer,
            outcome: Outcome::exit(0),
            finalizers_started: 0,
        }
    }

    /// Runs until the program ends, or until `pause` (asked between slices) says to stop for
    /// now: `None` then, and the next call goes on where this one left off.
    pub fn advance(&mut self, pause: impl FnMut() -> bool) -> Option<Outcome> {
        let Simulation { sim, sim_host, outcome, finalizers_started, .. } = self;
        let finished = |thread: &mut Thread, result: vm::CallResult| {
            let main_module_ended = *finalizers_started == 0;
            if let (true, Err(exception)) = (main_module_ended, result) {
                let interrupted = builtins::exception_is(thread, &exception, "KeyboardInterrupt");
                *outcome = report_uncaught(thread, &exception, &**sim_host);
                if interrupted {
                    return None;
                }
            }
            // CPython's finalization: join the non-daemon threads, then the child processes.
            simulate::next_finalizer(thread, finalizers_started)
        };
        let ending = sim.advance(finished, pause)?;
        if let simulate::Ending::Deadlock(waits) = ending {
            self.host.write_stderr(&deadlock::report(&waits));
            self.outcome = Outcome::exit(1);
        }
        self.interp.stop_all_threads();
        let outcome = std::mem::replace(&mut self.outcome, Outcome::exit(0));
        Some(Outcome { trace: self.tracer.trace(), ..outcome })
    }

    /// How far the program has got in virtual time: its wall time once it has ended.
    pub fn virtual_ns(&self) -> u64 {
        self.sim.now()
    }
}

/// Makes `__main__` (also known as `__mp_main__`) for `program` and returns its namespace.
fn main_module(interp: &Arc<Interpreter>, program: &Program) -> Arc<Dict> {
    lock(&interp.sources).insert(program.filename.clone(), program.lines.clone());
    *lock(&interp.main_code) = Some(program.code.clone());
    interp.new_main_module("__main__", &program.filename)
}

fn report_uncaught(thread: &mut Thread, exception: &Value, host: &dyn Host) -> Outcome {
    if let Value::Instance(instance) = exception {
        // SystemExit: exit quietly with its code (or print its message and exit 1).
        if &*instance.class.name == "SystemExit" {
            let args = match instance.get("args") {
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
        interrupted: builtins::exception_is(thread, exception, "KeyboardInterrupt"),
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
