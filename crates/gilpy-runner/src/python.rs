//! Python programs in the page: the VM's `Host` on web workers, and one run of a program on the
//! pool. Python threads (and each process's main thread) are pool workers; the runner's own
//! thread only drains output, posts it, and answers Stop.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use gilpy_protocol::{
    append_output, FromRunner, OutputChunk, PythonOutcome, PythonRequest, RunMode, SourcePosition,
    Stream,
};
use gilpy_runtime::{Clock, Mode, RunTrace};
use gilpy_vm::builtins::Host;
use gilpy_vm::simulate::SimConfig;
use gilpy_vm::trace::ProgramTrace;
use gilpy_vm::version::PythonVersion;
use gilpy_vm::{CoreLimit, EvalBreaker};

use crate::host::{DoneSignal, WebClock};

/// The page keeps this much of a program's output; beyond it, a note says what was dropped.
/// (A runaway `print` loop would otherwise fill the page's memory.)
const MAX_OUTPUT_BYTES: usize = 1 << 20;

/// Pool workers running Python threads right now, across runs: a stopped run's threads may
/// still be finishing when the next one starts.
static BUSY_WORKERS: AtomicUsize = AtomicUsize::new(0);

/// The VM's window on the browser. Output collects here until the runner's thread drains it.
pub struct WebHost {
    output: Mutex<Output>,
    started_us: u64,
    cores: usize,
    pool_size: usize,
    /// A sweep's point: at most this many threads run Python at once.
    core_limit: Option<Arc<CoreLimit>>,
    /// The page has no disk: each run has its own files, in memory.
    files: gilpy_vm::files::MemoryFiles,
}

#[derive(Default)]
struct Output {
    chunks: Vec<OutputChunk>,
    bytes: usize,
    truncated: bool,
}

impl WebHost {
    pub fn new(cores: usize, pool_size: usize) -> WebHost {
        WebHost {
            output: Mutex::default(),
            started_us: WebClock.now_us(),
            cores,
            pool_size,
            core_limit: None,
            files: Default::default(),
        }
    }

    /// The host of a machine with `cores` cores (at most the pool's): the program's threads
    /// share that many, and `os.cpu_count()` and the trace say so.
    pub fn limited_to(self, cores: usize) -> WebHost {
        let cores = cores.clamp(1, self.cores.max(1));
        WebHost { cores, core_limit: Some(Arc::new(CoreLimit::new(cores))), ..self }
    }

    /// Output written since the last call.
    pub fn take_output(&self) -> Vec<OutputChunk> {
        std::mem::take(&mut lock(&self.output).chunks)
    }

    fn write(&self, stream: Stream, text: &str) {
        let mut output = lock(&self.output);
        if output.truncated {
            return;
        }
        let room = MAX_OUTPUT_BYTES - output.bytes;
        if text.len() <= room {
            output.bytes += text.len();
            append_output(&mut output.chunks, stream, text);
            return;
        }
        let mut cut = room;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        append_output(&mut output.chunks, stream, &text[..cut]);
        append_output(
            &mut output.chunks,
            Stream::Stderr,
            "\n[gilpy: the program wrote more than 1 MB; the rest of its output is not shown]\n",
        );
        output.truncated = true;
    }
}

impl Host for WebHost {
    fn files(&self) -> &dyn gilpy_vm::files::FileSystem {
        &self.files
    }

    fn write_stdout(&self, text: &str) {
        self.write(Stream::Stdout, text);
    }

    fn write_stderr(&self, text: &str) {
        self.write(Stream::Stderr, text);
    }

    fn monotonic_ns(&self) -> u64 {
        WebClock.now_us().saturating_sub(self.started_us) * 1_000
    }

    fn wall_time(&self) -> f64 {
        js_sys::Date::now() / 1_000.0
    }

    /// Pool workers may block: std's sleep is an atomic wait with a timeout.
    fn sleep(&self, seconds: f64) {
        std::thread::sleep(std::time::Duration::from_secs_f64(seconds.max(0.0)));
    }

    /// A Python thread takes a pool worker for its whole life. The pool is larger than the
    /// cores so that threads that wait (sleep, I/O, join) do not hold back those that compute;
    /// when every worker is taken the thread cannot start, as CPython's does at its own limit.
    fn spawn_thread(&self, run: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        let taken = BUSY_WORKERS.fetch_add(1, Ordering::SeqCst);
        if taken >= self.pool_size {
            BUSY_WORKERS.fetch_sub(1, Ordering::SeqCst);
            return Err(format!(
                "the page runs at most {} Python threads and processes at once",
                self.pool_size
            ));
        }
        rayon::spawn(move || {
            // Released even if the thread's code unwinds.
            struct Release;
            impl Drop for Release {
                fn drop(&mut self) {
                    BUSY_WORKERS.fetch_sub(1, Ordering::SeqCst);
                }
            }
            let _release = Release;
            run();
        });
        Ok(())
    }

    fn cpu_count(&self) -> Option<usize> {
        Some(self.cores)
    }

    fn core_limit(&self) -> Option<Arc<CoreLimit>> {
        self.core_limit.clone()
    }

    fn process_id(&self) -> u32 {
        1
    }
}

/// A program running on a pool worker: `done` is raised when it has ended.
pub struct StartedProgram {
    pub done: Arc<DoneSignal>,
    outcome: Arc<Mutex<Option<PythonOutcome>>>,
}

impl StartedProgram {
    /// How it ended; `None` before `done` (or if its worker panicked).
    pub fn take_outcome(&self) -> Option<PythonOutcome> {
        lock(&self.outcome).take()
    }
}

/// Starts `request` on a pool worker of its own, as its main thread. The error says why no
/// worker could take it.
pub fn start_program(
    request: PythonRequest,
    host: Arc<WebHost>,
    breaker: Arc<EvalBreaker>,
) -> Result<StartedProgram, String> {
    let started = StartedProgram { done: Arc::new(DoneSignal::default()), outcome: Arc::default() };
    let main_thread = {
        let (host, done, outcome) = (host.clone(), started.done.clone(), started.outcome.clone());
        Box::new(move || {
            *lock(&outcome) = Some(run_program(&request, host, breaker));
            done.raise();
        })
    };
    host.spawn_thread(main_thread)?;
    Ok(started)
}

/// Compiles and runs `request` as `__main__` (real or simulated, as it asks), on the calling
/// thread; `breaker` is the main thread's, so setting `ASYNC_EXCEPTION` on it is Stop.
pub fn run_program(
    request: &PythonRequest,
    host: Arc<WebHost>,
    breaker: Arc<EvalBreaker>,
) -> PythonOutcome {
    if request.run.is_simulated() {
        // In one go: this is a pool worker, and the runner's own thread stays free for Stop.
        let mut program = match SimulatedProgram::start(request, host, breaker) {
            Ok(program) => program,
            Err(outcome) => return outcome,
        };
        loop {
            if let Some(outcome) = program.advance(|| false) {
                return outcome;
            }
        }
    }
    let started = WebClock.now_us();
    let (program, version) = match compile(request, &host) {
        Ok(compiled) => compiled,
        Err(outcome) => return outcome,
    };
    let argv = vec!["main.py".to_string()];
    let outcome = gilpy_vm::run_interruptible(&program, version, host.clone(), argv, breaker);
    let wall_us = WebClock.now_us().saturating_sub(started);
    finish(outcome, version, wall_us, host.cores)
}

/// A simulated program that runs a piece at a time: on the runner's own thread where there is
/// no pool (the page is not cross-origin isolated), or in one go on a pool worker.
pub struct SimulatedProgram {
    simulation: gilpy_vm::Simulation,
    version: PythonVersion,
    cores: usize,
}

impl SimulatedProgram {
    /// The outcome instead when the program does not compile (or names no version).
    pub fn start(
        request: &PythonRequest,
        host: Arc<WebHost>,
        breaker: Arc<EvalBreaker>,
    ) -> Result<SimulatedProgram, PythonOutcome> {
        let RunMode::Simulated { seed, cores } = request.run else {
            panic!("a simulated program is asked for in simulated mode");
        };
        let (program, version) = compile(request, &host)?;
        let argv = vec!["main.py".to_string()];
        let config = SimConfig { seed, cores };
        let simulation = gilpy_vm::Simulation::new(&program, version, host, argv, config, breaker);
        Ok(SimulatedProgram { simulation, version, cores })
    }

    /// Runs until the program ends or `pause` says to; the outcome once it has ended.
    pub fn advance(&mut self, pause: impl FnMut() -> bool) -> Option<PythonOutcome> {
        let outcome = self.simulation.advance(pause)?;
        let wall_us = self.simulation.virtual_ns() / 1_000;
        Some(finish(outcome, self.version, wall_us, self.cores))
    }
}

/// Reads `source` without running it: its colours from the VM's tokenizer, and the first
/// syntax error `python` would report. An unknown version is read as 3.13.
pub fn check(check_id: u64, source: String, python: &str) -> FromRunner {
    use gilpy_protocol::{Highlight, SyntaxProblem, TokenClass};
    use gilpy_vm::highlight::{highlights, TokenClass as Class};
    let version = PythonVersion::parse(python).unwrap_or(PythonVersion::V3_13);
    let syntax_error =
        gilpy_vm::compile(&source, "main.py", version).err().map(|error| SyntaxProblem {
            at: SourcePosition { line: error.line, column: error.column },
            kind: error.kind.to_string(),
            message: error.message,
        });
    let highlights = highlights(&source)
        .into_iter()
        .map(|run| Highlight {
            start: run.start as u32,
            end: run.end as u32,
            class: match run.class {
                Class::Keyword => TokenClass::Keyword,
                Class::Constant => TokenClass::Constant,
                Class::Builtin => TokenClass::Builtin,
                Class::Definition => TokenClass::Definition,
                Class::Decorator => TokenClass::Decorator,
                Class::String => TokenClass::String,
                Class::Number => TokenClass::Number,
                Class::Comment => TokenClass::Comment,
            },
        })
        .collect();
    FromRunner::Checked { check_id, source, highlights, syntax_error }
}

/// The program and its version, or the outcome of a program that never starts: an unknown
/// version (exit 2, as `gilpy` gives) or a syntax error (its report written to stderr).
fn compile(
    request: &PythonRequest,
    host: &WebHost,
) -> Result<(gilpy_vm::Program, PythonVersion), PythonOutcome> {
    let never_ran = |exit_code, error_at, syntax_error| PythonOutcome {
        exit_code,
        wall_us: 0,
        stopped: false,
        error_at,
        syntax_error,
        trace: timeline(ProgramTrace::default(), None, 0, host.cores),
    };
    let Some(version) = PythonVersion::parse(&request.python) else {
        host.write_stderr(&format!(
            "gilpy: unknown Python version '{}' (3.9 to 3.13, or 3.13t)\n",
            request.python
        ));
        return Err(never_ran(2, None, false));
    };
    match gilpy_vm::compile(&request.source, "main.py", version) {
        Ok(program) => Ok((program, version)),
        Err(error) => {
            host.write_stderr(&error.report());
            let at = SourcePosition { line: error.line, column: error.column };
            Err(never_ran(1, Some(at), true))
        }
    }
}

/// What the page gets of a program's end: `wall_us` real or virtual, `cores` real or virtual.
fn finish(
    outcome: gilpy_vm::Outcome,
    version: PythonVersion,
    wall_us: u64,
    cores: usize,
) -> PythonOutcome {
    PythonOutcome {
        exit_code: outcome.exit_code,
        wall_us,
        // The runner knows whether Stop came; the breaker's bit is consumed when raised.
        stopped: false,
        error_at: outcome.error_line.map(|line| SourcePosition { line, column: 0 }),
        syntax_error: false,
        trace: timeline(outcome.trace, Some(version), wall_us, cores),
    }
}

/// At most this many spans go to the page; a thread's later spans past its share are dropped
/// (drawing hundreds of thousands of rectangles would stall the page).
const MAX_PAGE_SPANS: usize = 20_000;

/// The program's trace in the shape the page's timelines draw.
fn timeline(
    trace: ProgramTrace,
    version: Option<PythonVersion>,
    wall_us: u64,
    cores: usize,
) -> RunTrace {
    let share = MAX_PAGE_SPANS / trace.threads.len().max(1);
    let has_gil = version.is_none_or(PythonVersion::has_gil);
    RunTrace {
        mode: if has_gil { Mode::SingleLock } else { Mode::Parallel },
        cores,
        switch_interval_us: gilpy_runtime::gil::DEFAULT_SWITCH_INTERVAL_US,
        wall_us,
        tasks: trace
            .threads
            .into_iter()
            .map(|thread| {
                let mut task = thread.task;
                task.spans.truncate(share);
                task
            })
            .collect(),
        gil_switches: 0,
        stopped: false,
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}
