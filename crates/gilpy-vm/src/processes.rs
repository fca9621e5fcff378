//! `_multiprocessing`: processes as separate interpreters. Each child gets its own interpreter
//! (its own GIL, modules and heap) on its own host thread, so processes run on cores at once
//! whatever the version. As under CPython's "spawn" start method, the child first re-runs the
//! main program as `__mp_main__` (code outside the `if __name__ == "__main__":` guard runs
//! again), then calls its target with arguments that were really serialized ([`crate::pickle`]).
//!
//! Queues and locks that cross processes are native objects shared by handle, as CPython shares
//! OS pipes and semaphores. `multiprocessing.py` builds Process, Pool and the rest on these.

use crate::text::Text;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU32, Ordering};
use std::sync::{Arc, Condvar, Mutex};

use gilpy_runtime::gil::EvalBreaker;
use gilpy_runtime::SpanKind;

use crate::builtins::{self, builtin_function as builtin, Interpreter};
use crate::pickle::{self, Pickled};
use crate::threads::{wait_until, Waiting};
use crate::value::{lock, Native, NativeType, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

/// Who this interpreter is, as a process.
pub struct ProcessInfo {
    pub name: Mutex<String>,
    pub pid: u32,
    /// True while a child re-runs the main module; starting a process then is the missing
    /// main guard, which CPython refuses.
    pub bootstrapping: AtomicBool,
    /// A child process: a stop ends it quietly, as SIGTERM does, rather than with
    /// KeyboardInterrupt.
    pub is_child: AtomicBool,
    /// The signal `terminate()` (SIGTERM) or `kill()` (SIGKILL) sent the child; 0 before.
    pub stop_signal: AtomicI64,
    /// A child's parent's `os.getpid()`, for `os.getppid()`; 0 in the main process, which
    /// asks the host.
    pub parent_pid: AtomicU32,
}

/// What CPython's `terminate()` and `kill()` send; a child they end exits with `-signal`.
pub const SIGTERM: i64 = 15;
pub const SIGKILL: i64 = 9;

/// Made-up process ids, distinct within a run (the host has no processes to number).
static NEXT_PID: AtomicU32 = AtomicU32::new(4_000);

impl ProcessInfo {
    /// The exit code a stop gives the child: `-SIGTERM` unless it was killed.
    pub fn stopped_exit_code(&self) -> i64 {
        match self.stop_signal.load(Ordering::SeqCst) {
            0 => -SIGTERM,
            signal => -signal,
        }
    }

    /// The main process, with the pid the host fixes (a simulation's, the same every run) or
    /// the next made-up one.
    pub fn main(fixed_pid: Option<u32>) -> ProcessInfo {
        ProcessInfo {
            name: Mutex::new("MainProcess".into()),
            pid: fixed_pid.unwrap_or_else(|| NEXT_PID.fetch_add(1, Ordering::Relaxed)),
            bootstrapping: AtomicBool::new(false),
            stop_signal: AtomicI64::new(0),
            is_child: AtomicBool::new(false),
            parent_pid: AtomicU32::new(0),
        }
    }
}

/// What `os.getpid()` answers in `interp`: a child's own made-up pid, or the host's.
pub fn visible_pid(interp: &Interpreter) -> u32 {
    match interp.process.is_child.load(Ordering::Relaxed) {
        true => interp.process.pid,
        false => interp.host.process_id(),
    }
}

/// What `os.getppid()` answers in `interp`: the parent's `os.getpid()` for a child, else the
/// host's parent.
pub fn visible_parent_pid(interp: &Interpreter) -> u32 {
    match interp.process.is_child.load(Ordering::Relaxed) {
        true => interp.process.parent_pid.load(Ordering::Relaxed),
        false => interp.host.parent_process_id(),
    }
}

pub fn module() -> Vec<(&'static str, Value)> {
    vec![
        ("start_process", builtin("start_process", start_process)),
        ("Channel", builtin("Channel", new_channel)),
        ("SemLock", builtin("SemLock", new_semlock)),
        ("SharedCell", builtin("SharedCell", new_shared_cell)),
        ("process_name", builtin("process_name", process_name)),
        ("set_process_name", builtin("set_process_name", set_process_name)),
        ("cpu_count", builtin("cpu_count", cpu_count)),
        ("pickled_size", builtin("pickled_size", pickled_size)),
    ]
}

/// CPython's message when a child starts a process while it re-imports the main module.
fn bootstrapping_message(thread: &Thread) -> String {
    let mut message = String::from(
        "\n        An attempt has been made to start a new process before the\n        \
         current process has finished its bootstrapping phase.\n\n        \
         This probably means that you are not using fork to start your\n        \
         child processes and you have forgotten to use the proper idiom\n        \
         in the main module:\n\n            \
         if __name__ == '__main__':\n                \
         freeze_support()\n                \
         ...\n\n        \
         The \"freeze_support()\" line can be omitted if the program\n        \
         is not going to be frozen to produce an executable.",
    );
    if thread.interp.version >= crate::version::PythonVersion::V3_12 {
        message.push_str(
            "\n\n        To fix this issue, refer to the \"Safe importing of main module\"\n        \
             section in https://docs.python.org/3/library/multiprocessing.html\n        ",
        );
    }
    message
}

// ---- processes ----

struct ProcessHandle {
    pid: u32,
    /// The exit code once the child has ended.
    exit: Mutex<Option<i64>>,
    ended: Condvar,
    /// The child's interpreter while it runs, so that `terminate` can stop its threads.
    interp: Mutex<Option<Arc<Interpreter>>>,
}

static PROCESS_TYPE: NativeType = NativeType {
    name: "ProcessHandle",
    module: "_multiprocessing",
    methods: &[
        ("join", process_join),
        ("exitcode", process_exitcode),
        ("pid", process_pid),
        ("terminate", process_terminate),
        ("kill", process_kill),
    ],
};

/// `start_process(target, args, kwargs, name)`: a new interpreter on a new host thread (in
/// simulated mode, a new simulated thread whose jobs are the child's life).
fn start_process(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    if thread.interp.process.bootstrapping.load(Ordering::Relaxed) {
        return Err(thread.exception("RuntimeError", bootstrapping_message(thread)));
    }
    let [target, call_args, call_kwargs, name] = &args[..] else {
        return Err(thread.exception("TypeError", "start_process(target, args, kwargs, name)"));
    };
    // Serialized here, in the parent, as CPython pickles the process object at start().
    let payload = pickle::dumps(
        thread,
        &Value::tuple(vec![target.clone(), call_args.clone(), call_kwargs.clone()]),
    )?;
    let name = thread.str_of(name)?;
    let Some(code) = lock(&thread.interp.main_code).clone() else {
        return Err(thread.exception("RuntimeError", "no main program to start a process from"));
    };
    let child = new_child(&thread.interp, code.clone(), name.clone());
    let handle = Arc::new(ProcessHandle {
        pid: child.process.pid,
        exit: Mutex::new(None),
        ended: Condvar::new(),
        interp: Mutex::new(Some(child.clone())),
    });
    let started = match thread.simulator().cloned() {
        Some(sim) => simulate_child(&sim, child, code, payload, handle.clone(), name),
        None => {
            let child_handle = handle.clone();
            let run = Box::new(move || {
                let exit_code = run_child(child, code, &payload, name);
                child_handle.finish(exit_code);
            });
            thread.interp.host.spawn_thread(run)
        }
    };
    started
        .map_err(|why| thread.exception("OSError", format!("can't start new process: {why}")))?;
    Ok(Value::Native(Arc::new(Native { kind: &PROCESS_TYPE, data: Box::new(ProcessArc(handle)) })))
}

/// The native object's data: shared with the thread that runs the child.
struct ProcessArc(Arc<ProcessHandle>);

impl ProcessHandle {
    /// The child has ended with `exit_code`: `join` returns.
    fn finish(&self, exit_code: i64) {
        *lock(&self.interp) = None;
        *lock(&self.exit) = Some(exit_code);
        self.ended.notify_all();
    }

    /// What `join` waits on, for the simulator.
    fn key(self: &Arc<Self>) -> usize {
        Arc::as_ptr(self) as usize
    }
}

/// The child's interpreter, as spawn makes it: the parent's program, sources and switch
/// interval, still bootstrapping (re-running the main module) when it starts.
fn new_child(
    parent: &Arc<Interpreter>,
    code: Arc<crate::code::Code>,
    name: String,
) -> Arc<Interpreter> {
    let interp = Interpreter::new(
        parent.version,
        parent.host.clone(),
        parent.argv.clone(),
        parent.tracer.clone(),
    );
    if let Some(sim) = parent.sim.get() {
        let _ = interp.sim.set(sim.clone());
    }
    *lock(&interp.main_code) = Some(code);
    *lock(&interp.sources) = lock(&parent.sources).clone();
    *lock(&interp.process.name) = name;
    interp.process.bootstrapping.store(true, Ordering::Relaxed);
    interp.process.is_child.store(true, Ordering::Relaxed);
    interp.process.parent_pid.store(visible_pid(parent), Ordering::Relaxed);
    interp.set_switch_interval_us(parent.switch_interval_us());
    lock(&parent.children).push(Arc::downgrade(&interp));
    interp
}

/// The exit code of a child whose main module raised while it started up. Terminated then:
/// quietly, as a signal ends a CPython child.
fn startup_exit_code(thread: &mut Thread, exception: &Value) -> i64 {
    if builtins::exception_is(thread, exception, "SystemExit") {
        return thread.interp.process.stopped_exit_code();
    }
    let report = builtins::format_traceback(thread, exception);
    thread.interp.host.write_stderr(&report);
    1
}

/// The child's main module has run: it is no longer bootstrapping, and its target is what
/// the parent pickled.
fn target_of(thread: &mut Thread, payload: &Pickled) -> Result<(Value, Args, Kwargs), Value> {
    thread.interp.process.bootstrapping.store(false, Ordering::Relaxed);
    let call = pickle::loads(thread, payload)?;
    let Value::Tuple(parts) = call else { unreachable!("start_process pickles a tuple") };
    let (Value::Tuple(args), Value::Dict(kwargs)) = (&parts[1], &parts[2]) else {
        return Err(thread.exception("TypeError", "process arguments must be a tuple and a dict"));
    };
    let kwargs = lock(&kwargs.entries)
        .iter()
        .filter_map(|(k, v)| match &k.0 {
            Value::Str(name) => Some((name.clone(), v.clone())),
            _ => None,
        })
        .collect();
    Ok((parts[0].clone(), args.to_vec(), kwargs))
}

/// The exit code of a child whose target returned or raised.
fn target_exit_code(thread: &mut Thread, outcome: CallResult, name: &str) -> i64 {
    match outcome {
        Ok(_) => 0,
        Err(exception) if builtins::exception_is(thread, &exception, "SystemExit") => {
            match builtins::get_attribute(thread, &exception, "code") {
                Ok(Value::Int(code)) => code,
                Ok(Value::None) => 0,
                _ => 1,
            }
        }
        Err(exception) => {
            // What CPython's BaseProcess._bootstrap prints (traceback.print_exc()) for an
            // error in the target.
            let report = crate::traceback::format_traceback_as_module(thread, &exception);
            thread.interp.host.write_stderr(&format!("Process {name}:\n{report}"));
            1
        }
    }
}

/// The child's whole life on this host thread; returns its exit code.
fn run_child(
    interp: Arc<Interpreter>,
    code: Arc<crate::code::Code>,
    payload: &Pickled,
    name: String,
) -> i64 {
    let mut thread = Thread::new(interp.clone(), Arc::new(EvalBreaker::default()));
    thread.activity = SpanKind::Starting;
    // Stopped before its thread was registered, where the stop could not reach it.
    if interp.process.stop_signal.load(Ordering::SeqCst) != 0 {
        return interp.process.stopped_exit_code();
    }
    if thread.take_gil().is_err() {
        // Stopped while it waited for its GIL.
        return interp.process.stopped_exit_code();
    }
    // Spawn: the main program runs again under another name, so its guarded part does not.
    let globals = interp.new_main_module("__mp_main__", &code.filename);
    let exit_code = match thread.run_module(code, globals) {
        Err(exception) => startup_exit_code(&mut thread, &exception),
        Ok(_) => {
            let outcome = target_of(&mut thread, payload).and_then(|(target, args, kwargs)| {
                thread.activity = SpanKind::Running;
                thread.enter_span(SpanKind::Running);
                thread.call(&target, args, kwargs)
            });
            target_exit_code(&mut thread, outcome, &name)
        }
    };
    crate::threads::shutdown(&mut thread, false);
    match interp.deadlocks.found() {
        Some(waits) => {
            interp.host.write_stderr(&crate::deadlock::report(&waits));
            1
        }
        None => exit_code,
    }
}

/// Simulated mode: the child's main thread is a simulated thread whose jobs are the steps of
/// [`run_child`]: the main module, the target, then finalization (joining its threads).
fn simulate_child(
    sim: &Arc<crate::simulate::Simulator>,
    interp: Arc<Interpreter>,
    code: Arc<crate::code::Code>,
    payload: Pickled,
    handle: Arc<ProcessHandle>,
    name: String,
) -> Result<(), String> {
    use crate::simulate::Job;
    enum Step {
        MainModule,
        Target,
        /// Its exit code, and how many finalization steps have begun.
        Finalizing(i64, usize),
    }
    let mut thread = Thread::new(interp.clone(), Arc::new(EvalBreaker::default()));
    thread.activity = SpanKind::Starting;
    let globals = interp.new_main_module("__mp_main__", &code.filename);
    let first = Job::Module(code, globals);
    let mut step = Step::MainModule;
    let notifier = sim.clone();
    let then = Box::new(move |thread: &mut Thread, result: CallResult| {
        let exit_code = match (&step, result) {
            (Step::MainModule, Err(exception)) => startup_exit_code(thread, &exception),
            (Step::MainModule, Ok(_)) => match target_of(thread, &payload) {
                Ok((target, args, kwargs)) => {
                    thread.activity = SpanKind::Running;
                    thread.enter_span(SpanKind::Running);
                    step = Step::Target;
                    return Some(Job::Call(target, args, kwargs));
                }
                Err(exception) => target_exit_code(thread, Err(exception), &name),
            },
            (Step::Target, result) => target_exit_code(thread, result, &name),
            (Step::Finalizing(exit_code, _), _) => *exit_code,
        };
        // CPython's finalization: the child's threads are joined, then its own children.
        let mut started = match step {
            Step::Finalizing(_, started) => started,
            _ => 0,
        };
        if let Some(finalizer) = crate::simulate::next_finalizer(thread, &mut started) {
            step = Step::Finalizing(exit_code, started);
            return Some(finalizer);
        }
        thread.interp.stop_all_threads();
        handle.finish(exit_code);
        notifier.notify(handle.key());
        None
    });
    sim.start_thread_then(thread, first, Some(then), crate::simulate::PROCESS_START_NS)
}

fn the_process<'a>(thread: &Thread, args: &'a Args) -> Result<&'a Arc<ProcessHandle>, Value> {
    args.first()
        .and_then(Value::downcast::<ProcessArc>)
        .map(|handle| &handle.0)
        .ok_or_else(|| thread.exception("TypeError", "expected a process handle"))
}

/// `join(timeout=None)`: waits without the GIL for the child to end.
fn process_join(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let handle = the_process(thread, &args)?.clone();
    let timeout = match args.get(1) {
        None | Some(Value::None) => None,
        Some(value) => crate::ops::as_float(value).map(|t| t.max(0.0)),
    };
    wait_until(
        thread,
        timeout,
        Waiting::across_processes(handle.key(), "a process to end"),
        |_, slice| {
            let exit = lock(&handle.exit);
            if exit.is_some() {
                return true;
            }
            let exit =
                handle.ended.wait_timeout(exit, slice).map_or_else(|e| e.into_inner().0, |r| r.0);
            exit.is_some()
        },
    )?;
    Ok(Value::None)
}

fn process_exitcode(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(lock(&the_process(thread, &args)?.exit).map_or(Value::None, Value::Int))
}

fn process_pid(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Int(the_process(thread, &args)?.pid as i64))
}

/// `terminate()`: stops every thread of the child at its next check point.
fn process_terminate(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    stop_process(thread, &args, SIGTERM)
}

/// `kill()`: as `terminate()`, with SIGKILL's exit code.
fn process_kill(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    stop_process(thread, &args, SIGKILL)
}

fn stop_process(thread: &mut Thread, args: &Args, signal: i64) -> CallResult {
    if let Some(interp) = lock(&the_process(thread, args)?.interp).clone() {
        // Set before the stop, so that a child not yet running sees it when it registers.
        let _ = interp.process.stop_signal.compare_exchange(
            0,
            signal,
            Ordering::SeqCst,
            Ordering::SeqCst,
        );
        interp.stop_all_threads();
    }
    Ok(Value::None)
}

fn process_name(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::str(&lock(&thread.interp.process.name)))
}

fn set_process_name(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let name = thread.str_of(args.first().unwrap_or(&Value::None))?;
    *lock(&thread.interp.process.name) = name;
    Ok(Value::None)
}

fn cpu_count(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(thread.interp.host.cpu_count().map_or(Value::None, |n| Value::Int(n as i64)))
}

/// How many bytes `obj` serializes to: what sending it to another process costs.
fn pickled_size(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let pickled = pickle::dumps(thread, args.first().unwrap_or(&Value::None))?;
    Ok(Value::Int(pickled.len() as i64))
}

// ---- channels: the pipe under multiprocessing.Queue and Pipe ----

struct Channel {
    items: Mutex<VecDeque<Pickled>>,
    added: Condvar,
}

static CHANNEL_TYPE: NativeType = NativeType {
    name: "Channel",
    module: "_multiprocessing",
    methods: &[("put", channel_put), ("get", channel_get), ("qsize", channel_qsize)],
};

fn new_channel(_: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Native::new(&CHANNEL_TYPE, Channel { items: Mutex::default(), added: Condvar::new() }))
}

fn the_channel<'a>(thread: &Thread, args: &'a Args) -> Result<&'a Channel, Value> {
    args.first()
        .and_then(Value::downcast::<Channel>)
        .ok_or_else(|| thread.exception("TypeError", "expected a channel"))
}

/// `put(obj)`: serialized by the sender, as CPython's queue feeder thread pickles it.
fn channel_put(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let pickled = pickle::dumps(thread, args.get(1).unwrap_or(&Value::None))?;
    let channel = the_channel(thread, &args)?;
    lock(&channel.items).push_back(pickled);
    channel.added.notify_one();
    crate::threads::notify(thread, channel as *const Channel as usize);
    Ok(Value::None)
}

/// `get(timeout=None)`: the next object, rebuilt in the receiver; `(False, None)` on timeout,
/// else `(True, obj)`.
fn channel_get(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let timeout = match args.get(1) {
        None | Some(Value::None) => None,
        Some(value) => crate::ops::as_float(value).map(|t| t.max(0.0)),
    };
    let channel = the_channel(thread, &args)?;
    let mut taken = None;
    let key = channel as *const Channel as usize;
    wait_until(thread, timeout, Waiting::across_processes(key, "a queue item"), |_, slice| {
        let mut items = lock(&channel.items);
        if items.is_empty() && !slice.is_zero() {
            items =
                channel.added.wait_timeout(items, slice).map_or_else(|e| e.into_inner().0, |r| r.0);
        }
        taken = items.pop_front();
        taken.is_some()
    })?;
    match taken {
        Some(pickled) => {
            Ok(Value::tuple(vec![Value::Bool(true), pickle::loads(thread, &pickled)?]))
        }
        None => Ok(Value::tuple(vec![Value::Bool(false), Value::None])),
    }
}

fn channel_qsize(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Int(lock(&the_channel(thread, &args)?.items).len() as i64))
}

// ---- process-shared locks and values ----

/// A lock that crosses processes (CPython: a POSIX semaphore): `multiprocessing.Lock`. The
/// same lock as `_thread`'s, under a type that may be sent to another process.
static SEMLOCK_TYPE: NativeType = NativeType {
    name: "SemLock",
    module: "_multiprocessing",
    methods: crate::threads::LOCK_METHODS,
};

fn new_semlock(_: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Native::new(&SEMLOCK_TYPE, crate::threads::Lock::across_processes()))
}

/// One C value in shared memory (`multiprocessing.Value`): a number, or one byte or
/// character (immutable, so the interpreters may share it); reads and writes are each
/// atomic, `+=` is not, as in CPython.
struct SharedCell(Mutex<Value>);

static SHARED_CELL_TYPE: NativeType = NativeType {
    name: "SharedCell",
    module: "_multiprocessing",
    methods: &[("get", shared_get), ("set", shared_set)],
};

fn new_shared_cell(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let initial = args.first().cloned().unwrap_or(Value::Int(0));
    if !is_c_value(&initial) {
        return Err(
            thread.exception("TypeError", "a shared value holds a number, a byte or a character")
        );
    }
    Ok(Native::new(&SHARED_CELL_TYPE, SharedCell(Mutex::new(initial))))
}

fn is_c_value(value: &Value) -> bool {
    matches!(
        value,
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::Str(_) | Value::Bytes(_)
    )
}

fn the_cell<'a>(thread: &Thread, args: &'a Args) -> Result<&'a SharedCell, Value> {
    args.first()
        .and_then(Value::downcast::<SharedCell>)
        .ok_or_else(|| thread.exception("TypeError", "expected a SharedCell"))
}

fn shared_get(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(lock(&the_cell(thread, &args)?.0).clone())
}

fn shared_set(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let value = args.get(1).cloned().unwrap_or(Value::None);
    if !is_c_value(&value) {
        return Err(
            thread.exception("TypeError", "a shared value holds a number, a byte or a character")
        );
    }
    *lock(&the_cell(thread, &args)?.0) = value;
    Ok(Value::None)
}
