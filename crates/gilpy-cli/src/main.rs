//! `gilpy run [--python VERSION] [--trace FILE] [--cores N] [--simulate [--seed S]] FILE [ARGS...]`:
//! flags in, one run out. No semantics of its own.

use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use gilpy_vm::builtins::Host;
use gilpy_vm::version::PythonVersion;
use gilpy_vm::{CoreLimit, EvalBreaker};

const USAGE: &str = "usage: gilpy run [--python 3.9|3.10|3.11|3.12|3.13|3.13t] [--trace TRACE.json]
                 [--cores N] [--simulate [--seed S]] FILE [ARGS...]";

/// Standard streams with stdout buffered; stdout is flushed before anything goes to stderr, so
/// the two interleave as they do for CPython on a terminal.
struct NativeHost {
    stdout: Mutex<std::io::BufWriter<std::io::Stdout>>,
    started: Instant,
    /// `--cores N` in real mode: at most N threads run Python at once.
    cores: Option<Arc<CoreLimit>>,
}

impl Host for NativeHost {
    fn write_stdout(&self, text: &str) {
        let mut stdout = self.stdout.lock().unwrap_or_else(|e| e.into_inner());
        let _ = stdout.write_all(text.as_bytes());
    }

    fn flush_stdout(&self) {
        let _ = self.stdout.lock().unwrap_or_else(|e| e.into_inner()).flush();
    }

    fn read_stdin_line(&self) -> Option<String> {
        let mut line = String::new();
        match std::io::stdin().read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line),
        }
    }

    fn write_stderr(&self, text: &str) {
        self.flush_stdout();
        let _ = std::io::stderr().write_all(text.as_bytes());
    }

    fn monotonic_ns(&self) -> u64 {
        self.started.elapsed().as_nanos() as u64
    }

    fn wall_time(&self) -> f64 {
        SystemTime::now().duration_since(UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
    }

    fn sleep(&self, seconds: f64) {
        let _ = self.stdout.lock().unwrap_or_else(|e| e.into_inner()).flush();
        std::thread::sleep(std::time::Duration::from_secs_f64(seconds));
    }

    /// Threads get `PYTHON_THREAD_STACK`; the main thread has at least that (Linux's default
    /// 8 MB `ulimit -s`).
    fn thread_stack_bytes(&self) -> usize {
        PYTHON_THREAD_STACK
    }

    /// The machine's cores, or the fewer that `--cores` leaves the program.
    fn cpu_count(&self) -> Option<usize> {
        let machine = std::thread::available_parallelism().ok().map(usize::from);
        match &self.cores {
            Some(limit) => Some(machine.map_or(limit.cores(), |m| m.min(limit.cores()))),
            None => machine,
        }
    }

    fn core_limit(&self) -> Option<Arc<CoreLimit>> {
        self.cores.clone()
    }

    fn files(&self) -> &dyn gilpy_vm::files::FileSystem {
        &gilpy_vm::files::DiskFiles
    }

    fn process_id(&self) -> u32 {
        std::process::id()
    }

    fn parent_process_id(&self) -> u32 {
        #[cfg(unix)]
        return std::os::unix::process::parent_id();
        #[cfg(not(unix))]
        return 0;
    }

    fn environment(&self) -> Vec<(String, String)> {
        std::env::vars().collect()
    }

    fn spawn_thread(&self, run: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        // The main thread's 8 MB rather than the 2 MB default: built-ins that call back into
        // Python (sorted's key, __repr__) nest Rust frames.
        std::thread::Builder::new()
            .stack_size(PYTHON_THREAD_STACK)
            .spawn(run)
            .map(drop)
            .map_err(|error| error.to_string())
    }
}

const PYTHON_THREAD_STACK: usize = 8 << 20;

fn usage_error(message: &str) -> ExitCode {
    eprintln!("{USAGE}\ngilpy: error: {message}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() != Some("run") {
        return usage_error("the only command is 'run'");
    }
    let mut version = PythonVersion::V3_13;
    let mut file = None;
    let mut trace_file = None;
    let mut simulate = None::<gilpy_vm::simulate::SimConfig>;
    let mut seed = None;
    let mut cores = None;
    let mut program_args = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--python" if file.is_none() => {
                match args.next().as_deref().and_then(PythonVersion::parse) {
                    Some(parsed) => version = parsed,
                    None => {
                        return usage_error("--python takes 3.9, 3.10, 3.11, 3.12, 3.13 or 3.13t")
                    }
                }
            }
            "--trace" if file.is_none() => match args.next() {
                Some(path) => trace_file = Some(path),
                None => return usage_error("--trace takes the file to write the trace to"),
            },
            "--simulate" if file.is_none() => {
                simulate = Some(gilpy_vm::simulate::SimConfig { cores: 4, seed: 0 })
            }
            "--seed" if file.is_none() => match args.next().and_then(|s| s.parse::<u64>().ok()) {
                Some(parsed) => seed = Some(parsed),
                None => return usage_error("--seed takes a whole number"),
            },
            "--cores" if file.is_none() => {
                match args
                    .next()
                    .and_then(|s| s.parse::<usize>().ok())
                    .filter(|n| (1..=1024).contains(n))
                {
                    Some(parsed) => cores = Some(parsed),
                    None => return usage_error("--cores takes a number of cores from 1 to 1024"),
                }
            }
            _ if file.is_none() => file = Some(arg),
            _ => program_args.push(arg),
        }
    }
    let Some(file) = file else { return usage_error("no FILE to run") };
    if let Some(config) = &mut simulate {
        config.seed = seed.unwrap_or(config.seed);
        config.cores = cores.unwrap_or(config.cores);
    } else if seed.is_some() {
        return usage_error("--seed goes with --simulate");
    }
    // Real mode: `--cores` limits the real cores the program's threads and processes share.
    let core_limit = match simulate {
        None => cores.map(|cores| Arc::new(CoreLimit::new(cores))),
        Some(_) => None,
    };
    // CPython 3.9+ names the main script by its absolute path (`__file__`, tracebacks), joining
    // the working directory and the path as given, without normalizing it.
    let path = match std::env::current_dir() {
        Ok(cwd) => cwd.join(&file).to_string_lossy().into_owned(),
        Err(_) => file.clone(),
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("gilpy: can't open file '{path}': {error}");
            return ExitCode::from(2);
        }
    };
    let program = match gilpy_vm::compile(&source, &path, version) {
        Ok(program) => program,
        Err(error) => {
            eprint!("{}", error.report());
            return ExitCode::from(1);
        }
    };
    let host = Arc::new(NativeHost {
        stdout: Mutex::new(std::io::BufWriter::new(std::io::stdout())),
        started: Instant::now(),
        cores: core_limit,
    });
    let mut argv = vec![file];
    argv.extend(program_args);
    // Ctrl-C raises KeyboardInterrupt in the main thread at its next check point, as in
    // CPython; a second one ends the process at once, for a program that catches the first.
    let breaker = Arc::new(EvalBreaker::default());
    {
        let breaker = breaker.clone();
        let pressed = AtomicBool::new(false);
        let _ = ctrlc::set_handler(move || {
            if pressed.swap(true, Ordering::Relaxed) {
                std::process::exit(EXIT_INTERRUPTED);
            }
            breaker.set(EvalBreaker::ASYNC_EXCEPTION);
        });
    }
    // On a thread of our own, so the stack the VM counts on does not depend on `ulimit -s`.
    let outcome = {
        let host = host.clone();
        std::thread::Builder::new()
            .stack_size(PYTHON_THREAD_STACK)
            .spawn(move || match simulate {
                Some(config) => {
                    gilpy_vm::run_simulated(&program, version, host, argv, config, breaker)
                }
                None => gilpy_vm::run_interruptible(&program, version, host, argv, breaker),
            })
            .and_then(|thread| thread.join().map_err(|_| std::io::Error::other("panicked")))
    };
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(error) => {
            eprintln!("gilpy: the interpreter's thread failed: {error}");
            return ExitCode::from(70);
        }
    };
    let _ = host.stdout.lock().unwrap_or_else(|e| e.into_inner()).flush();
    if let Some(path) = trace_file {
        // Chrome's trace-event JSON: open it in https://ui.perfetto.dev or chrome://tracing.
        if let Err(error) = std::fs::write(&path, outcome.trace.to_chrome_json()) {
            eprintln!("gilpy: can't write the trace to '{path}': {error}");
            return ExitCode::from(2);
        }
    }
    if outcome.interrupted {
        return ExitCode::from(EXIT_INTERRUPTED as u8);
    }
    ExitCode::from(outcome.exit_code.clamp(0, 255) as u8)
}

/// What a shell reports for CPython ended by Ctrl-C (128 + SIGINT).
const EXIT_INTERRUPTED: i32 = 130;
