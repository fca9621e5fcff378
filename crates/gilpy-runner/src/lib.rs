//! The runner worker. The page starts it as a module worker (`www/runner.js` loads this wasm);
//! it starts a pool of web workers that share its memory (wasm-bindgen-rayon) and runs each
//! requested Python program on that pool (or, simulated, on its own thread a piece at a time),
//! while its own thread stays free to answer Stop and to post output.
//!
//! Only this crate touches workers and the rayon pool; the engine stays in `gilpy-runtime`.
#![cfg(target_arch = "wasm32")]
// `memory.atomic.notify`, for `DoneSignal`; the runner needs the pinned nightly anyway (build-std).
#![feature(stdarch_wasm_atomic_wait)]
// A program that fills the shared memory must end in a report, not a silent dead worker.
#![feature(alloc_error_hook)]

mod host;
mod names;
pub mod python;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use gilpy_protocol::{
    decode, encode, FromRunner, OutputChunk, PythonOutcome, PythonRequest, Stream, ToRunner,
    PROTOCOL_VERSION,
};
use gilpy_runtime::{Clock, Mode, RunTrace};
use gilpy_vm::EvalBreaker;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

pub use host::{DoneSignal, RayonCores, WebClock};
pub use wasm_bindgen_rayon::init_thread_pool;

/// How often the runner's thread wakes while the warm-up runs, to notice a panic on the pool.
/// On a 2-core machine every wake-up takes time from the pool's workers.
const WARM_UP_POLL_MS: f64 = 250.0;

/// How often a Python program's output reaches the page: soon enough to feel live.
const OUTPUT_EVERY_MS: f64 = 100.0;

/// Pool workers beyond the cores: a Python thread or process holds a worker for its whole life,
/// and threads that wait (sleep, join, a queue) must not keep others from running.
const EXTRA_PYTHON_WORKERS: usize = 8;

/// The run in flight, so that Stop can reach it.
#[derive(Default)]
struct Runner {
    /// The Python program running: its run id and its main thread's eval breaker, which Stop
    /// sets.
    current: Option<(u64, Arc<EvalBreaker>)>,
    stop_requested: Option<u64>,
    cores: usize,
    pool_size: usize,
    /// The warm-up's promise, set at `Ready`. Programs wait for it to settle, so that they time
    /// Python and not the browser's compiler, while the page is usable a warm-up sooner.
    warming_up: Option<js_sys::Promise>,
}

/// Entry point, called once by `runner.js` after the wasm module is instantiated: from here on
/// this crate answers the page's messages.
#[wasm_bindgen]
pub fn start_runner() {
    host::install_panic_hook();
    let runner = Rc::new(RefCell::new(Runner::default()));
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            post(&FromRunner::Crashed {
                message: "the runner got a message that is not text".into(),
            });
            return;
        };
        match decode::<ToRunner>(&text) {
            Ok(message) => handle(&runner, message),
            Err(message) => post(&FromRunner::Crashed { message }),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &FromRunner) {
    // Posting a string to our own parent cannot fail.
    let _ = scope().post_message(&JsValue::from_str(&encode(message)));
}

fn handle(runner: &Rc<RefCell<Runner>>, message: ToRunner) {
    match message {
        // No pool: the page is not cross-origin isolated, and only simulated programs run.
        ToRunner::Init { cores: 0 } => post(&FromRunner::Ready {
            protocol_version: PROTOCOL_VERSION,
            cores: 0,
            real_unavailable: Some("the page asked for no worker threads".into()),
        }),
        ToRunner::Init { cores } => {
            let cores = cores.min(gilpy_protocol::MAX_POOL_CORES);
            let pool_size = cores + EXTRA_PYTHON_WORKERS;
            {
                let mut runner = runner.borrow_mut();
                runner.cores = cores;
                runner.pool_size = pool_size;
            }
            let runner = runner.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(init_thread_pool(pool_size)).await {
                    Ok(_) => {
                        let warming_up = wasm_bindgen_futures::future_to_promise(async move {
                            warm_up(cores, pool_size).await;
                            Ok(JsValue::UNDEFINED)
                        });
                        runner.borrow_mut().warming_up = Some(warming_up);
                        post(&FromRunner::Ready {
                            protocol_version: PROTOCOL_VERSION,
                            cores,
                            real_unavailable: None,
                        })
                    }
                    Err(error) => {
                        // Simulated programs still run, on this thread.
                        runner.borrow_mut().pool_size = 0;
                        post(&FromRunner::Ready {
                            protocol_version: PROTOCOL_VERSION,
                            cores,
                            real_unavailable: Some(format!(
                                "the browser would not start {pool_size} worker threads: {}",
                                js_error_message(&error)
                            )),
                        })
                    }
                }
            })
        }
        ToRunner::RunPython { run_id, request } => {
            let runner = runner.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if names::needed(&request.source) {
                    names::load().await;
                }
                run_python(&runner, run_id, request).await
            });
        }
        ToRunner::Check { check_id, source, python } if names::needed(&source) => {
            // The answer may now come after a later check's: the page keeps the newest.
            wasm_bindgen_futures::spawn_local(async move {
                names::load().await;
                post(&python::check(check_id, source, &python));
            });
        }
        ToRunner::Check { check_id, source, python } => {
            post(&python::check(check_id, source, &python));
        }
        ToRunner::Stop { run_id } => {
            let mut runner = runner.borrow_mut();
            runner.stop_requested = Some(run_id);
            if let Some((current_id, breaker)) = &runner.current {
                if *current_id == run_id {
                    breaker.set(EvalBreaker::ASYNC_EXCEPTION);
                }
            }
        }
    }
}

/// Runs `warm_up.py` on the pool and waits for it, output discarded: see its first comment.
async fn warm_up(cores: usize, pool_size: usize) {
    let host = Arc::new(python::WebHost::new(cores, pool_size));
    let request = PythonRequest {
        source: include_str!("warm_up.py").to_string(),
        python: "3.13".to_string(),
        run: Default::default(),
        real_cores: None,
    };
    if let Ok(program) = python::start_program(request, host, Arc::default()) {
        while !program.done.wait(WARM_UP_POLL_MS).await {
            if host::report_panic() {
                return;
            }
        }
    }
}

/// Runs a Python program on the pool, posting its output as it comes, then `PythonDone`.
async fn run_python(runner: &Rc<RefCell<Runner>>, run_id: u64, request: PythonRequest) {
    let warming_up = runner.borrow().warming_up.clone();
    if let Some(warming_up) = warming_up {
        // It never rejects; a crash in it is reported as any other.
        let _ = wasm_bindgen_futures::JsFuture::from(warming_up).await;
    }
    let (cores, pool_size) = {
        let runner = runner.borrow();
        (runner.cores, runner.pool_size)
    };
    let host = python::WebHost::new(cores, pool_size);
    let host = Arc::new(match request.real_cores.filter(|_| !request.run.is_simulated()) {
        Some(limit) => host.limited_to(limit),
        None => host,
    });
    let breaker = Arc::new(EvalBreaker::default());
    runner.borrow_mut().current = Some((run_id, breaker.clone()));
    if runner.borrow().stop_requested == Some(run_id) {
        breaker.set(EvalBreaker::ASYNC_EXCEPTION);
    }
    if request.run.is_simulated() && pool_size == 0 {
        return run_in_pieces(runner, run_id, request, host, breaker).await;
    }
    let started = match pool_size {
        // The page offers Real only when the pool started; a stale request gets an answer.
        0 => Err("real cores are unavailable here (no worker threads); run it simulated".into()),
        _ => python::start_program(request, host.clone(), breaker),
    };
    let program = match started {
        Ok(program) => program,
        Err(reason) => {
            runner.borrow_mut().current = None;
            // The runner is fine, so the run just ends with the reason, as a failed start would
            // in a terminal; restarting the runner would not help.
            refuse(run_id, &format!("gilpy: could not start the program: {reason}\n"), cores);
            return;
        }
    };
    let started_us = WebClock.now_us();
    for tick in 1u64.. {
        let finished = program.done.wait(OUTPUT_EVERY_MS).await;
        let chunks = host.take_output();
        // Quiet programs still report their elapsed time, less often (each message repaints).
        if !chunks.is_empty() || tick % 3 == 0 {
            let elapsed_us = WebClock.now_us().saturating_sub(started_us);
            post(&FromRunner::Output { run_id, chunks, elapsed_us });
        }
        if finished {
            break;
        }
        if host::report_panic() {
            runner.borrow_mut().current = None;
            return;
        }
    }
    let mut runner = runner.borrow_mut();
    runner.current = None;
    if let Some(mut outcome) = program.take_outcome() {
        outcome.stopped = runner.stop_requested == Some(run_id);
        post(&FromRunner::PythonDone { run_id, outcome });
    }
}

/// Ends run `run_id` before it started: `message` on stderr, exit code 1, nothing traced.
fn refuse(run_id: u64, message: &str, cores: usize) {
    let chunks = vec![OutputChunk { stream: Stream::Stderr, text: message.to_string() }];
    post(&FromRunner::Output { run_id, chunks, elapsed_us: 0 });
    let trace = RunTrace {
        mode: Mode::Sequential,
        cores,
        switch_interval_us: 0,
        wall_us: 0,
        tasks: Vec::new(),
        gil_switches: 0,
        stopped: false,
    };
    let outcome = PythonOutcome {
        exit_code: 1,
        wall_us: 0,
        stopped: false,
        error_at: None,
        syntax_error: false,
        trace,
    };
    post(&FromRunner::PythonDone { run_id, outcome });
}

/// How long a simulated program runs on the runner's own thread before the runner reads its
/// messages (Stop) and posts output: Stop takes at most this long, plus one slice.
const PIECE_US: u64 = 30_000;

/// Runs a simulated program on the runner's own thread, a piece at a time, where there is no
/// pool: between pieces the runner posts the output and answers Stop. (A wait inside a nested
/// eval loop, such as a generator's, runs the other threads without pausing; the page restarts a
/// runner that does not answer Stop.)
async fn run_in_pieces(
    runner: &Rc<RefCell<Runner>>,
    run_id: u64,
    request: PythonRequest,
    host: Arc<python::WebHost>,
    breaker: Arc<EvalBreaker>,
) {
    let started_us = WebClock.now_us();
    let outcome = match python::SimulatedProgram::start(&request, host.clone(), breaker) {
        Ok(mut program) => loop {
            let piece_end = WebClock.now_us() + PIECE_US;
            let ended = program.advance(|| WebClock.now_us() >= piece_end);
            let chunks = host.take_output();
            let elapsed_us = WebClock.now_us().saturating_sub(started_us);
            post(&FromRunner::Output { run_id, chunks, elapsed_us });
            match ended {
                Some(outcome) => break outcome,
                None => host::yield_to_messages().await,
            }
        },
        Err(outcome) => {
            let chunks = host.take_output();
            post(&FromRunner::Output { run_id, chunks, elapsed_us: 0 });
            outcome
        }
    };
    let mut runner = runner.borrow_mut();
    runner.current = None;
    let stopped = runner.stop_requested == Some(run_id);
    post(&FromRunner::PythonDone { run_id, outcome: PythonOutcome { stopped, ..outcome } });
}

/// A thrown JavaScript value's message, without the `JsValue(...)` debug wrapping.
fn js_error_message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.message()))
        .unwrap_or_else(|| format!("{error:?}"))
}
