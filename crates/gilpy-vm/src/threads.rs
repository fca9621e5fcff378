//! `_thread`: the native building blocks that `threading.py` stands on, as in CPython's
//! `Modules/_threadmodule.c`: starting a thread, the lock type, thread identity. Everything
//! else (Thread, RLock, Condition, Event, Semaphore, queues) is Python, in `stdlib/`.
//!
//! Every wait here gives the GIL up while it waits (CPython: `Py_BEGIN_ALLOW_THREADS`) and
//! wakes at least every [`STOP_POLL`] to notice a stop, so Stop and Ctrl-C end any program.

use crate::text::Text;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::atomic::{AtomicU64, AtomicUsize};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use gilpy_runtime::gil::EvalBreaker;

use crate::builtins::{self, builtin_function as builtin};
use crate::deadlock;
use crate::ops::{as_float, type_name};
use crate::value::{lock, Native, NativeType, Value};
use crate::vm::{CallResult, Thread, MAIN_THREAD};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

/// How often a blocked thread looks for a stop request.
const STOP_POLL: Duration = Duration::from_millis(20);

/// `_thread.TIMEOUT_MAX`, in seconds, as CPython reports it on 64-bit Linux.
const TIMEOUT_MAX: f64 = 9223372036.0;

pub fn module() -> Vec<(&'static str, Value)> {
    vec![
        ("start_new_thread", builtin("start_new_thread", start_new_thread)),
        ("allocate_lock", builtin("allocate_lock", allocate_lock)),
        ("RLock", builtin("RLock", new_rlock)),
        ("get_ident", builtin("get_ident", get_ident)),
        ("_count", builtin("_count", count)),
        ("_print_exception", builtin("_print_exception", print_exception)),
        ("TIMEOUT_MAX", Value::Float(TIMEOUT_MAX)),
    ]
}

/// The name of the `threading.Thread` whose bootstrap method `function` is, for the trace.
fn threading_name(thread: &mut Thread, function: &Value) -> Option<String> {
    let Value::Method(method) = function else { return None };
    match builtins::get_attribute(thread, &method.receiver, "_name") {
        Ok(Value::Str(name)) => Some(name.to_string()),
        _ => None,
    }
}

/// `_thread.start_new_thread(function, args, kwargs={})`: runs the call on a new thread of this
/// interpreter and returns its identity at once.
fn start_new_thread(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    if !(2..=3).contains(&args.len()) {
        return Err(thread.exception(
            "TypeError",
            format!("start_new_thread expected 2 or 3 arguments, got {}", args.len()),
        ));
    }
    let function = args[0].clone();
    let Value::Tuple(call_args) = &args[1] else {
        return Err(thread.exception("TypeError", "2nd arg must be a tuple"));
    };
    let call_args = call_args.to_vec();
    let call_kwargs = match args.get(2) {
        None => vec![],
        Some(Value::Dict(dict)) => lock(&dict.entries)
            .iter()
            .filter_map(|(key, value)| match &key.0 {
                Value::Str(name) => Some((name.clone(), value.clone())),
                _ => None,
            })
            .collect(),
        Some(_) => {
            return Err(thread.exception("TypeError", "optional 3rd arg must be a dictionary"))
        }
    };
    // Registered now, so that a stop reaches the thread even before it first runs.
    let mut child = Thread::new(thread.interp.clone(), Arc::new(EvalBreaker::default()));
    child.trace_name = threading_name(thread, &function);
    let ident = child.id.0;
    if let Some(sim) = thread.simulator().cloned() {
        let job = crate::simulate::Job::Call(function, call_args, call_kwargs);
        sim.start_thread(child, job).map_err(|why| {
            thread.exception("RuntimeError", format!("can't start new thread: {why}"))
        })?;
        return Ok(Value::Int(ident as i64));
    }
    let run = Box::new(move || {
        if child.take_gil().is_err() {
            return;
        }
        if let Err(exception) = child.call(&function, call_args, call_kwargs) {
            report_ignored(&mut child, &function, &exception);
        }
        // Dropping the thread releases the GIL for good and leaves the thread table.
        drop(child);
    });
    thread.interp.host.spawn_thread(run).map_err(|why| {
        thread.exception("RuntimeError", format!("can't start new thread: {why}"))
    })?;
    Ok(Value::Int(ident as i64))
}

/// What CPython prints when a thread started by `_thread` ends with an exception (other than
/// SystemExit, which ends a thread quietly).
pub(crate) fn report_ignored(thread: &mut Thread, function: &Value, exception: &Value) {
    if !builtins::exception_is(thread, exception, "SystemExit") {
        let name = thread.repr_of(function).unwrap_or_default();
        let message = Some("Exception ignored in thread started by");
        let report = crate::traceback::format_unraisable(thread, message, &name, exception);
        thread.interp.host.write_stderr(&report);
    }
}

fn get_ident(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(Value::Int(thread.id.0 as i64))
}

/// Threads started by `_thread` that are still alive (the main thread does not count).
fn count(thread: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    let live = lock(&thread.interp.threads).live.len();
    Ok(Value::Int(live.saturating_sub(1) as i64))
}

/// `_thread._print_exception(header, exception)`: what `threading.excepthook` prints, with the
/// traceback formatted as for an uncaught exception in the main thread.
fn print_exception(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let (Some(Value::Str(header)), Some(exception)) = (args.first(), args.get(1)) else {
        return Err(thread.exception("TypeError", "_print_exception(header, exception)"));
    };
    let report = builtins::format_traceback(thread, exception);
    thread.interp.host.write_stderr(&format!("{header}\n{report}"));
    Ok(Value::None)
}

// ---- the lock type ----

/// `_thread.lock`: a plain, non-reentrant lock that any thread may release.
#[derive(Default)]
pub struct Lock {
    locked: Mutex<bool>,
    released: Condvar,
    /// Threads waiting on `released`, counted while `locked` is held: a release with none
    /// skips the notify, which is a system call (`with lock:` in a loop was a fifth kernel).
    waiters: AtomicUsize,
    /// A `multiprocessing.Lock`, which another process may release.
    crosses_processes: bool,
}

impl Lock {
    pub fn across_processes() -> Lock {
        Lock { crosses_processes: true, ..Lock::default() }
    }

    /// A lock taken by its maker.
    pub(crate) fn held() -> Lock {
        Lock { locked: Mutex::new(true), ..Lock::default() }
    }
}

/// Waits (without the GIL, as any lock wait) until `lock_value` is released, and leaves it
/// released.
pub(crate) fn wait_for_release(thread: &mut Thread, lock_value: &Lock) -> Result<(), Value> {
    acquire(thread, lock_value, true, None)?;
    release_held(thread, lock_value);
    Ok(())
}

/// Releases `lock_value`, which the caller holds.
pub(crate) fn release_held(thread: &Thread, lock_value: &Lock) {
    release(thread, lock_value).expect("the caller holds the lock");
}

pub const LOCK_METHODS: &[(&str, crate::value::BuiltinFn)] = &[
    ("acquire", lock_acquire),
    ("acquire_lock", lock_acquire),
    ("release", lock_release),
    ("release_lock", lock_release),
    ("locked", lock_locked),
    ("locked_lock", lock_locked),
    ("__enter__", lock_acquire),
    ("__exit__", lock_exit),
    ("__repr__", lock_repr),
];

static LOCK_TYPE: NativeType =
    NativeType { name: "lock", module: "_thread", methods: LOCK_METHODS };

fn allocate_lock(_: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(new_lock_value())
}

pub fn new_lock_value() -> Value {
    Native::new(&LOCK_TYPE, Lock::default())
}

fn the_lock<'a>(thread: &Thread, args: &'a Args) -> Result<&'a Lock, Value> {
    args.first()
        .and_then(Value::downcast::<Lock>)
        .ok_or_else(|| thread.exception("TypeError", "descriptor requires a '_thread.lock' object"))
}

/// `lock.acquire(blocking=True, timeout=-1)`.
fn lock_acquire(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let lock_value = the_lock(thread, &args)?;
    let (blocking, timeout) = acquire_args(thread, &args, kwargs)?;
    acquire(thread, lock_value, blocking, timeout).map(Value::Bool)
}

/// `acquire`'s `blocking` and `timeout`, by position after the lock or by keyword.
fn acquire_args(
    thread: &mut Thread,
    args: &Args,
    kwargs: Kwargs,
) -> Result<(bool, Option<f64>), Value> {
    if args.len() > 3 {
        let message = format!("acquire() takes at most 2 arguments ({} given)", args.len() - 1);
        return Err(thread.exception("TypeError", message));
    }
    let mut blocking = args.get(1).cloned().unwrap_or(Value::Bool(true));
    let mut timeout = args.get(2).cloned().unwrap_or(Value::Int(-1));
    for (name, value) in kwargs {
        match &*name {
            "blocking" => blocking = value,
            "timeout" => timeout = value,
            // Worded by Argument Clinic from 3.13.
            other if thread.interp.version >= crate::version::PythonVersion::V3_13 => {
                return Err(thread.exception(
                    "TypeError",
                    format!("acquire() got an unexpected keyword argument '{other}'"),
                ))
            }
            other => {
                return Err(thread.exception(
                    "TypeError",
                    format!("'{other}' is an invalid keyword argument for acquire()"),
                ))
            }
        }
    }
    let blocking = thread.truth(&blocking)?;
    let timeout = timeout_arg(thread, &timeout, blocking)?;
    Ok((blocking, timeout))
}

/// Takes `lock_value`, waiting (without the GIL) as `blocking` and `timeout` allow; whether
/// it was taken.
fn acquire(
    thread: &mut Thread,
    lock_value: &Lock,
    blocking: bool,
    timeout: Option<f64>,
) -> Result<bool, Value> {
    if try_acquire(lock_value) {
        return Ok(true);
    }
    if !blocking {
        return Ok(false);
    }
    let key = lock_value as *const Lock as usize;
    let on = match lock_value.crosses_processes {
        false => Waiting::in_process(key, "a lock"),
        true => Waiting::across_processes(key, "a lock"),
    };
    wait_until(thread, timeout, on, |thread, slice| {
        let mut locked = lock(&lock_value.locked);
        if !*locked {
            *locked = true;
            return true;
        }
        if !thread.stop_requested() {
            lock_value.waiters.fetch_add(1, Relaxed);
            locked = lock_value
                .released
                .wait_timeout(locked, slice)
                .map_or_else(|e| e.into_inner().0, |r| r.0);
            lock_value.waiters.fetch_sub(1, Relaxed);
            if !*locked {
                *locked = true;
                return true;
            }
        }
        false
    })
}

/// The timeout of a blocking call: `None` waits forever (`-1`), as CPython checks it.
fn timeout_arg(thread: &Thread, timeout: &Value, blocking: bool) -> Result<Option<f64>, Value> {
    let seconds = as_float(timeout).ok_or_else(|| {
        thread.exception(
            "TypeError",
            format!("'{}' object cannot be interpreted as an integer", type_name(timeout)),
        )
    })?;
    if seconds == -1.0 {
        return Ok(None);
    }
    if !blocking {
        return Err(
            thread.exception("ValueError", "can't specify a timeout for a non-blocking call")
        );
    }
    if seconds < 0.0 {
        let message = match thread.interp.version >= crate::version::PythonVersion::V3_13 {
            true => "timeout value must be a non-negative number",
            false => "timeout value must be positive",
        };
        return Err(thread.exception("ValueError", message));
    }
    if seconds > TIMEOUT_MAX {
        return Err(thread.exception("OverflowError", "timeout value is too large"));
    }
    Ok(Some(seconds))
}

fn try_acquire(lock_value: &Lock) -> bool {
    let mut locked = lock(&lock_value.locked);
    !std::mem::replace(&mut *locked, true)
}

/// What a blocking call waits on.
#[derive(Clone, Copy)]
pub struct Waiting {
    /// An address the releasing side passes to [`notify`], for the simulator.
    pub key: usize,
    /// What a deadlock report calls it ("a lock").
    pub what: &'static str,
    /// Whether only this process's own threads can end the wait (a lock). A child process or a
    /// multiprocessing queue can end one from outside, so waiting on those is never a deadlock
    /// of this process.
    pub in_process: bool,
    /// Whether a thread waiting for the GIL takes it before the wait starts, as during
    /// CPython's sleep system call (see `Gil::drop_gil_handing_off`).
    pub hands_gil_over: bool,
}

impl Waiting {
    pub fn in_process(key: usize, what: &'static str) -> Waiting {
        Waiting { key, what, in_process: true, hands_gil_over: false }
    }

    pub fn across_processes(key: usize, what: &'static str) -> Waiting {
        Waiting { key, what, in_process: false, hands_gil_over: false }
    }
}

/// Waits without the GIL until `attempt` succeeds, the timeout passes, or the run is stopped.
/// `attempt` gets the longest it may block this round. A stop raises the thread's stop
/// exception (KeyboardInterrupt in the main thread), as Ctrl-C interrupts CPython's waits.
/// A wait with no timeout on something in this process takes part in deadlock detection
/// ([`crate::deadlock`]).
pub fn wait_until(
    thread: &mut Thread,
    timeout: Option<f64>,
    on: Waiting,
    mut attempt: impl FnMut(&Thread, Duration) -> bool,
) -> Result<bool, Value> {
    if thread.simulator().is_some() {
        return simulated_wait(thread, timeout, on, |thread| attempt(thread, Duration::ZERO));
    }
    let host = thread.interp.host.clone();
    let deadline = timeout.map(|seconds| host.monotonic_ns() + (seconds * 1e9) as u64);
    let watched = timeout.is_none() && on.in_process;
    if watched {
        thread.interp.deadlocks.begin_wait(thread.id.0, thread.waiting_for(on.what));
    }
    let mut sighting = deadlock::Sighting::default();
    let done = thread.allow_threads_as(on.hands_gil_over, |thread| loop {
        let slice = match deadline {
            Some(deadline) => {
                let now = host.monotonic_ns();
                if now >= deadline {
                    return attempt(thread, Duration::ZERO);
                }
                STOP_POLL.min(Duration::from_nanos(deadline - now))
            }
            None => STOP_POLL,
        };
        if attempt(thread, slice) {
            return true;
        }
        if thread.stop_requested() {
            return false;
        }
        if watched {
            let live = lock(&thread.interp.threads).live.len();
            if thread.interp.deadlocks.check(live, &mut sighting, host.monotonic_ns()) {
                thread.interp.stop_all_threads();
            }
        }
    });
    if watched {
        thread.interp.deadlocks.end_wait(thread.id.0);
    }
    let done = done?;
    if !done {
        thread.check_stop()?;
    }
    Ok(done)
}

/// Simulated mode's wait: one attempt; if it fails, the thread is switched out until `on` is
/// notified or the deadline passes, and the call that waited is made again then. A wait inside
/// a nested eval loop cannot switch threads: a sleep passes its time there, anything else that
/// would wait fails with a message rather than hang.
fn simulated_wait(
    thread: &mut Thread,
    timeout: Option<f64>,
    Waiting { key, what, .. }: Waiting,
    mut attempt: impl FnMut(&Thread) -> bool,
) -> Result<bool, Value> {
    let sim = thread.simulator().expect("simulated").clone();
    if let Err(stop) = thread.check_stop() {
        thread.sim_deadline = None;
        return Err(stop);
    }
    let now = sim.now();
    let deadline =
        *thread.sim_deadline.get_or_insert(timeout.map(|seconds| now + (seconds * 1e9) as u64));
    if attempt(thread) {
        thread.sim_deadline = None;
        return Ok(true);
    }
    if deadline.is_some_and(|deadline| now >= deadline) {
        thread.sim_deadline = None;
        return Ok(false);
    }
    if thread.can_suspend() {
        return Err(thread.sim_block(key, deadline, what));
    }
    // In a nested loop: the other threads run from here until this one can go on.
    thread.sim_deadline = None;
    loop {
        if let Err(waits) = thread.sim_wait_nested(key, deadline, what) {
            return Err(thread.exception(
                "RuntimeError",
                format!(
                    "deadlock: every thread waits for something no other thread will do: {}",
                    waits.join("; ")
                ),
            ));
        }
        thread.check_stop()?;
        if attempt(thread) {
            return Ok(true);
        }
        if deadline.is_some_and(|deadline| sim.now() >= deadline) {
            return Ok(false);
        }
    }
}

/// The least a simulated `time.sleep` lasts: about what CPython's `sleep(0)` takes.
const SLEEP_CALL_NS: u64 = 50_000;

/// What a sleep waits on: nothing anyone releases. It hands the GIL over first.
const SLEEP: Waiting = Waiting { key: 0, what: "a sleep", in_process: true, hands_gil_over: true };

/// Tells the simulator that what `key` names changed, so that its waiters try again.
pub fn notify(thread: &Thread, key: usize) {
    match thread.simulator() {
        Some(sim) => sim.notify(key),
        None => thread.interp.deadlocks.progress(),
    }
}

fn lock_release(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    no_arguments(thread, "lock", &args)?;
    release(thread, the_lock(thread, &args)?)?;
    Ok(Value::None)
}

/// `release()` takes only its lock, in CPython's words.
fn no_arguments(thread: &Thread, type_name: &str, args: &Args) -> Result<(), Value> {
    if args.len() > 1 {
        let message =
            format!("{type_name}.release() takes no arguments ({} given)", args.len() - 1);
        return Err(thread.exception("TypeError", message));
    }
    Ok(())
}

fn release(thread: &Thread, lock_value: &Lock) -> Result<(), Value> {
    let mut locked = lock(&lock_value.locked);
    if !*locked {
        return Err(thread.exception("RuntimeError", "release unlocked lock"));
    }
    *locked = false;
    if lock_value.waiters.load(Relaxed) > 0 {
        lock_value.released.notify_one();
    }
    drop(locked);
    notify(thread, lock_value as *const Lock as usize);
    Ok(())
}

fn lock_exit(thread: &mut Thread, mut args: Args, _: Kwargs) -> CallResult {
    args.truncate(1);
    lock_release(thread, args, vec![])
}

/// `<unlocked _thread.lock object at 0x...>`, as CPython shows a lock.
fn lock_repr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let state = if *lock(&the_lock(thread, &args)?.locked) { "locked" } else { "unlocked" };
    let plain = crate::format::plain_repr(&args[0]);
    Ok(Value::str(&format!("<{state} {}", &plain[1..])))
}

fn lock_locked(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Bool(*lock(&the_lock(thread, &args)?.locked)))
}

// ---- the reentrant lock type ----

/// `_thread.RLock`: a lock its owner may take again, free once released as often as taken. In
/// Rust, as CPython's is in C: `threading.Condition()` and logging's handlers take one on every
/// use, and as Python it cost four calls a `with`.
#[derive(Default)]
pub struct RLock {
    block: Lock,
    /// The owner's thread identity plus one (0: no owner); written only by the owner.
    owner: AtomicU64,
    /// How many times the owner holds it; read and written only by the owner.
    count: AtomicUsize,
}

impl RLock {
    fn owned_by(&self, thread: &Thread) -> bool {
        self.owner.load(Relaxed) == owner_mark(thread)
    }
}

fn owner_mark(thread: &Thread) -> u64 {
    thread.id.0 as u64 + 1
}

static RLOCK_TYPE: NativeType = NativeType {
    name: "RLock",
    module: "_thread",
    methods: &[
        ("acquire", rlock_acquire),
        ("__enter__", rlock_acquire),
        ("release", rlock_release),
        ("__exit__", rlock_exit),
        ("_is_owned", rlock_is_owned),
        ("_release_save", rlock_release_save),
        ("_acquire_restore", rlock_acquire_restore),
        ("_recursion_count", rlock_recursion_count),
        ("__repr__", rlock_repr),
    ],
};

fn new_rlock(_: &mut Thread, _: Args, _: Kwargs) -> CallResult {
    Ok(new_rlock_value())
}

pub fn new_rlock_value() -> Value {
    Native::new(&RLOCK_TYPE, RLock::default())
}

fn the_rlock<'a>(thread: &Thread, args: &'a Args) -> Result<&'a RLock, Value> {
    args.first().and_then(Value::downcast::<RLock>).ok_or_else(|| {
        thread.exception("TypeError", "descriptor requires a '_thread.RLock' object")
    })
}

fn rlock_acquire(thread: &mut Thread, args: Args, kwargs: Kwargs) -> CallResult {
    let rlock = the_rlock(thread, &args)?;
    let (blocking, timeout) = acquire_args(thread, &args, kwargs)?;
    if rlock.owned_by(thread) {
        rlock.count.fetch_add(1, Relaxed);
        return Ok(Value::Bool(true));
    }
    let acquired = acquire(thread, &rlock.block, blocking, timeout)?;
    if acquired {
        rlock.owner.store(owner_mark(thread), Relaxed);
        rlock.count.store(1, Relaxed);
    }
    Ok(Value::Bool(acquired))
}

fn rlock_release(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    no_arguments(thread, "RLock", &args)?;
    let rlock = the_rlock(thread, &args)?;
    if !rlock.owned_by(thread) {
        return Err(thread.exception("RuntimeError", "cannot release un-acquired lock"));
    }
    if rlock.count.fetch_sub(1, Relaxed) == 1 {
        rlock.owner.store(0, Relaxed);
        release(thread, &rlock.block)?;
    }
    Ok(Value::None)
}

fn rlock_exit(thread: &mut Thread, mut args: Args, _: Kwargs) -> CallResult {
    args.truncate(1);
    rlock_release(thread, args, vec![])
}

fn rlock_is_owned(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    Ok(Value::Bool(the_rlock(thread, &args)?.owned_by(thread)))
}

fn rlock_recursion_count(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let rlock = the_rlock(thread, &args)?;
    if thread.interp.version < crate::version::PythonVersion::V3_11 {
        let message = "'_thread.RLock' object has no attribute '_recursion_count'";
        return Err(thread.exception("AttributeError", message));
    }
    let count = if rlock.owned_by(thread) { rlock.count.load(Relaxed) } else { 0 };
    Ok(Value::Int(count as i64))
}

/// For `Condition.wait`: lets go of the lock however many times it is held, and returns what
/// `_acquire_restore` takes back (the count and the owner).
fn rlock_release_save(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let rlock = the_rlock(thread, &args)?;
    let count = rlock.count.load(Relaxed);
    if count == 0 || !rlock.owned_by(thread) {
        return Err(thread.exception("RuntimeError", "cannot release un-acquired lock"));
    }
    let owner = rlock.owner.swap(0, Relaxed) - 1;
    rlock.count.store(0, Relaxed);
    release(thread, &rlock.block)?;
    Ok(Value::tuple(vec![Value::Int(count as i64), Value::Int(owner as i64)]))
}

fn rlock_acquire_restore(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let rlock = the_rlock(thread, &args)?;
    let state = match args.get(1) {
        Some(Value::Tuple(state)) if state.len() == 2 => state.clone(),
        _ => {
            return Err(
                thread.exception("TypeError", "_acquire_restore() takes a (count, owner) tuple")
            )
        }
    };
    let (Value::Int(count), Value::Int(owner)) = (&state[0], &state[1]) else {
        return Err(
            thread.exception("TypeError", "_acquire_restore() takes a (count, owner) tuple")
        );
    };
    acquire(thread, &rlock.block, true, None)?;
    rlock.owner.store(*owner as u64 + 1, Relaxed);
    rlock.count.store(*count as usize, Relaxed);
    Ok(Value::None)
}

/// `<unlocked _thread.RLock object owner=0 count=0 at 0x...>`, as CPython shows one.
fn rlock_repr(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let rlock = the_rlock(thread, &args)?;
    let state = if *lock(&rlock.block.locked) { "locked" } else { "unlocked" };
    let owner = rlock.owner.load(Relaxed).saturating_sub(1);
    let count = rlock.count.load(Relaxed);
    let plain = crate::format::plain_repr(&args[0]);
    let (kind, address) = plain[1..].split_once(" at ").unwrap_or((&plain[1..], ""));
    Ok(Value::str(&format!("<{state} {kind} owner={owner} count={count} at {address}")))
}

/// `time.sleep`: without the GIL, and cut short by a stop.
pub fn sleep(thread: &mut Thread, seconds: f64) -> Result<(), Value> {
    if let Some(sim) = thread.simulator().cloned() {
        // Done once virtual time reaches the deadline the first attempt set. Even `sleep(0)`
        // is a system call in CPython, tens of microseconds without the GIL in which a waiting
        // thread takes it; the simulated one lasts as long, so that it yields as CPython's does.
        let seconds = seconds.max(SLEEP_CALL_NS as f64 * 1e-9);
        let deadline = sim.now() + (seconds * 1e9) as u64;
        let deadline = thread.sim_deadline.flatten().unwrap_or(deadline);
        simulated_wait(thread, Some(seconds), SLEEP, |_| sim.now() >= deadline)?;
        return Ok(());
    }
    let host = thread.interp.host.clone();
    wait_until(thread, Some(seconds), SLEEP, |_, slice| {
        if slice.is_zero() {
            return true;
        }
        host.sleep(slice.as_secs_f64());
        false
    })?;
    Ok(())
}

/// The modules whose `_shutdown` finalization calls, in order: in CPython, `threading._shutdown`
/// and then the atexit callbacks, last registered first, among them `multiprocessing`'s exit
/// hook (registered as the first process starts), which joins the child processes.
pub(crate) const FINALIZERS: [&str; 2] = ["threading", "_gilpy_atexit"];

/// The end of a run, as CPython's `Py_FinalizeEx`: wait for the non-daemon threads
/// (`threading._shutdown`), run the atexit callbacks (`multiprocessing`'s exit hook among them
/// waits for the child processes), then stop every thread still running (daemon threads) and give
/// them a moment to unwind, so that none outlives the run.
pub fn shutdown(thread: &mut Thread, tear_down: bool) {
    for module in FINALIZERS {
        if tear_down {
            break;
        }
        let imported = lock(&thread.interp.modules).get(module).cloned();
        if let Some(imported) = imported {
            if let Ok(shutdown) = builtins::get_attribute(thread, &imported, "_shutdown") {
                let _ = thread.call(&shutdown, vec![], vec![]);
            }
        }
    }
    thread.interp.open_files.flush_all();
    thread.interp.stop_all_threads();
    thread.drop_gil();
    let host = thread.interp.host.clone();
    let give_up_at = host.monotonic_ns() + 500_000_000;
    while lock(&thread.interp.threads).live.keys().any(|id| *id != MAIN_THREAD.0)
        && host.monotonic_ns() < give_up_at
    {
        host.sleep(0.005);
    }
}
