//! The eval loop. A [`Thread`] owns a stack of heap frames: a Python-to-Python call pushes a
//! frame instead of recursing in Rust, so a thread can be paused at any check point and run on
//! another core later. The eval breaker is checked at the version's check sites (every
//! instruction but a few in 3.9; function entry and backward jumps from 3.10), and only there,
//! in [`Thread::handle_pending`].

use crate::text::{Text, TextLayout};
use std::sync::atomic::AtomicBool;
use std::sync::atomic::Ordering::{Acquire, Relaxed, Release, SeqCst};
use std::sync::Arc;

use crossbeam_utils::atomic::AtomicCell;
use gilpy_runtime::gil::{EvalBreaker, ThreadId};
use gilpy_runtime::SpanKind;
use thin_vec::ThinVec;

use crate::attribute_cache::AttributeCache;
use crate::builtins::{self, Interpreter, IterStep};
use crate::code::{BinaryOp, Code, CompareOp, Op};
use crate::format;
use crate::global_cache::GlobalCache;
use crate::ops::{self, OpError};
use crate::simulate::{self, Job, Simulator};
use crate::value::{
    lock, Class, Descriptor, Dict, DictPart, Function, Instance, Iter, Key, Lazy, List, Method,
    Name, Slice, TracebackEntry, Value,
};

/// `Ok(value)` or `Err(exception instance)`.
pub type CallResult = Result<Value, Value>;

struct Block {
    handler: u32,
    stack_depth: u32,
    /// How many exceptions the frame was handling when the block was set up: an exception
    /// that leaves an `except` or `finally` body for this block's handler ends the handling of
    /// the ones above it (CPython pops their `EXCEPT_HANDLER` blocks on the way).
    handling_depth: u32,
}

/// A suspended generator's frame. On wasm, in a box that outlives it: resuming moves the frame
/// out and keeps the empty box for the next yield (`Thread::spare_frame_boxes`), so a round
/// allocates nothing; there the allocator takes a lock, and this made a generator pipeline 14%
/// faster in the page. Natively a new box is faster (glibc's allocator; the reused box made the
/// same pipeline 9% slower), so there it is a plain box.
#[cfg(target_arch = "wasm32")]
type FrameBox = Box<Option<Frame>>;
#[cfg(not(target_arch = "wasm32"))]
type FrameBox = Box<Frame>;

/// A generator object: its frame while suspended, and what it returned once it ended.
pub struct Generator {
    pub qualname: Text,
    /// Made by an `async def`: a coroutine, which `await` accepts and `for` does not.
    pub is_coroutine: bool,
    /// The frame while the generator is suspended; empty while it runs and once it has ended.
    /// Resuming swaps it out and yielding swaps it back: two atomic operations a round, where
    /// a mutex around a state took four (see `Thread::take_suspended`).
    suspended: AtomicCell<Option<FrameBox>>,
    /// Resuming must push the value of the `yield` expression (false before the first run and
    /// inside `yield from`, which re-runs its instruction). Written before the frame is parked.
    push_sent: AtomicBool,
    finished: AtomicBool,
    pub return_value: std::sync::Mutex<Value>,
}

impl Generator {
    fn park(&self, frame: FrameBox, push_sent: bool) {
        self.push_sent.store(push_sent, Relaxed);
        self.suspended.store(Some(frame));
    }

    fn finish(&self) {
        self.finished.store(true, Release);
    }

    /// Whether it has not run at all: still parked at its first instruction (a coroutine that
    /// was never awaited).
    fn never_started(&self) -> bool {
        self.with_suspended(|frame| frame.pc == 0).unwrap_or(false)
    }

    /// `read` of the suspended frame, put back after; `None` while it runs or once it ended.
    fn with_suspended<R>(&self, read: impl FnOnce(&Frame) -> R) -> Option<R> {
        let frame = self.suspended.take()?;
        #[cfg(target_arch = "wasm32")]
        let result = Option::as_ref(&frame).map(read);
        #[cfg(not(target_arch = "wasm32"))]
        let result = Some(read(&frame));
        self.suspended.store(Some(frame));
        result
    }

    /// The file and first line of its code (`co_firstlineno`), while it is suspended.
    pub fn origin(&self) -> Option<(Text, u32)> {
        self.with_suspended(frame_origin)
    }

    /// The line it is suspended at (`cr_frame.f_lineno`): its `await` or `yield`, or its first
    /// line before it has started; `None` while it runs or once it has ended.
    pub fn suspended_line(&self) -> Option<u32> {
        self.with_suspended(suspended_line)
    }

    /// The suspended frame, which marks the generator running: `Ok(None)` once it has ended,
    /// `Err(())` while it runs already (it resumed itself).
    fn take_frame(&self) -> Result<Option<(FrameBox, bool)>, ()> {
        match self.suspended.take() {
            Some(frame) => Ok(Some((frame, self.push_sent.load(Relaxed)))),
            None if self.finished.load(Acquire) => Ok(None),
            None => Err(()),
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum FrameKind {
    Function,
    /// A class body: returns its namespace.
    ClassBody,
    /// `__init__` called by instantiation: returns the instance it was given.
    Init,
    /// `__enter__` of a `with` statement: leaves the `__exit__` it was given under its result.
    Enter,
    /// A special method run for an instruction that uses no result (`__setitem__`, a property
    /// setter): its return value is dropped.
    Discard,
    /// A generator resumed by the `for` loop of the frame below, in the same eval loop (as
    /// CPython 3.11+ links generator frames): a `yield` hands the value to the loop, a return
    /// ends it. No Rust frames come between, so the simulator can switch threads in it.
    ForGenerator,
    /// Simulated mode: an operator's special method written in Python (`__add__`, `__lt__`),
    /// run as a frame of this loop so that the simulator can switch threads inside it, as
    /// CPython can. Its result goes to the stack; `NotImplemented` goes on with the rest of
    /// the operator's protocol (`attached` holds the operands).
    Operator(Operator),
    /// Simulated mode: `__exit__` written in Python, called for an exception leaving a `with`
    /// block, run as a frame likewise; a false result re-raises the exception (`attached`).
    ExceptWith,
    /// Simulated mode: `__next__` written in Python, called by a `for` loop, run as a frame
    /// likewise: its result is the loop's next item, and StopIteration from it ends the loop.
    ForNext,
}

/// An operator whose special method runs as a frame, and how far its protocol got.
#[derive(Clone, Copy, PartialEq)]
enum Operator {
    Binary { op: BinaryOp, in_place: bool, tried: Tried },
    Compare(CompareOp),
}

/// The methods a binary operator tried on its left operand: the in-place one (`__iadd__`),
/// then the plain one (`__add__`); the reflected one on the right operand comes after.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Tried {
    Nothing,
    InPlace,
    Plain,
}

pub struct Frame {
    /// The function running here (a module body runs as a function too): the frame reads its
    /// code and globals through it, so a call touches one reference count, not three.
    function: Arc<Function>,
    pc: usize,
    stack: Vec<Value>,
    locals: Vec<Option<Value>>,
    /// `Value::Cell`s: `code.cell_names`, then `code.free_names`.
    cells: ThinVec<Value>,
    /// A class body's namespace (module bodies use `globals`).
    namespace: Option<Arc<Dict>>,
    blocks: ThinVec<Block>,
    /// Exceptions being handled by `except` clauses here, innermost last.
    handling: ThinVec<Value>,
    kind: FrameKind,
    /// What the frame's kind carries: for `Init`, the instance to return; for `Enter`, the
    /// `__exit__` method; for `Operator`, the operands (a tuple); for `ExceptWith`, the
    /// exception; for a generator's frame resumed by `next` or `send`, its generator
    /// (`Value::Generator`). One field for them all keeps a frame in 128 bytes (see below).
    attached: Option<Value>,
}

/// Whether a call of `function` with `count` positional arguments can take the fast path:
/// a plain function (no cells, no `*args`, `**kwargs` or keyword-only parameters, no
/// generator) given its positional parameters, or all but some that have defaults.
#[inline(always)]
fn takes_fast_call(function: &Function, count: usize) -> bool {
    let code = &function.code;
    let arg_count = code.arg_count as usize;
    count <= arg_count
        && arg_count - count <= function.defaults.len()
        && !code.has_varargs
        && !code.has_varkw
        && code.kwonly_count == 0
        && code.cell_names.is_empty()
        && function.closure.is_empty()
        && !code.is_generator
}

/// The coroutines in a returning frame's variables that never ran and that nothing else holds
/// (`result = fetch()` in an `async def`, without `await`): CPython frees them with the frame
/// and warns that each was never awaited. Only frames that take the slower return (coroutines,
/// generators, class bodies) are looked at, so plain calls pay nothing.
fn take_unawaited_coroutines(frame: &mut Frame) -> Vec<Value> {
    let mut unawaited = Vec::new();
    for slot in frame.locals.iter_mut() {
        if let Some(Value::Generator(generator)) = slot {
            if generator.is_coroutine
                && Arc::strong_count(generator) == 1
                && generator.never_started()
            {
                unawaited.extend(slot.take());
            }
        }
    }
    unawaited
}

impl Frame {
    /// The generator this frame belongs to, taken out of `attached`.
    fn take_generator(&mut self) -> Option<Arc<Generator>> {
        match self.attached.take() {
            Some(Value::Generator(generator)) => Some(generator),
            other => {
                self.attached = other;
                None
            }
        }
    }
}

// Frames move on every call, return, yield and resumption. At 128 bytes or less a move is a few
// vector stores; at 184 it was a call to `memcpy`, a sixth of a generator pipeline's time.
// `blocks`, `handling` and `cells` are `ThinVec`s (one word; most frames leave them empty).
#[cfg(target_pointer_width = "64")]
const _: () = assert!(std::mem::size_of::<Frame>() <= 128, "a Frame outgrew 128 bytes");

pub struct Thread {
    pub interp: Arc<Interpreter>,
    frames: Vec<Frame>,
    /// Emptied value stacks and locals of finished frames, reused so a call allocates nothing.
    spare_stacks: Vec<Vec<Value>>,
    spare_locals: Vec<Vec<Option<Value>>>,
    /// The long string this thread last indexed or measured, and its layout (see
    /// [`Thread::with_layout`]).
    last_text: Option<(Text, TextLayout)>,
    /// Emptied boxes of resumed generators' frames, for the next yield (see [`FrameBox`]).
    #[cfg(target_arch = "wasm32")]
    spare_frame_boxes: Vec<FrameBox>,
    /// Per thread, as CPython's `tstate->eval_breaker`: `ASYNC_EXCEPTION` stops the thread
    /// (KeyboardInterrupt in the main thread), `GIL_DROP_REQUEST` asks it to hand the GIL over.
    pub eval_breaker: Arc<EvalBreaker>,
    pub id: ThreadId,
    holds_gil: bool,
    /// Python frames deep, for RecursionError.
    depth: usize,
    /// The containers whose repr is being made, innermost last (CPython's `Py_ReprEnter` list).
    pub(crate) repr_active: Vec<usize>,
    /// The lowest Rust stack address nested eval loops may reach (stacks grow down), set when
    /// the first loop starts on this thread; 0 until then. CPython 3.12+ guards its C stack
    /// the same way: a pointer compare, so a deep `yield from` chain or `__repr__` recursion
    /// raises RecursionError instead of overflowing (which on wasm threads corrupts memory).
    stack_floor: usize,
    /// This thread's row in the interpreter's trace, the state it is in, and since when (host
    /// nanoseconds); `None` until it first takes the GIL.
    span: Option<(usize, SpanKind, u64)>,
    /// What the trace calls this thread (a `threading.Thread`'s name).
    pub trace_name: Option<String>,
    /// Eval loops running on this thread's Rust stack: 1 in its outermost loop, the only one
    /// the simulator can switch it out of.
    loop_depth: u32,
    /// Set by a re-raise (`raise`, the end of an `except` or `finally` that did not handle
    /// it): the frame it comes from is in the traceback already, so unwinding adds no entry.
    reraising: bool,
    /// Whether the generator frame that left the loop last yielded (true) or returned: how
    /// `resume` tells a yielded value from a return without looking at the generator again.
    generator_yielded: bool,
    /// The simulator, in simulated mode: it decides when this thread runs.
    sim: Option<Arc<Simulator>>,
    /// Globals and built-ins read lately, read again without a lock while unchanged.
    global_cache: GlobalCache,
    /// Names looked up in classes lately, likewise.
    attribute_cache: AttributeCache,
    /// Simulated mode: a built-in call that had to wait, to be made again when the thread
    /// runs next (its result goes where the call's would have).
    pending_call: Option<(Value, Vec<Value>, Vec<(Text, Value)>)>,
    /// Simulated mode: the built-in running now was called where a wait can switch threads
    /// (straight from the outermost loop), so it may ask to be made again later.
    call_can_suspend: bool,
    /// Simulated mode: when the wait being retried times out (virtual ns), kept across retries.
    pub(crate) sim_deadline: Option<Option<u64>>,
    /// What the trace calls this thread's time with the GIL: running, or starting up (a new
    /// process's main thread, until its target runs).
    pub(crate) activity: SpanKind,
}

/// An address on the current Rust stack.
#[inline(never)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(&marker) as *const u8 as usize
}

/// The first thread an interpreter registers runs `__main__`.
pub const MAIN_THREAD: ThreadId = ThreadId(1);

impl Drop for Thread {
    /// A thread that ends, however it ends, leaves the GIL and the thread table.
    fn drop(&mut self) {
        if let Some((index, kind, since)) = self.span.take() {
            let now = self.interp.host.monotonic_ns();
            let tracer = &self.interp.tracer;
            tracer.record(index, kind, since, now);
            tracer.finish(index);
            self.interp.gil_released_at_ns.fetch_max(now, SeqCst);
        }
        if std::mem::take(&mut self.holds_gil) {
            match (&self.sim, &self.interp.gil) {
                (Some(sim), _) => sim.drop_gil(self.sim_key()),
                (None, Some(gil)) => gil.drop_gil(self.id, &self.eval_breaker, true),
                (None, None) => {}
            }
            if let Some(cores) = &self.interp.cores {
                cores.give_core(&self.eval_breaker, self.interp.host.monotonic_ns());
            }
        }
        self.interp.unregister_thread(self.id);
    }
}

/// How a call from the eval loop went: a value, or a new frame pushed to run next.
enum Called {
    Value(Value),
    Pushed,
}

impl Thread {
    /// A new thread of `interp`, not yet holding the GIL: call [`Thread::take_gil`] before
    /// running Python code.
    pub fn new(interp: Arc<Interpreter>, eval_breaker: Arc<EvalBreaker>) -> Thread {
        let id = interp.register_thread(eval_breaker.clone());
        Thread {
            interp: interp.clone(),
            frames: Vec::new(),
            spare_stacks: Vec::new(),
            spare_locals: Vec::new(),
            last_text: None,
            #[cfg(target_arch = "wasm32")]
            spare_frame_boxes: Vec::new(),
            eval_breaker,
            id,
            holds_gil: false,
            depth: 0,
            stack_floor: 0,
            repr_active: Vec::new(),
            span: None,
            trace_name: None,
            loop_depth: 0,
            generator_yielded: false,
            reraising: false,
            sim: interp.sim.get().cloned(),
            global_cache: GlobalCache::new(),
            attribute_cache: AttributeCache::new(),
            pending_call: None,
            call_can_suspend: false,
            sim_deadline: None,
            activity: SpanKind::Running,
        }
    }

    /// Waits for the GIL (CPython: `take_gil`); free-threaded builds have none to wait for.
    /// Fails with the stop exception when the run is stopped meanwhile.
    pub fn take_gil(&mut self) -> Result<(), Value> {
        let interp = self.interp.clone();
        // A core first, then the GIL: a thread waiting for the GIL is on a core, as in an OS.
        if let Some(cores) = interp.cores.as_ref().filter(|c| !c.try_take_core(&self.eval_breaker))
        {
            // Runnable, but every core is busy.
            self.enter_span(SpanKind::Ready);
            if cores.take_core(&self.eval_breaker).is_err() {
                self.enter_span(SpanKind::BlockedIo);
                return Err(self.stop_exception());
            }
        }
        if let Some(gil) = &interp.gil {
            self.enter_span(SpanKind::WaitingForLock);
            if gil.take_gil(self.id, &self.eval_breaker).is_err() {
                if let Some(cores) = &interp.cores {
                    cores.give_core(&self.eval_breaker, interp.host.monotonic_ns());
                }
                self.enter_span(SpanKind::BlockedIo);
                return Err(self.stop_exception());
            }
        }
        let now = self.interp.host.monotonic_ns();
        // No earlier than the GIL's or a core's last release, whatever this thread's clock says.
        let released = interp.gil_released_at_ns.load(SeqCst);
        let released = released.max(interp.cores.as_ref().map_or(0, |c| c.released_at_ns()));
        self.enter_span_at(self.activity, now.max(released));
        self.holds_gil = true;
        Ok(())
    }

    /// What the trace has this thread doing now.
    pub(crate) fn span_kind(&self) -> Option<SpanKind> {
        self.span.map(|(_, kind, _)| kind)
    }

    /// Notes in the trace that this thread is now in `kind`.
    pub(crate) fn enter_span(&mut self, kind: SpanKind) {
        self.enter_span_at(kind, self.interp.host.monotonic_ns());
    }

    fn enter_span_at(&mut self, kind: SpanKind, now: u64) {
        let tracer = &self.interp.tracer;
        self.span = match self.span {
            Some((_, current, _)) if current == kind => return,
            Some((index, current, since)) => {
                tracer.record(index, current, since, now);
                Some((index, kind, now))
            }
            None => {
                let name = self.trace_name.clone().unwrap_or_else(|| {
                    let process = lock(&self.interp.process.name).clone();
                    match (self.id == MAIN_THREAD, process.as_str()) {
                        (true, "MainProcess") => "MainThread".to_string(),
                        (true, process) => process.to_string(),
                        (false, _) => format!("Thread {}", self.id.0),
                    }
                });
                Some((tracer.add_thread(self.interp.process.pid, self.id.0, name), kind, now))
            }
        };
    }

    /// Releases the GIL; when a drop was requested, waits until another thread has it.
    pub fn drop_gil(&mut self) {
        self.drop_gil_for(SpanKind::WaitingForLock, false);
    }

    /// [`Thread::drop_gil`], for a thread that goes on as `next` (blocked, ready): the trace
    /// says so before its core goes, so that no two threads seem to run on one core.
    fn drop_gil_for(&mut self, next: SpanKind, hand_off: bool) {
        if std::mem::take(&mut self.holds_gil) {
            let interp = self.interp.clone();
            // The core goes before the GIL: a forced switch waits below for a thread that may
            // need this very core to take the GIL.
            if let Some(cores) = &interp.cores {
                let now = interp.host.monotonic_ns();
                self.enter_span_at(next, now);
                cores.give_core(&self.eval_breaker, now);
            }
            if let Some(gil) = &interp.gil {
                // A forced switch waits here until another thread has taken the GIL.
                let now = interp.host.monotonic_ns();
                self.enter_span_at(SpanKind::WaitingForLock, now);
                interp.gil_released_at_ns.fetch_max(now, SeqCst);
                match &self.sim {
                    // Simulated: the GIL goes to a waiter at once, in virtual time.
                    Some(sim) => sim.drop_gil(self.sim_key()),
                    None if hand_off => gil.drop_gil_handing_off(self.id, &self.eval_breaker),
                    None => gil.drop_gil(self.id, &self.eval_breaker, false),
                }
            }
        }
    }

    /// Runs `blocking` (a sleep, a wait on a lock) without the GIL, so that other threads run
    /// meanwhile (CPython: `Py_BEGIN_ALLOW_THREADS` ... `Py_END_ALLOW_THREADS`).
    /// Simulated, native work takes no virtual time (as every built-in's), so it runs at once,
    /// keeping the GIL: no other thread could run meanwhile. Waits in simulated mode go through
    /// the simulator instead (`threads::simulated_wait`).
    pub fn allow_threads<R>(&mut self, blocking: impl FnOnce(&Thread) -> R) -> Result<R, Value> {
        self.allow_threads_as(false, blocking)
    }

    /// [`Thread::allow_threads`]; with `hand_off`, a thread waiting for the GIL takes it
    /// before `blocking` starts (see `Gil::drop_gil_handing_off`).
    pub fn allow_threads_as<R>(
        &mut self,
        hand_off: bool,
        blocking: impl FnOnce(&Thread) -> R,
    ) -> Result<R, Value> {
        if self.simulator().is_some() {
            return Ok(blocking(self));
        }
        self.drop_gil_for(SpanKind::BlockedIo, hand_off);
        self.enter_span(SpanKind::BlockedIo);
        let result = blocking(self);
        self.take_gil()?;
        Ok(result)
    }

    /// What a stopped thread raises: KeyboardInterrupt in the main thread (as Ctrl-C does),
    /// SystemExit elsewhere, which ends a thread quietly.
    pub fn stop_exception(&self) -> Value {
        let is_child = self.interp.process.is_child.load(std::sync::atomic::Ordering::Relaxed);
        if self.id == MAIN_THREAD && !is_child {
            self.exception("KeyboardInterrupt", "")
        } else if is_child {
            let code = Value::Int(self.interp.process.stopped_exit_code());
            self.interp.new_exception("SystemExit", vec![code])
        } else {
            self.exception("SystemExit", "")
        }
    }

    /// Raises the stop exception if a stop was requested. The main thread may catch its
    /// KeyboardInterrupt and go on; other threads are being torn down, and a child process
    /// was terminated or killed (which CPython's signals do without running Python), so they
    /// keep seeing the request until they end: a handler that swallows it meets it again.
    pub fn check_stop(&mut self) -> Result<(), Value> {
        if !self.stop_requested() {
            return Ok(());
        }
        let is_child = self.interp.process.is_child.load(std::sync::atomic::Ordering::Relaxed);
        if self.id == MAIN_THREAD && !is_child {
            self.eval_breaker.clear(EvalBreaker::ASYNC_EXCEPTION);
        }
        Err(self.stop_exception())
    }

    /// The calling Python frame's names (`locals()`): the namespace itself in a module or class
    /// body; in a function, a new dict of the variables bound now, cells included.
    pub fn current_locals(&self) -> Option<Value> {
        let frame = self.frames.last()?;
        if let Some(namespace) = &frame.namespace {
            return Some(Value::Dict(namespace.clone()));
        }
        if frame.function.code.local_names.is_empty() && frame.cells.is_empty() {
            return Some(Value::Dict(frame.function.globals.clone()));
        }
        let mut entries = crate::value::Map::default();
        for (name, value) in frame.function.code.local_names.iter().zip(&frame.locals) {
            if let Some(value) = value {
                entries.insert(Key(Value::Str(name.clone())), value.clone());
            }
        }
        let cell_names =
            frame.function.code.cell_names.iter().chain(&frame.function.code.free_names);
        for (name, cell) in cell_names.zip(&frame.cells) {
            if let Some(value) = cell_value(cell) {
                entries.insert(Key(Value::Str(name.clone())), value);
            }
        }
        Some(Dict::new(entries))
    }

    /// Whether the run is being stopped: blocking waits poll this.
    pub fn stop_requested(&self) -> bool {
        self.eval_breaker.is_set(EvalBreaker::STOP)
    }

    /// Runs a module's code with `globals` as its namespace, to the end.
    pub fn run_module(&mut self, code: Arc<Code>, globals: Arc<Dict>) -> CallResult {
        self.run_module_with_locals(code, globals, None)
    }

    /// [`Thread::run_module`] with the names looked up in `locals` first (`eval` in a
    /// function sees its variables), then in `globals` and the builtins.
    pub fn run_module_with_locals(
        &mut self,
        code: Arc<Code>,
        globals: Arc<Dict>,
        locals: Option<Arc<Dict>>,
    ) -> CallResult {
        let mut frame = self.module_frame(code, globals);
        frame.namespace = locals;
        self.push_frame(frame)?;
        let base = self.frames.len() - 1;
        self.run(base)
    }

    /// A new exception instance of the built-in class `class` with one message argument.
    pub fn exception(&self, class: &str, message: impl Into<String>) -> Value {
        let message = message.into();
        let args = if message.is_empty() { vec![] } else { vec![Value::str(&message)] };
        self.interp.new_exception(class, args)
    }

    /// The items of `*iterable` in a call or a display; one that is no iterable is a TypeError
    /// in CPython's words, naming the function `callable` when it is the call's only
    /// positional part.
    fn starred_items(
        &mut self,
        iterable: &Value,
        callable: Option<&Value>,
    ) -> Result<Vec<Value>, Value> {
        if matches!(iterable, Value::List(_) | Value::Tuple(_) | Value::Set(_)) {
            return builtins::collect(self, iterable);
        }
        // Only getting the iterator fails so; an error while iterating is the iterator's own.
        let iterator = builtins::iterate(self, iterable).map_err(|error| {
            if !builtins::exception_is(self, &error, "TypeError") {
                return error;
            }
            let what = match callable {
                Some(callable) => format!("{} argument", builtins::function_str(self, callable)),
                None => "Value".to_string(),
            };
            let message =
                format!("{what} after * must be an iterable, not {}", ops::type_name(iterable));
            self.exception("TypeError", message)
        })?;
        builtins::collect(self, &iterator)
    }

    /// `f(**other)`: `other`'s entries into the call's keywords `dict` (CPython's DICT_MERGE):
    /// a dict, or a mapping by `keys()` and `[]`; a keyword given twice is a TypeError.
    #[inline(never)]
    fn merge_kwargs(
        &mut self,
        callable: &Value,
        dict: &Arc<Dict>,
        other: Value,
    ) -> Result<(), Value> {
        let entries: Vec<(Value, Value)> = match other.builtin_base() {
            Value::Dict(other) => {
                lock(&other.entries).iter().map(|(k, v)| (k.0.clone(), v.clone())).collect()
            }
            _ => {
                let Ok(keys) = builtins::get_attribute(self, &other, "keys") else {
                    let message = format!(
                        "{} argument after ** must be a mapping, not {}",
                        builtins::function_str(self, callable),
                        ops::type_name(&other)
                    );
                    return Err(self.exception("TypeError", message));
                };
                let keys = self.call(&keys, vec![], vec![])?;
                let mut entries = Vec::new();
                for key in builtins::collect(self, &keys)? {
                    let value = builtins::get_item(self, &other, &key)?;
                    entries.push((key, value));
                }
                entries
            }
        };
        for (key, value) in entries {
            if let Value::Str(name) = &key {
                if lock(&dict.entries).contains_key(&Key(key.clone())) {
                    let message = format!(
                        "{} got multiple values for keyword argument '{name}'",
                        builtins::function_str(self, callable)
                    );
                    return Err(self.exception("TypeError", message));
                }
            }
            let key = crate::keys::dict_key(self, dict, key)?;
            lock(&dict.entries).insert(key, value);
        }
        Ok(())
    }

    /// A NameError for `name`, with what the traceback's "Did you mean" needs (3.10+): the
    /// `name` (an attribute in CPython too), and the scope it was missed in: the running code, its
    /// globals and its `self`, if any.
    fn name_error(&self, name: &str) -> Value {
        let error = self.exception("NameError", format!("name '{name}' is not defined"));
        if self.interp.version < crate::version::PythonVersion::V3_10 {
            return error;
        }
        if let (Value::Instance(instance), Some(frame)) = (&error, self.frames.last()) {
            instance.set(Text::from("name"), Value::str(name));
            let code = &frame.function.code;
            let this = code.local_names.iter().position(|local| &**local == "self");
            let this = this.and_then(|slot| frame.locals.get(slot).cloned().flatten());
            let scope = vec![
                Value::Code(code.clone()),
                Value::Dict(frame.function.globals.clone()),
                this.unwrap_or(Value::None),
            ];
            instance.set(Text::from(crate::traceback::NAME_ERROR_SCOPE), Value::tuple(scope));
        }
        error
    }

    /// The exception for an operator's error, in the running version's words (`ops` words
    /// them as 3.11 and 3.12 do).
    pub fn op_error(&self, error: OpError) -> Value {
        use crate::version::PythonVersion;
        let version = self.interp.version;
        let message = match &*error.message {
            "integer modulo by zero" if version <= PythonVersion::V3_10 => {
                "integer division or modulo by zero".to_string()
            }
            "float modulo" if version >= PythonVersion::V3_13 => "float modulo by zero".to_string(),
            message if version < PythonVersion::V3_10 => {
                message.replace("a real number is required", "a number is required")
            }
            _ => error.message,
        };
        self.exception(error.class, message)
    }

    fn new_frame(&mut self, function: Arc<Function>, kind: FrameKind) -> Frame {
        let code = &function.code;
        let mut cells: ThinVec<Value> = code
            .cell_names
            .iter()
            .map(|_| Value::Cell(Arc::new(std::sync::Mutex::new(None))))
            .collect();
        cells.extend(function.closure.iter().cloned());
        // The vectors of a frame that ended, as the fast call takes them (see `recycle_vecs`).
        let mut locals = self.spare_locals.pop().unwrap_or_default();
        locals.resize_with(code.local_names.len(), || None);
        let stack = self.spare_stacks.pop().unwrap_or_else(|| Vec::with_capacity(16));
        Frame {
            locals,
            stack,
            cells,
            function,
            pc: 0,
            namespace: None,
            blocks: ThinVec::new(),
            handling: ThinVec::new(),
            kind,
            attached: None,
        }
    }

    /// A module body's frame: its code runs as a function of no arguments.
    fn module_frame(&mut self, code: Arc<Code>, globals: Arc<Dict>) -> Frame {
        let qualname = code.qualname.clone();
        let function = Function {
            code,
            globals,
            defaults: Vec::new(),
            kw_defaults: Vec::new(),
            closure: Vec::new(),
            qualname,
            attributes: Default::default(),
            renamed: Default::default(),
        };
        self.new_frame(Arc::new(function), FrameKind::Function)
    }

    /// Calls `callable` from Rust (a built-in that calls back into Python) and runs it to the end.
    pub fn call(
        &mut self,
        callable: &Value,
        args: Vec<Value>,
        kwargs: Vec<(Text, Value)>,
    ) -> CallResult {
        let called = self.call_value(callable.clone(), args, kwargs)?;
        self.finish_call(called)
    }

    /// A call's result: at once, or once the frame it pushed has run.
    fn finish_call(&mut self, called: Called) -> CallResult {
        match called {
            Called::Value(value) => Ok(value),
            Called::Pushed => {
                let base = self.frames.len() - 1;
                self.run(base)
            }
        }
    }

    /// A new instance of `class`, `__new__` then `__init__`, past any metaclass `__call__`
    /// (for `type.__call__`).
    pub fn make_instance(
        &mut self,
        class: Arc<Class>,
        args: Vec<Value>,
        kwargs: Vec<(Text, Value)>,
    ) -> CallResult {
        let called = self.instantiate(class, args, kwargs)?;
        self.finish_call(called)
    }

    /// Starts a call: built-ins run now; Python functions get a frame that the loop runs next.
    fn call_value(
        &mut self,
        callable: Value,
        args: Vec<Value>,
        kwargs: Vec<(Text, Value)>,
    ) -> Result<Called, Value> {
        match callable {
            Value::Function(function) => {
                let frame = self.function_frame(&function, args, kwargs, FrameKind::Function)?;
                if function.code.is_generator {
                    // Calling a generator function runs nothing: it makes the generator.
                    let generator = Value::Generator(Arc::new(Generator {
                        qualname: function.qualname.clone(),
                        is_coroutine: function.code.is_coroutine,
                        suspended: AtomicCell::new(Some(self.boxed(frame))),
                        push_sent: AtomicBool::new(false),
                        finished: AtomicBool::new(false),
                        return_value: std::sync::Mutex::new(Value::None),
                    }));
                    if function.code.is_async_generator {
                        return self.async_generator(generator).map(Called::Value);
                    }
                    return Ok(Called::Value(generator));
                }
                self.push_frame(frame)?;
                Ok(Called::Pushed)
            }
            // Simulated mode: built-ins that would run Python in a nested eval loop, where the
            // simulator cannot switch threads, have stand-ins written in Python.
            Value::Builtin(_) | Value::Class(_) | Value::Method(_)
                if self.sim.is_some() && has_stand_in(&callable, &args, &kwargs) =>
            {
                self.call_stand_in(callable, args, kwargs)
            }
            other => self.call_value_directly(other, args, kwargs),
        }
    }

    /// Simulated mode: calls the Python stand-in of a built-in (see [`has_stand_in`]), which
    /// runs the generator or key in this thread's own eval loop. Out of line: it keeps the
    /// stack frame of the call path small.
    #[inline(never)]
    fn call_stand_in(
        &mut self,
        callable: Value,
        args: Vec<Value>,
        kwargs: Vec<(Text, Value)>,
    ) -> Result<Called, Value> {
        if let Value::Builtin(builtin) = &callable {
            // `sep.join(generator)` through `LoadMethod` comes unbound: bind it, so that it
            // is gathered below as the bound method would be.
            if builtin.name == "join" && matches!(&args[..], [Value::Str(_), Value::Generator(_)]) {
                let mut args = args;
                let receiver = args.remove(0);
                let bound = Value::Method(Arc::new(Method { receiver, function: callable }));
                return self.call_value(bound, args, kwargs);
            }
            // `sorted`, `min`, `max` and `list.sort` with a key written in Python.
            if matches!(builtin.name, "sorted" | "min" | "max" | "sort") && has_python_key(&kwargs)
            {
                let stand_in = match builtin.name {
                    "sort" if matches!(args.first(), Some(Value::List(_))) => Some("sort_by_key"),
                    "sort" => None,
                    "sorted" if self.is_builtin("sorted", &callable) => Some("sorted_by_key"),
                    name if self.is_builtin(name, &callable) => Some("extreme_by_key"),
                    _ => None,
                };
                let Some(stand_in) = stand_in else {
                    return self.call_value_directly(callable, args, kwargs);
                };
                let python = self.stand_in(stand_in)?;
                let mut python_args = match stand_in {
                    "extreme_by_key" => vec![callable.clone()],
                    _ => vec![],
                };
                python_args.extend(args);
                return self.call_value(python, python_args, kwargs);
            }
        }
        // `map` and `filter` with a function written in Python: generators, which call it
        // in this loop as they are stepped.
        if let Value::Builtin(builtin) = &callable {
            if matches!(builtin.name, "map" | "filter") && self.is_builtin(builtin.name, &callable)
            {
                let python = self.stand_in(builtin.name)?;
                return self.call_value(python, args, kwargs);
            }
        }
        match self.consumer_in_python(&callable)? {
            Some((python, mut python_args)) => {
                python_args.extend(args);
                self.call_value(python, python_args, kwargs)
            }
            None => self.call_value_directly(callable, args, kwargs),
        }
    }

    /// `f() missing 2 required positional arguments: 'a' and 'b'`.
    #[inline(never)]
    fn missing_arguments(&self, name: &str, kind: &str, missing: &[String]) -> Value {
        let list = match missing {
            [one] => one.clone(),
            [first, second] => format!("{first} and {second}"),
            [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
            [] => unreachable!("something is missing"),
        };
        let plural = if missing.len() == 1 { "" } else { "s" };
        self.exception(
            "TypeError",
            format!("{name}() missing {} required {kind} argument{plural}: {list}", missing.len()),
        )
    }

    /// The error for reading local `index` of the running frame while it is unbound.
    #[cold]
    #[inline(never)]
    fn unbound_local(&self, index: u32) -> Value {
        let frame = self.frames.last().expect("a frame is running");
        let name = &frame.function.code.local_names[index as usize];
        let message = if self.interp.version >= crate::version::PythonVersion::V3_11 {
            format!("cannot access local variable '{name}' where it is not associated with a value")
        } else {
            format!("local variable '{name}' referenced before assignment")
        };
        self.exception("UnboundLocalError", message)
    }

    /// The error for reading or deleting cell `index` of the running frame while it is empty,
    /// in the words of this version.
    #[cold]
    #[inline(never)]
    fn unbound_cell(&self, index: u32) -> Value {
        let code = &self.frames.last().expect("a frame is running").function.code;
        let index = index as usize;
        let new_words = self.interp.version >= crate::version::PythonVersion::V3_11;
        match code.cell_names.get(index) {
            // The function's own variable, which an inner function also uses.
            Some(name) if new_words => self.exception(
                "UnboundLocalError",
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            ),
            Some(name) => self.exception(
                "UnboundLocalError",
                format!("local variable '{name}' referenced before assignment"),
            ),
            None => {
                let name = &code.free_names[index - code.cell_names.len()];
                self.exception(
                    "NameError",
                    if new_words {
                        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope")
                    } else {
                        format!("free variable '{name}' referenced before assignment in enclosing scope")
                    },
                )
            }
        }
    }

    /// Whether `callable` is the built-in `name` itself (not a function of that name).
    fn is_builtin(&self, name: &str, callable: &Value) -> bool {
        let builtin = lock(&self.interp.builtins.entries).get(&Name(name)).cloned();
        builtin.is_some_and(|builtin| builtin.is(callable))
    }

    /// Simulated mode: for a built-in that would consume a generator in a nested eval loop
    /// (`sum`, `list`, `"".join`, ...), its stand-in in `_gilpy_iteration` and the arguments
    /// that go before the built-in's own.
    fn consumer_in_python(
        &mut self,
        callable: &Value,
    ) -> Result<Option<(Value, Vec<Value>)>, Value> {
        let name = match callable {
            Value::Builtin(builtin) => builtin.name,
            Value::Class(class) => &*class.name,
            Value::Method(method)
                if matches!(method.receiver, Value::Str(_))
                    && matches!(&method.function, Value::Builtin(b) if b.name == "join") =>
            {
                return Ok(Some((self.stand_in("call_with_items")?, vec![callable.clone()])));
            }
            _ => return Ok(None),
        };
        if !self.is_builtin(name, callable) {
            return Ok(None);
        }
        Ok(match name {
            "any" | "all" => Some((self.stand_in(name)?, vec![])),
            "sum" | "min" | "max" | "sorted" | "list" | "tuple" | "set" | "frozenset" | "dict" => {
                Some((self.stand_in("call_with_items")?, vec![callable.clone()]))
            }
            _ => None,
        })
    }

    /// A function of `_gilpy_iteration`, the stand-ins' module.
    fn stand_in(&mut self, name: &str) -> CallResult {
        let module = builtins::import(self, "_gilpy_iteration")?;
        builtins::get_attribute(self, &module, name)
    }

    fn call_value_directly(
        &mut self,
        callable: Value,
        mut args: Vec<Value>,
        kwargs: Vec<(Text, Value)>,
    ) -> Result<Called, Value> {
        match callable {
            Value::Function(_) => self.call_value(callable, args, kwargs),
            Value::Builtin(builtin) => (builtin.function)(self, args, kwargs).map(Called::Value),
            Value::Method(method) => {
                args.insert(0, method.receiver.clone());
                self.call_value(method.function.clone(), args, kwargs)
            }
            // `Meta.__call__(cls, ...)`, which may go on to `type.__call__` through super().
            Value::Class(ref class) if class.metaclass.is_some() => {
                match self.special_method(&callable, "__call__") {
                    Some(call) => self.call_value(call, args, kwargs),
                    None => self.instantiate(class.clone(), args, kwargs),
                }
            }
            Value::Class(class) => self.instantiate(class, args, kwargs),
            Value::Instance(_) | Value::Native(_)
                if self.special_method(&callable, "__call__").is_some() =>
            {
                let call = self.special_method(&callable, "__call__").expect("checked");
                self.call_value(call, args, kwargs)
            }
            other => Err(self.exception(
                "TypeError",
                format!("'{}' object is not callable", ops::type_name(&other)),
            )),
        }
    }

    // The instructions below are functions of their own, not arms of `run_frames`: a debug
    // build gives every arm's locals their own stack slots, and nested eval loops (a `__repr__`
    // calling `repr`) must fit many `run_frames` frames in a worker's stack.

    #[inline(never)]
    fn load_attr(&mut self, index: u32) -> Result<(), Value> {
        let frame = self.frames.last_mut().expect("a frame is running");
        let name = frame.function.code.names[index as usize].clone();
        let object = frame.stack.pop().expect("stack");
        if let Some(getter) =
            python_property(&mut self.attribute_cache, &object, &name, Accessor::Get)
        {
            // Called as `getter(object)` would be: most getters take the fast call's path.
            let stack = &mut self.frames.last_mut().expect("a frame is running").stack;
            stack.push(Value::Function(getter.clone()));
            stack.push(object);
            if self.try_fast_call(1)? {
                return Ok(());
            }
            let stack = &mut self.frames.last_mut().expect("a frame is running").stack;
            let object = stack.pop().expect("pushed above");
            stack.pop();
            return self.push_special(&getter, vec![object], FrameKind::Function);
        }
        let value = builtins::get_attribute(self, &object, &name)?;
        self.frames.last_mut().unwrap().stack.push(value);
        Ok(())
    }

    /// `LoadMethod`: for `object.name(...)`, the function and the object, when `name` is a
    /// plain function of the object's class or a method of a built-in container; else the
    /// attribute and None (the object is never None on the fast path, so None means "none").
    #[inline(never)]
    fn load_method(&mut self, index: u32) -> Result<(), Value> {
        let frame = self.frames.last_mut().expect("a frame is running");
        let name = frame.function.code.names[index as usize].clone();
        let object = frame.stack.pop().expect("stack");
        let function = match &object {
            Value::Instance(instance)
                if !instance.class.overrides_getattribute && instance.get(&name).is_none() =>
            {
                match self.attribute_cache.find_text(&instance.class, &name) {
                    Some(function @ Value::Function(_)) => Some(function.clone()),
                    Some(other) => other.native_method().cloned(),
                    None => None,
                }
            }
            Value::Str(_) | Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Tuple(_)
                if &*name != "__class__" =>
            {
                crate::methods::lookup_value(&object, &name)
            }
            Value::Native(_) => crate::methods::lookup_value(&object, &name),
            _ => None,
        };
        let (callable, receiver) = match function {
            Some(function) => (function, object),
            None => (builtins::get_attribute(self, &object, &name)?, Value::None),
        };
        let stack = &mut self.frames.last_mut().unwrap().stack;
        stack.push(callable);
        stack.push(receiver);
        Ok(())
    }

    #[inline(never)]
    fn store_attr(&mut self, index: u32) -> Result<(), Value> {
        let frame = self.frames.last_mut().expect("a frame is running");
        let name = frame.function.code.names[index as usize].clone();
        let object = frame.stack.pop().expect("stack");
        let value = frame.stack.pop().expect("stack");
        if let Value::Instance(instance) = &object {
            let code = &frame.function.code;
            if plain_store(&mut self.attribute_cache, &self.interp, instance, &name) {
                instance.set_hinted(&name, value, &code.attribute_hints[index as usize]);
                return Ok(());
            }
        }
        let setter = python_property(&mut self.attribute_cache, &object, &name, Accessor::Set)
            .filter(|_| !self.overrides_setattr(&object));
        match setter {
            Some(setter) => self.push_special(&setter, vec![object, value], FrameKind::Discard),
            None => builtins::set_attribute(self, &object, name, value),
        }
    }

    #[inline(never)]
    fn subscript(&mut self) -> Result<(), Value> {
        let frame = self.frames.last_mut().expect("a frame is running");
        let key = frame.stack.pop().expect("stack");
        let container = frame.stack.pop().expect("stack");
        if let Some(method) = python_special(&container, "__getitem__") {
            return self.push_special(&method, vec![container, key], FrameKind::Function);
        }
        let value = builtins::get_item(self, &container, &key)?;
        self.frames.last_mut().unwrap().stack.push(value);
        Ok(())
    }

    #[inline(never)]
    fn store_subscript(&mut self) -> Result<(), Value> {
        let frame = self.frames.last_mut().expect("a frame is running");
        let key = frame.stack.pop().expect("stack");
        let container = frame.stack.pop().expect("stack");
        let value = frame.stack.pop().expect("stack");
        match python_special(&container, "__setitem__") {
            Some(method) => {
                self.push_special(&method, vec![container, key, value], FrameKind::Discard)
            }
            None => builtins::set_item(self, &container, key, value),
        }
    }

    #[inline(never)]
    fn delete_subscript(&mut self) -> Result<(), Value> {
        let frame = self.frames.last_mut().expect("a frame is running");
        let key = frame.stack.pop().expect("stack");
        let container = frame.stack.pop().expect("stack");
        match python_special(&container, "__delitem__") {
            Some(method) => self.push_special(&method, vec![container, key], FrameKind::Discard),
            None => builtins::delete_item(self, &container, &key),
        }
    }

    /// The items of `a, b = sequence`; a value that cannot be iterated gets CPython's message
    /// for unpacking.
    fn unpacked(&mut self, sequence: &Value) -> Result<Vec<Value>, Value> {
        builtins::collect(self, sequence).map_err(|error| {
            let type_name = ops::type_name(sequence);
            let not_iterable = format!("'{type_name}' object is not iterable");
            match builtins::exception_message(&error) {
                Some(message) if *message == *not_iterable => self.exception(
                    "TypeError",
                    format!("cannot unpack non-iterable {type_name} object"),
                ),
                _ => error,
            }
        })
    }

    /// Runs a special method written in Python as a frame of this eval loop (not a nested
    /// one, so the simulator can switch threads inside it): its result goes to the stack, or
    /// nowhere for a `Discard` frame.
    fn push_special(
        &mut self,
        method: &Arc<Function>,
        args: Vec<Value>,
        kind: FrameKind,
    ) -> Result<(), Value> {
        let frame = self.function_frame(method, args, Vec::new(), kind)?;
        self.push_frame(frame)
    }

    /// Simulated mode: runs an operator's special method as a frame of this loop (see
    /// [`FrameKind::Operator`]).
    fn push_operator(
        &mut self,
        method: &Arc<Function>,
        left: Value,
        right: Value,
        operator: Operator,
    ) -> Result<(), Value> {
        let args = vec![left.clone(), right.clone()];
        let mut frame =
            self.function_frame(method, args, Vec::new(), FrameKind::Operator(operator))?;
        frame.attached = Some(Value::tuple(vec![left, right]));
        self.push_frame(frame)
    }

    // The methods below run instructions for `run_frames`, out of its body for the reason
    // given above `load_attr`: in a debug build their locals would enlarge every nested loop.

    /// `Binary` or `Inplace` past the small-int fast path: in simulated mode a special method
    /// written in Python runs as a frame (see [`FrameKind::Operator`]).
    #[inline(never)]
    fn binary_from_loop(&mut self, op: BinaryOp, in_place: bool) -> Result<(), Value> {
        let stack = &mut self.frames.last_mut().expect("a frame is running").stack;
        let right = stack.pop().expect("stack");
        let left = stack.pop().expect("stack");
        if let (true, BinaryOp::Add, Value::Str(_), Value::Str(tail)) =
            (in_place, op, &left, &right)
        {
            let result = self.concatenate_in_place(left, tail)?;
            self.frames.last_mut().unwrap().stack.push(result);
            return Ok(());
        }
        if self.sim.is_some() && self.loop_depth == 1 && !right_operand_first(&left, &right) {
            if let Some((method, tried)) = binary_method(&left, op, in_place) {
                let operator = Operator::Binary { op, in_place, tried };
                return self.push_operator(&method, left, right, operator);
            }
        }
        let result = self.binary(op, left, right, in_place)?;
        self.frames.last_mut().unwrap().stack.push(result);
        Ok(())
    }

    /// `s += t` on two strs. When the next instruction stores the result into the local `s`
    /// was read from, the local lets go of its text first, as CPython's `unicode_concatenate`
    /// does: held only by the operand, the text grows in place, so a loop of `+=` is linear.
    /// Python cannot tell: nothing runs between this and the store.
    fn concatenate_in_place(&mut self, left: Value, tail: &str) -> CallResult {
        let frame = self.frames.last_mut().expect("a frame is running");
        let Value::Str(mut text) = left else { unreachable!("called for strs") };
        if let Err(error) = ops::check_allocation(text.len() as u128 + tail.len() as u128, 1) {
            return Err(self.op_error(error));
        }
        if let Op::StoreFast(index) = frame.function.code.ops[frame.pc] {
            let local = &mut frame.locals[index as usize];
            if matches!(local, Some(Value::Str(held)) if Text::ptr_eq(held, &text)) {
                *local = None;
            }
        }
        // The thread's note on the last long text measured holds a reference too. It lets go
        // for the append and then notes the grown text, so that `len(s)` in the same loop
        // stays O(1) rather than rescanning the text at every turn.
        let known_layout = match self.last_text.take() {
            Some((last, layout)) if Text::ptr_eq(&last, &text) => Some(layout),
            other => {
                self.last_text = other;
                None
            }
        };
        let len = text.len();
        if !text.append_if_unique(tail) {
            let mut joined = String::with_capacity(text.len() + tail.len());
            joined.push_str(&text);
            joined.push_str(tail);
            text = Text::from(joined);
        }
        if let Some(mut layout) = known_layout {
            layout.extend(len, tail);
            self.last_text = Some((text.clone(), layout));
        }
        Ok(Value::Str(text))
    }

    /// The exception being handled, in the innermost frame that handles one: what
    /// `sys.exc_info()` and `sys.exception()` report.
    pub fn handled_exception(&self) -> Option<Value> {
        self.frames.iter().rev().find_map(|frame| frame.handling.last().cloned())
    }

    /// A builtin written in Python, loaded the first time a program names it: the exception
    /// groups of 3.11+ (`stdlib/_exceptiongroup.py`), `aiter` and `anext` of 3.10+
    /// (`stdlib/_gilpy_asyncgen.py`). None for any other name.
    #[inline(never)]
    fn lazy_builtin(&mut self, name: &str) -> Result<Option<Value>, Value> {
        if matches!(name, "aiter" | "anext")
            && self.interp.version >= crate::version::PythonVersion::V3_10
        {
            let module = builtins::import(self, "_gilpy_asyncgen")?;
            let function = builtins::get_attribute(self, &module, name)?;
            lock(&self.interp.builtins.entries).insert(Key(Value::str(name)), function.clone());
            return Ok(Some(function));
        }
        let is_group = matches!(name, "ExceptionGroup" | "BaseExceptionGroup");
        if !is_group || self.interp.version < crate::version::PythonVersion::V3_11 {
            return Ok(None);
        }
        let module = builtins::import(self, "_exceptiongroup")?;
        for group in ["BaseExceptionGroup", "ExceptionGroup"] {
            let class = builtins::get_attribute(self, &module, group)?;
            lock(&self.interp.builtins.entries).insert(Key(Value::str(group)), class);
        }
        builtins::get_attribute(self, &module, name).map(Some)
    }

    /// `from module import name`: the module's attribute, else its submodule of that name
    /// (`from collections import abc`), as CPython's `import_from` does.
    #[inline(never)]
    fn import_from(&mut self, module: &Value, name: &str) -> CallResult {
        // Only an AttributeError means "not there": a module's `__getattr__` may raise another.
        match builtins::get_attribute(self, module, name) {
            Ok(value) => return Ok(value),
            Err(error) if !builtins::exception_is(self, &error, "AttributeError") => {
                return Err(error)
            }
            Err(_) => {}
        }
        let module_name = match module {
            Value::Module(m) => m.name.to_string(),
            _ => "?".into(),
        };
        let submodule = format!("{module_name}.{name}");
        if builtins::is_module(&submodule) {
            return builtins::import(self, &submodule);
        }
        Err(self
            .exception("ImportError", format!("cannot import name '{name}' from '{module_name}'")))
    }

    /// `BuildClass`: runs the class body as a frame of its own, then makes the class of the
    /// namespace it filled.
    #[inline(never)]
    fn build_class(&mut self, base_count: u32, has_metaclass: bool) -> Result<(), Value> {
        let frame = self.frames.last_mut().expect("a frame is running");
        let metaclass = if has_metaclass { frame.stack.pop() } else { None };
        let bases = frame.stack.split_off(frame.stack.len() - base_count as usize);
        let Some(Value::Str(name)) = frame.stack.pop() else { unreachable!("class name") };
        let Some(Value::Function(body)) = frame.stack.pop() else { unreachable!("class body") };
        let namespace = Arc::new(Dict { entries: Default::default() });
        {
            let mut entries = lock(&namespace.entries);
            if let Some(module) = self.current_module() {
                entries.insert(Key(Value::str("__module__")), module);
            }
            entries.insert(Key(Value::str("__qualname__")), Value::Str(body.qualname.clone()));
        }
        let mut body_frame = self.function_frame(&body, vec![], vec![], FrameKind::ClassBody)?;
        body_frame.namespace = Some(namespace);
        self.push_frame(body_frame)?;
        let depth = self.frames.len() - 1;
        let namespace = self.run(depth)?;
        let class = builtins::new_class(self, name, bases, namespace, metaclass)?;
        self.frames.last_mut().unwrap().stack.push(class);
        Ok(())
    }

    /// `Compare` past the small-int fast path, likewise.
    #[inline(never)]
    fn compare_from_loop(&mut self, op: CompareOp) -> Result<(), Value> {
        let stack = &mut self.frames.last_mut().expect("a frame is running").stack;
        let right = stack.pop().expect("stack");
        let left = stack.pop().expect("stack");
        if self.sim.is_some() && self.loop_depth == 1 && !right_operand_first(&left, &right) {
            if let Some(Some(method)) = operator_method(&left, op.dunder()) {
                return self.push_operator(&method, left, right, Operator::Compare(op));
            }
        }
        let result = self.compare(op, &left, &right)?;
        self.frames.last_mut().unwrap().stack.push(result);
        Ok(())
    }

    /// An `Operator` frame's method returned `NotImplemented`: the rest of the protocol, with
    /// the operands the frame carried.
    #[inline(never)]
    fn operator_not_implemented(
        &mut self,
        operator: Operator,
        operands: Option<Value>,
    ) -> CallResult {
        let Some(Value::Tuple(operands)) = operands else {
            unreachable!("operator frames carry their operands")
        };
        let (left, right) = (operands[0].clone(), operands[1].clone());
        match operator {
            Operator::Binary { op, in_place, tried } => {
                self.binary_protocol(op, left, right, in_place, tried)
            }
            Operator::Compare(op) => self.compare_after_left(op, &left, &right, false),
        }
    }

    /// `ExceptWith`: `__exit__` for the exception leaving a `with` block, which it re-raises
    /// unless `__exit__` returns true. In simulated mode one written in Python runs as a frame.
    #[inline(never)]
    fn except_with(&mut self) -> Result<(), Value> {
        let frame = self.frames.last_mut().expect("a frame is running");
        let exception = frame.stack.pop().expect("stack");
        let exit = frame.stack.pop().expect("stack");
        frame.handling.pop();
        if self.sim.is_some() && self.loop_depth == 1 && self.push_exit_with(&exit, &exception)? {
            return Ok(());
        }
        let suppress = match self.call_exit_with(&exit, &exception) {
            Err(error) if !is_suspend(&error) => {
                set_context(&error, &exception);
                return Err(error);
            }
            suppress => suppress?,
        };
        self.exit_returned(Some(exception), &suppress)
    }

    /// `__exit__` returned `suppress` for `exception`: false re-raises it.
    fn exit_returned(&mut self, exception: Option<Value>, suppress: &Value) -> Result<(), Value> {
        let exception = exception.expect("an exception left the with block");
        if !self.truth(suppress)? {
            self.reraising = true;
            return Err(exception);
        }
        Ok(())
    }

    /// Whether `object`'s class defines `__setattr__`, which then sees every attribute store.
    fn overrides_setattr(&mut self, object: &Value) -> bool {
        self.setattr_override(object).is_some()
    }

    /// The `__setattr__` of `object`'s class when it is not `object`'s own. One cached lookup:
    /// every attribute store asks.
    pub fn setattr_override(&mut self, object: &Value) -> Option<Value> {
        match object {
            Value::Instance(instance) => {
                let method = self.attribute_cache.lookup_text(&instance.class, &SETATTR)?;
                (!method.is(&self.interp.object_setattr)).then_some(method)
            }
            // A metaclass's own `__setattr__` (an enumeration refusing to rebind a member)
            // governs its classes' attributes.
            Value::Class(class) => match class.metaclass.as_ref()?.lookup(&SETATTR)? {
                method @ Value::Function(_) => Some(method),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether `value` is `object.__new__` (the class does not override it), through this
    /// thread's cache: every instantiation asks.
    fn is_object_new(&mut self, value: &Value) -> bool {
        let object = &self.interp.object;
        self.attribute_cache.find_text(object, &NEW).is_some_and(|own| own.is(value))
    }

    /// [`Class::lookup`] through this thread's cache.
    pub fn class_lookup(&mut self, class: &Arc<Class>, name: &str) -> Option<Value> {
        self.attribute_cache.lookup(class, name)
    }

    fn push_frame(&mut self, frame: Frame) -> Result<(), Value> {
        if self.depth >= self.interp.recursion_limit() {
            return Err(self.exception("RecursionError", "maximum recursion depth exceeded"));
        }
        self.depth += 1;
        self.frames.push(frame);
        Ok(())
    }

    fn instantiate(
        &mut self,
        class: Arc<Class>,
        args: Vec<Value>,
        kwargs: Vec<(Text, Value)>,
    ) -> Result<Called, Value> {
        if let Some(constructor) = self.interp.builtin_constructor(&class) {
            return constructor(self, args, kwargs).map(Called::Value);
        }
        // A metaclass called with a name, bases and a namespace makes a class of its own kind.
        if args.len() == 3 && kwargs.is_empty() && class.metaclass.is_none() {
            let type_class = self.interp.class("type");
            if !Arc::ptr_eq(&class, &type_class) && class.is_subclass_of(&type_class) {
                let metaclass = Some(Value::Class(class));
                return builtins::make_class_of(self, args, metaclass).map(Called::Value);
            }
        }
        let mut overrides_new = false;
        let instance = match self.attribute_cache.lookup_text(&class, &NEW) {
            Some(new) if !self.is_object_new(&new) => {
                overrides_new = true;
                // `__new__` is a static method: it gets the class first.
                let new = match new {
                    Value::Descriptor(descriptor) => match &*descriptor {
                        Descriptor::StaticMethod(function) => function.clone(),
                        _ => Value::Descriptor(descriptor.clone()),
                    },
                    other => other,
                };
                let mut new_args = vec![Value::Class(class.clone())];
                new_args.extend(args.iter().cloned());
                let made = self.call(&new, new_args, kwargs.clone())?;
                // Something else than an instance of the class is not initialised.
                if !matches!(&made, Value::Instance(i) if i.class.is_subclass_of(&class)) {
                    return Ok(Called::Value(made));
                }
                made
            }
            _ => builtins::new_instance(self, &class, &args, &kwargs)?,
        };
        let extends_builtin = instance.extended_base().is_some();
        match self.attribute_cache.lookup_text(&class, &INIT) {
            Some(Value::Function(init)) => {
                let mut init_args = vec![instance.clone()];
                init_args.extend(args);
                let mut frame = self.function_frame(&init, init_args, kwargs, FrameKind::Init)?;
                frame.attached = Some(instance);
                self.push_frame(frame)?;
                Ok(Called::Pushed)
            }
            Some(init) if init.is(&self.interp.object_init()) => {
                if let Some(ancestor) = self.interp.builtin_ancestor(&class) {
                    // The built-in type's own `__init__` (a dict's update, a list's extend).
                    if let Some((_, init)) = crate::methods::type_dunder(&ancestor.name, "__init__")
                    {
                        let mut init_args = vec![instance.clone()];
                        init_args.extend(args);
                        init(self, init_args, kwargs)?;
                    }
                    return Ok(Called::Value(instance));
                }
                // As CPython's `object_init`: extra arguments are an error only when `__new__`
                // is object's too (a class that overrides `__new__` takes them there).
                let refused = !args.is_empty() || !kwargs.is_empty();
                if refused && !overrides_new && !class.is_exception && !extends_builtin {
                    return Err(
                        self.exception("TypeError", format!("{}() takes no arguments", class.name))
                    );
                }
                Ok(Called::Value(instance))
            }
            Some(other) => {
                let mut init_args = vec![instance.clone()];
                init_args.extend(args);
                self.call(&other, init_args, kwargs)?;
                Ok(Called::Value(instance))
            }
            None => Ok(Called::Value(instance)),
        }
    }

    /// Binds arguments to parameters as CPython does, with its error messages.
    fn function_frame(
        &mut self,
        function: &Arc<Function>,
        args: Vec<Value>,
        kwargs: Vec<(Text, Value)>,
        kind: FrameKind,
    ) -> Result<Frame, Value> {
        let code = &function.code;
        let mut frame = self.new_frame(function.clone(), kind);
        let positional = code.arg_count as usize;
        // Messages name the function by its `__qualname__`, which may have been reassigned;
        // before 3.10 by its code's name.
        // Read only for a message: it takes locks, and most calls bind without one.
        let by_code_name = self.interp.version < crate::version::PythonVersion::V3_10;
        let qualname = || match function.attribute("__qualname__") {
            _ if by_code_name => code.name.clone(),
            Some(Value::Str(name)) => name,
            _ => function.qualname.clone(),
        };
        let mut extra = Vec::new();
        for (index, value) in args.into_iter().enumerate() {
            if index < positional {
                frame.locals[index] = Some(value);
            } else {
                extra.push(value);
            }
        }
        let kwonly_end = positional + code.kwonly_count as usize;
        let mut slot = kwonly_end;
        if code.has_varargs {
            frame.locals[slot] = Some(Value::tuple(std::mem::take(&mut extra)));
            slot += 1;
        } else if !extra.is_empty() {
            let given = positional + extra.len();
            let required = positional - function.defaults.len();
            let takes = if required == positional {
                let plural = if positional == 1 { "" } else { "s" };
                format!("{positional} positional argument{plural}")
            } else {
                format!("from {required} to {positional} positional arguments")
            };
            let verb = if given == 1 { "was" } else { "were" };
            return Err(self.exception(
                "TypeError",
                format!("{}() takes {takes} but {given} {verb} given", qualname()),
            ));
        }
        let mut varkw = crate::value::Map::default();
        let posonly = code.posonly_count as usize;
        let mut posonly_by_keyword = Vec::new();
        for (key, value) in kwargs {
            match code.local_names[posonly..kwonly_end].iter().position(|n| *n == key) {
                Some(index) => {
                    let index = index + posonly;
                    if frame.locals[index].is_some() {
                        return Err(self.exception(
                            "TypeError",
                            format!("{}() got multiple values for argument '{key}'", qualname()),
                        ));
                    }
                    frame.locals[index] = Some(value);
                }
                None if code.has_varkw => {
                    varkw.insert(Key(Value::Str(key)), value);
                }
                None if code.local_names[..posonly].contains(&key) => posonly_by_keyword.push(key),
                None => {
                    return Err(self.exception(
                        "TypeError",
                        format!("{}() got an unexpected keyword argument '{key}'", qualname()),
                    ));
                }
            }
        }
        if !posonly_by_keyword.is_empty() {
            return Err(self.exception(
                "TypeError",
                format!(
                    "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                    qualname(),
                    posonly_by_keyword.join(", ")
                ),
            ));
        }
        if code.has_varkw {
            frame.locals[slot] = Some(Dict::new(varkw));
        }
        // Defaults fill the last positional parameters.
        let first_default = positional - function.defaults.len();
        let mut missing = Vec::new();
        for index in 0..positional {
            if frame.locals[index].is_none() {
                if index >= first_default {
                    frame.locals[index] = Some(function.defaults[index - first_default].clone());
                } else {
                    missing.push(format!("'{}'", code.local_names[index]));
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_arguments(&qualname(), "positional", &missing));
        }
        for index in positional..kwonly_end {
            if frame.locals[index].is_none() {
                let parameter = &code.local_names[index];
                match function.kw_defaults.iter().find(|(n, _)| n == parameter) {
                    Some((_, value)) => frame.locals[index] = Some(value.clone()),
                    None => missing.push(format!("'{parameter}'")),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_arguments(&qualname(), "keyword-only", &missing));
        }
        // Parameters that inner functions capture move into their cells.
        for (cell_index, cell_name) in code.cell_names.iter().enumerate() {
            if let Some(local) = code.local_names.iter().position(|n| n == cell_name) {
                if let (Some(value), Value::Cell(cell)) =
                    (frame.locals[local].take(), &frame.cells[cell_index])
                {
                    *lock(cell) = Some(value);
                }
            }
        }
        Ok(frame)
    }

    /// The check point. Only here does a thread notice an interrupt or a request to yield.
    fn handle_pending(&mut self) -> Result<(), Value> {
        self.check_stop()?;
        if self.eval_breaker.is_set(EvalBreaker::GIL_DROP_REQUEST) {
            if let Some(sim) = self.sim.clone() {
                // Only the outermost loop can be switched out; a nested one keeps the GIL
                // until it returns there (the request stays posted).
                if self.loop_depth > 1 {
                    return Ok(());
                }
                self.eval_breaker.clear(EvalBreaker::GIL_DROP_REQUEST);
                self.drop_gil();
                if !sim.take_gil(self.sim_key()) {
                    // Queued: resumed here when the simulator hands the GIL back.
                    self.holds_gil = true;
                    return Err(simulate_suspend());
                }
                self.holds_gil = true;
                self.enter_span(self.activity);
                return Ok(());
            }
            // Another thread has waited a whole switch interval: hand the GIL over, then queue
            // for it again (CPython's eval breaker does exactly this).
            self.drop_gil();
            self.take_gil()?;
        }
        if self.eval_breaker.is_set(EvalBreaker::CORE_YIELD_REQUEST) && self.sim.is_none() {
            // Another thread has waited a whole time slice for a core: make way, queue again.
            self.drop_gil_for(SpanKind::Ready, false);
            self.take_gil()?;
        }
        Ok(())
    }

    fn rust_stack_exhausted(&mut self) -> bool {
        let here = stack_address();
        if self.stack_floor == 0 {
            // A quarter of the stack stays free for what runs between two checks.
            let budget = self.interp.host.thread_stack_bytes() / 4 * 3;
            self.stack_floor = here.saturating_sub(budget).max(1);
        }
        here < self.stack_floor
    }

    /// Runs frames until the one at index `base` returns, and returns its value.
    fn run(&mut self, base: usize) -> CallResult {
        self.run_raising(base, None)
    }

    /// Like [`Thread::run`], but first raises `thrown` where the top frame stands (a
    /// generator's `throw`).
    fn run_raising(&mut self, base: usize, thrown: Option<Value>) -> CallResult {
        self.loop_depth += 1;
        let result = self.run_raising_in_loop(base, thrown);
        self.loop_depth -= 1;
        result
    }

    fn run_raising_in_loop(&mut self, base: usize, mut thrown: Option<Value>) -> CallResult {
        if thrown.is_none() && self.rust_stack_exhausted() {
            // Raised inside the frame just pushed, so it unwinds like any other exception.
            thrown = Some(self.exception("RecursionError", "maximum recursion depth exceeded"));
        }
        loop {
            let result = match thrown.take() {
                Some(exception) => Err(exception),
                None => self.run_frames(base),
            };
            match result {
                Ok(value) => return Ok(value),
                // Switched out by the simulator: the frames stay as they are.
                Err(signal) if is_suspend(&signal) => return Err(signal),
                Err(exception) => {
                    // Unwind to the innermost handler at or above `base`.
                    let mut exception = exception;
                    loop {
                        let frame = self.frames.last_mut().expect("frames above base");
                        let at = frame.pc.saturating_sub(1);
                        let code = &frame.function.code;
                        let line = code.lines.get(at).copied().unwrap_or(0);
                        let position = code.positions.get(at).copied().unwrap_or_default();
                        // As CPython's `PyTraceBack_Here`: each frame the exception reaches,
                        // the one that handles it included, adds its line once.
                        if !std::mem::take(&mut self.reraising) {
                            add_traceback(
                                &exception,
                                &frame.function.code,
                                (line, position),
                                self.interp.version,
                            );
                        }
                        // Raised while this frame handles an exception, here or in a
                        // function it called from its `except` block: that one is the
                        // context, as CPython takes it from the thread's `exc_info`.
                        if let Some(previous) = frame.handling.last() {
                            set_context(&exception, previous);
                        }
                        // Killed: no handler runs, every frame unwinds.
                        let killed = self.eval_breaker.is_set(EvalBreaker::KILL);
                        if let Some(block) = frame.blocks.pop().filter(|_| !killed) {
                            frame.stack.truncate(block.stack_depth as usize);
                            frame.stack.push(exception.clone());
                            frame.handling.truncate(block.handling_depth as usize);
                            frame.handling.push(exception);
                            frame.pc = block.handler as usize;
                            break;
                        }
                        let mut finished = self.frames.pop().expect("checked above");
                        self.recycle(&mut finished);
                        self.depth -= 1;
                        if finished.kind == FrameKind::ForGenerator {
                            exception = self.generator_failed(exception);
                        }
                        if let (FrameKind::ExceptWith, Some(original)) =
                            (finished.kind, &finished.attached)
                        {
                            set_context(&exception, original);
                        }
                        if finished.kind == FrameKind::ForNext
                            && builtins::exception_is(self, &exception, "StopIteration")
                        {
                            // The iterator is exhausted: the loop ends, and runs on.
                            self.end_for_loop();
                            break;
                        }
                        if self.frames.len() == base {
                            return Err(exception);
                        }
                        // The caller's pending instruction is where the traceback points next.
                        let _ = &mut exception;
                    }
                }
            }
        }
    }

    fn run_frames(&mut self, base: usize) -> CallResult {
        loop {
            if self.sim.is_some() && simulate::tick() && self.loop_depth == 1 {
                // The slice is over: leave before this instruction, to run it on resumption.
                return Err(simulate_suspend());
            }
            let mut frame = self.frames.last_mut().expect("a frame is running");
            let pc = frame.pc;
            let code = &*frame.function.code;
            let op = code.ops[pc];
            if code.check_sites[pc] && self.eval_breaker.is_pending() {
                self.handle_pending()?;
                frame = self.frames.last_mut().expect("a frame is running");
            }
            frame.pc = pc + 1;
            match op {
                Op::LoadConst(index) => {
                    let value = frame.function.code.consts[index as usize].clone_fast();
                    frame.stack.push(value);
                }
                Op::LoadFast(index) => match &frame.locals[index as usize] {
                    Some(value) => {
                        let value = value.clone_fast();
                        frame.stack.push(value);
                    }
                    None => return Err(self.unbound_local(index)),
                },
                Op::LoadFastLoadConst(index) | Op::LoadFastLoadFast(index) => {
                    let Some(value) = &frame.locals[index as usize] else {
                        return Err(self.unbound_local(index));
                    };
                    let value = value.clone_fast();
                    frame.stack.push(value);
                    // The simulator counts instructions: there the second runs on its own.
                    if self.sim.is_some() {
                        continue;
                    }
                    let second = match frame.function.code.ops[pc + 1] {
                        Op::LoadConst(index) => {
                            frame.function.code.consts[index as usize].clone_fast()
                        }
                        Op::LoadFast(index) => match &frame.locals[index as usize] {
                            Some(value) => value.clone_fast(),
                            // It raises on its own, at its own position.
                            None => continue,
                        },
                        _ => unreachable!("fused with a load"),
                    };
                    frame.stack.push(second);
                    frame.pc = pc + 2;
                }
                Op::LoadFastLoadAttr(index) => {
                    let Some(local) = &frame.locals[index as usize] else {
                        return Err(self.unbound_local(index));
                    };
                    if self.sim.is_none() {
                        if let (Value::Instance(instance), Op::LoadAttr(name)) =
                            (local, frame.function.code.ops[pc + 1])
                        {
                            let code = &frame.function.code;
                            let hint = &code.attribute_hints[name as usize];
                            let name = &code.names[name as usize];
                            if let Some(value) =
                                own_attribute(&mut self.attribute_cache, instance, name, hint)
                            {
                                frame.stack.push(value);
                                frame.pc = pc + 2;
                                continue;
                            }
                        }
                    }
                    let value = local.clone_fast();
                    frame.stack.push(value);
                }
                Op::StoreFast(index) => {
                    let value = pop_value(&mut frame.stack);
                    if let Some(old) = frame.locals[index as usize].replace(value) {
                        old.drop_fast();
                    }
                }
                Op::DeleteFast(index) => frame.locals[index as usize] = None,
                Op::LoadDeref(index) => match cell_value(&frame.cells[index as usize]) {
                    Some(value) => frame.stack.push(value),
                    None => return Err(self.unbound_cell(index)),
                },
                Op::StoreDeref(index) => {
                    let value = frame.stack.pop().expect("stack");
                    let Value::Cell(cell) = &frame.cells[index as usize] else {
                        unreachable!("cells hold cells")
                    };
                    *lock(cell) = Some(value);
                }
                Op::DeleteDeref(index) => {
                    let Value::Cell(cell) = &frame.cells[index as usize] else {
                        unreachable!("cells hold cells")
                    };
                    if lock(cell).take().is_none() {
                        return Err(self.unbound_cell(index));
                    }
                }
                Op::LoadClosure(index) => {
                    let cell = frame.cells[index as usize].clone();
                    frame.stack.push(cell);
                }
                // In a body with a namespace of its own (a class's, `exec`'s locals), a name is
                // looked for there first; one declared `global` never is.
                Op::LoadName(index) if frame.namespace.is_some() => {
                    let value = self.load_global_uncached(index, true)?;
                    self.frames.last_mut().unwrap().stack.push(value);
                }
                Op::LoadGlobal(index) | Op::LoadName(index) => {
                    let (code, globals) = (&frame.function.code, &frame.function.globals);
                    let builtins = &self.interp.builtins;
                    if let Some(cached) = self.global_cache.get(code, index, globals, builtins) {
                        frame.stack.push(clone_global(cached));
                        continue;
                    }
                    let value = self.load_global_uncached(index, false)?;
                    self.frames.last_mut().unwrap().stack.push(value);
                }
                Op::StoreGlobal(index) | Op::StoreName(index) => {
                    let value = frame.stack.pop().expect("stack");
                    let Frame { function, namespace, .. } = frame;
                    let namespace = namespace.as_ref().filter(|_| matches!(op, Op::StoreName(_)));
                    let (code, globals) = (&function.code, &function.globals);
                    let name = &code.names[index as usize];
                    let target = namespace.unwrap_or(globals);
                    let mut entries = lock(&target.entries);
                    if namespace.is_none() {
                        let version = entries.version_after() + 1;
                        self.global_cache.stored(code, index, globals, version, &value);
                    }
                    if let Some((key, slot)) =
                        code.global_hint(index).and_then(|hint| entries.get_index_mut(hint))
                    {
                        if key_is(key, name) {
                            std::mem::replace(slot, value).drop_fast();
                            continue;
                        }
                    }
                    let (slot, _) = entries.insert_full(Key(Value::Str(name.clone())), value);
                    code.set_global_hint(index, slot);
                }
                Op::DeleteGlobal(index) | Op::DeleteName(index) => {
                    let name = frame.function.code.names[index as usize].clone();
                    let namespace =
                        frame.namespace.as_ref().filter(|_| matches!(op, Op::DeleteName(_)));
                    let target = namespace.unwrap_or(&frame.function.globals);
                    if lock(&target.entries).remove(&Key(Value::Str(name.clone()))).is_none() {
                        return Err(self.name_error(&name));
                    }
                }
                Op::LoadAttr(index) => self.load_attr(index)?,
                Op::LoadMethod(index) => self.load_method(index)?,
                Op::StoreAttr(index) => self.store_attr(index)?,
                Op::DeleteAttr(index) => {
                    let name = frame.function.code.names[index as usize].clone();
                    let object = frame.stack.pop().expect("stack");
                    builtins::delete_attribute(self, &object, &name)?;
                }
                Op::Subscript => self.subscript()?,
                Op::StoreSubscript => self.store_subscript()?,
                Op::DeleteSubscript => self.delete_subscript()?,
                Op::Binary(binary_op) | Op::Inplace(binary_op) => {
                    // The hot path: small ints that do not overflow, read in place (see
                    // `pop_int`), the result stored straight into the local that the next
                    // instruction would store it in (`n -= 1`).
                    if let [.., Value::Int(a), Value::Int(b)] = frame.stack.as_slice() {
                        if let Some(result) = ops::small_int_binary(binary_op, *a, *b) {
                            pop_int(&mut frame.stack);
                            match fusable_next(&frame.function.code, pc, self.sim.is_some()) {
                                Some(Op::StoreFast(index)) => {
                                    pop_int(&mut frame.stack);
                                    store_int(&mut frame.locals, index, result);
                                    frame.pc = pc + 2;
                                }
                                _ => {
                                    let top = frame.stack.last_mut().expect("checked");
                                    std::mem::forget(std::mem::replace(top, Value::Int(result)));
                                }
                            }
                            continue;
                        }
                    }
                    self.binary_from_loop(binary_op, matches!(op, Op::Inplace(_)))?;
                }
                Op::Negative | Op::Positive | Op::Invert => {
                    let value = frame.stack.pop().expect("stack");
                    let (symbol, dunder, word) = match op {
                        Op::Negative => ('-', "__neg__", "unary -"),
                        Op::Positive => ('+', "__pos__", "unary +"),
                        _ => ('~', "__invert__", "unary ~"),
                    };
                    let result = match ops::unary_number(symbol, &value) {
                        Some(result) => result,
                        None => match self.special_method(&value, dunder) {
                            Some(method) => self.call(&method, vec![], vec![])?,
                            None => {
                                return Err(self.exception(
                                    "TypeError",
                                    format!(
                                        "bad operand type for {word}: '{}'",
                                        ops::type_name(&value)
                                    ),
                                ))
                            }
                        },
                    };
                    self.frames.last_mut().unwrap().stack.push(result);
                }
                Op::Not => {
                    let value = frame.stack.pop().expect("stack");
                    let truth = self.truth(&value)?;
                    self.frames.last_mut().unwrap().stack.push(Value::Bool(!truth));
                }
                Op::Compare(op) => {
                    // Small ints, read in place; when a conditional jump follows, it jumps
                    // here, without a bool on the stack between them (as CPython 3.12+ does).
                    if let [.., Value::Int(a), Value::Int(b)] = frame.stack.as_slice() {
                        let result = op.holds(a, b);
                        pop_int(&mut frame.stack);
                        match fusable_next(&frame.function.code, pc, self.sim.is_some()) {
                            Some(
                                jump @ (Op::PopJumpIfFalse(target) | Op::PopJumpIfTrue(target)),
                            ) => {
                                pop_int(&mut frame.stack);
                                frame.pc = if result == matches!(jump, Op::PopJumpIfTrue(_)) {
                                    target as usize
                                } else {
                                    pc + 2
                                };
                            }
                            _ => {
                                let top = frame.stack.last_mut().expect("checked");
                                std::mem::forget(std::mem::replace(top, Value::Bool(result)));
                            }
                        }
                        continue;
                    }
                    self.compare_from_loop(op)?;
                }
                Op::Is(negate) => {
                    let right = frame.stack.pop().expect("stack");
                    let left = frame.stack.pop().expect("stack");
                    frame.stack.push(Value::Bool(left.is(&right) != negate));
                }
                Op::Contains(negate) => {
                    let container = frame.stack.pop().expect("stack");
                    let item = frame.stack.pop().expect("stack");
                    let found = builtins::contains(self, &container, &item)?;
                    self.frames.last_mut().unwrap().stack.push(Value::Bool(found != negate));
                }
                Op::Pop => {
                    match frame.stack.last() {
                        // Freed as it is popped, where CPython would finalize it: a coroutine
                        // dropped as it was made (`work()` without `await`) warns; a generator
                        // a `break` leaves inside a `try` or `with` is closed.
                        Some(Value::Generator(generator)) if Arc::strong_count(generator) == 1 => {
                            let generator = frame.stack.pop().expect("stack");
                            self.free_generator(generator)?;
                            continue;
                        }
                        // An async generator a `break` leaves: CPython's event loop closes it
                        // (its `finally` blocks run) once it is freed.
                        Some(Value::Instance(instance))
                            if Arc::strong_count(instance) == 1
                                && self
                                    .interp
                                    .async_generator_class
                                    .get()
                                    .is_some_and(|class| Arc::ptr_eq(class, &instance.class)) =>
                        {
                            let generator = frame.stack.pop().expect("stack");
                            if let Err(error) = self.finalize_async_generator(generator.clone()) {
                                self.unraisable(error, &generator)?;
                            }
                            continue;
                        }
                        _ => {}
                    }
                    frame.stack.pop();
                }
                Op::Dup => {
                    let top = frame.stack.last().expect("stack").clone();
                    frame.stack.push(top);
                }
                Op::Swap => {
                    let len = frame.stack.len();
                    frame.stack.swap(len - 1, len - 2);
                }
                Op::Rotate3 => {
                    let top = frame.stack.pop().expect("stack");
                    let len = frame.stack.len();
                    frame.stack.insert(len - 2, top);
                }
                Op::Jump(target) | Op::JumpBackward(target) => frame.pc = target as usize,
                Op::PopJumpIfFalse(target) | Op::PopJumpIfTrue(target) => {
                    let truth = match frame.stack.last() {
                        Some(&Value::Bool(b)) => {
                            pop_int(&mut frame.stack);
                            b
                        }
                        _ => {
                            let value = frame.stack.pop().expect("stack");
                            self.truth(&value)?
                        }
                    };
                    if truth == matches!(op, Op::PopJumpIfTrue(_)) {
                        self.frames.last_mut().unwrap().pc = target as usize;
                    }
                }
                Op::JumpIfFalseOrPop(target) | Op::JumpIfTrueOrPop(target) => {
                    let value = frame.stack.last().expect("stack").clone();
                    let truth = self.truth(&value)?;
                    let frame = self.frames.last_mut().unwrap();
                    if truth == matches!(op, Op::JumpIfTrueOrPop(_)) {
                        frame.pc = target as usize;
                    } else {
                        frame.stack.pop();
                    }
                }
                Op::GetIter => {
                    let iterable = frame.stack.pop().expect("stack");
                    let iterator = builtins::iterate(self, &iterable)?;
                    self.frames.last_mut().unwrap().stack.push(iterator);
                }
                Op::ForIter(target) => {
                    // The common loop, `for i in range(...)` over a range iterator only the loop
                    // holds, steps here, and stores `i` when a StoreFast follows: calling out to
                    // the general step was two fifths of a counting loop's time.
                    // So does a loop over a list or a tuple, until its end (which the general
                    // step marks): that step was nine tenths of `for x in items: pass`.
                    if let Some(Value::Iterator(state)) = frame.stack.last_mut() {
                        match Arc::get_mut(state).map(|unique| unique.get_mut()) {
                            Some(Ok(Iter::Range { next, stop, step })) => {
                                let value = *next;
                                if (*step > 0 && value < *stop) || (*step < 0 && value > *stop) {
                                    *next += *step;
                                    let code = &frame.function.code;
                                    match fusable_next(code, pc, self.sim.is_some()) {
                                        Some(Op::StoreFast(index)) => {
                                            store_int(&mut frame.locals, index, value);
                                            frame.pc = pc + 2;
                                        }
                                        _ => frame.stack.push(Value::Int(value)),
                                    }
                                    continue;
                                }
                            }
                            Some(Ok(Iter::Seq { items, index, .. })) => {
                                let item = match items {
                                    Value::List(list) => lock(&list.items).get(*index).cloned(),
                                    Value::Tuple(tuple) => tuple.get(*index).cloned(),
                                    // By bytes, as `step_iter` steps a string.
                                    Value::Str(text) => text[*index..].chars().next().map(|c| {
                                        *index += c.len_utf8() - 1;
                                        Value::Str(Text::of_char(c))
                                    }),
                                    _ => None,
                                };
                                if let Some(item) = item {
                                    *index += 1;
                                    let code = &frame.function.code;
                                    match fusable_next(code, pc, self.sim.is_some()) {
                                        Some(Op::StoreFast(index)) => {
                                            if let Some(old) =
                                                frame.locals[index as usize].replace(item)
                                            {
                                                old.drop_fast();
                                            }
                                            frame.pc = pc + 2;
                                        }
                                        _ => frame.stack.push(item),
                                    }
                                    continue;
                                }
                            }
                            // `for i, x in enumerate(items)` over a built-in iterator: stepped
                            // here, and when `i, x` unpack it at once, with no tuple made.
                            Some(Ok(Iter::Lazy(Lazy::Enumerate {
                                iterator: Value::Iterator(inner),
                                count: Value::Int(count),
                            }))) if self.sim.is_none() && *count < i64::MAX => {
                                match builtins::builtin_iter_next(inner) {
                                    Ok(IterStep::Item(item)) => {
                                        let number = Value::Int(*count);
                                        *count += 1;
                                        push_pair(frame, pc, number, item, false);
                                        continue;
                                    }
                                    Err(error) => return Err(self.op_error(error)),
                                    // The end, or a lazy iterator underneath: the general step.
                                    Ok(_) => {}
                                }
                            }
                            // A dict's keys, values or items (`for k, v in d.items()` unpacked
                            // with no tuple made), while the dict keeps its size; its end and
                            // its errors are the general step's.
                            Some(Ok(Iter::Dict { dict, part, used, remaining, position }))
                                if *remaining > 0 =>
                            {
                                let part = *part;
                                let found = {
                                    let entries = lock(&dict.entries);
                                    match entries.next_at(*position) {
                                        Some((at, key, value)) if entries.len() == *used => {
                                            *remaining -= 1;
                                            *position = at + 1;
                                            Some(match part {
                                                DictPart::Keys => (key.0.clone(), None),
                                                DictPart::Values => (value.clone(), None),
                                                DictPart::Items => {
                                                    (key.0.clone(), Some(value.clone()))
                                                }
                                            })
                                        }
                                        _ => None,
                                    }
                                };
                                if let Some((first, second)) = found {
                                    match second {
                                        None => frame.stack.push(first),
                                        Some(second) => {
                                            push_pair(frame, pc, first, second, self.sim.is_some())
                                        }
                                    }
                                    continue;
                                }
                            }
                            // `for a, b in zip(xs, ys)` over sequences or ranges, likewise.
                            Some(Ok(iter @ Iter::Lazy(Lazy::Zip(_)))) if self.sim.is_none() => {
                                let Iter::Lazy(Lazy::Zip(iterators)) = &*iter else {
                                    unreachable!("matched above")
                                };
                                if let [Value::Iterator(first), Value::Iterator(second)] =
                                    &iterators[..]
                                {
                                    if steps_plainly(first) && steps_plainly(second) {
                                        let a = builtins::builtin_iter_next(first);
                                        let b = match a {
                                            Ok(IterStep::Item(_)) => {
                                                builtins::builtin_iter_next(second)
                                            }
                                            _ => Ok(IterStep::Done),
                                        };
                                        match (a, b) {
                                            (Ok(IterStep::Item(a)), Ok(IterStep::Item(b))) => {
                                                push_pair(frame, pc, a, b, false)
                                            }
                                            // The shorter one ended (what the first gave is
                                            // dropped, as CPython's zip drops it).
                                            _ => {
                                                iter.exhaust();
                                                frame.stack.pop();
                                                frame.pc = target as usize;
                                            }
                                        }
                                        continue;
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    self.for_iter(target)?
                }
                op @ (Op::Call(_) | Op::CallMethod(_)) => {
                    let count = match op {
                        Op::CallMethod(count) => {
                            // Without an object, the None that stands for it goes.
                            let at = frame.stack.len() - count as usize - 1;
                            if frame.stack[at].is_none() {
                                frame.stack.remove(at);
                                count
                            } else {
                                count + 1
                            }
                        }
                        Op::Call(count) => count,
                        _ => unreachable!("matched above"),
                    };
                    if self.try_fast_call(count as usize)? {
                        continue;
                    }
                    let frame = self.frames.last_mut().expect("a frame is running");
                    let unpacked = unpack_bound_method(&mut frame.stack, count as usize) as u32;
                    if unpacked != count && self.try_fast_call(unpacked as usize)? {
                        continue;
                    }
                    let count = unpacked;
                    if count == 1 && self.sim.is_none() && self.try_one_arg_call()? {
                        continue;
                    }
                    if self.sim.is_none() && self.try_builtin_call(count as usize)? {
                        continue;
                    }
                    if self.try_fast_call_completed(count as usize)? {
                        continue;
                    }
                    let frame = self.frames.last_mut().expect("a frame is running");
                    let args = frame.stack.split_off(frame.stack.len() - count as usize);
                    let callable = frame.stack.pop().expect("stack");
                    self.call_from_loop(callable, args, Vec::new())?;
                }
                Op::CallKw(count) => {
                    let Some(Value::Tuple(names)) = frame.stack.pop() else {
                        unreachable!("kwnames tuple")
                    };
                    let count = unpack_bound_method(&mut frame.stack, count as usize);
                    let mut args = frame.stack.split_off(frame.stack.len() - count);
                    let values = args.split_off(args.len() - names.len());
                    let kwargs = names
                        .iter()
                        .zip(values)
                        .map(|(name, value)| match name {
                            Value::Str(name) => (name.clone(), value),
                            _ => unreachable!("keyword names are strings"),
                        })
                        .collect();
                    let callable = frame.stack.pop().expect("stack");
                    self.call_from_loop(callable, args, kwargs)?;
                }
                Op::CallEx => {
                    let kwargs = frame.stack.pop().expect("stack");
                    let args = frame.stack.pop().expect("stack");
                    let callable = frame.stack.pop().expect("stack");
                    let args = match args {
                        Value::Tuple(items) => items.to_vec(),
                        _ => unreachable!("CallEx takes a tuple"),
                    };
                    let kwargs = match kwargs {
                        Value::Dict(dict) => lock(&dict.entries)
                            .iter()
                            .map(|(k, v)| match &k.0 {
                                Value::Str(name) => Ok((name.clone(), v.clone())),
                                _ => Err(()),
                            })
                            .collect::<Result<Vec<_>, _>>()
                            .map_err(|_| self.exception("TypeError", "keywords must be strings"))?,
                        _ => unreachable!("CallEx takes a dict"),
                    };
                    self.call_from_loop(callable, args, kwargs)?;
                }
                Op::MakeFunction(flags) => {
                    let Some(Value::Str(qualname)) = frame.stack.pop() else {
                        unreachable!("qualname")
                    };
                    let Some(Value::Code(code)) = frame.stack.pop() else { unreachable!("code") };
                    let closure = pop_tuple_if(&mut frame.stack, flags & 4 != 0);
                    let annotations = if flags & 8 != 0 { frame.stack.pop() } else { None };
                    let kw_defaults = if flags & 2 != 0 {
                        match frame.stack.pop() {
                            Some(Value::Dict(dict)) => lock(&dict.entries)
                                .iter()
                                .filter_map(|(k, v)| match &k.0 {
                                    Value::Str(name) => Some((name.clone(), v.clone())),
                                    _ => None,
                                })
                                .collect(),
                            _ => unreachable!("keyword defaults dict"),
                        }
                    } else {
                        Vec::new()
                    };
                    let defaults = pop_tuple_if(&mut frame.stack, flags & 1 != 0);
                    let function = Function {
                        code,
                        globals: frame.function.globals.clone(),
                        defaults,
                        kw_defaults,
                        closure,
                        qualname,
                        attributes: Default::default(),
                        renamed: Default::default(),
                    };
                    if let Some(annotations) = annotations {
                        lock(&function.renamed).push(("__annotations__", annotations));
                    }
                    frame.stack.push(Value::Function(Arc::new(function)));
                }
                Op::BuildTuple(count) => {
                    let items = frame.stack.split_off(frame.stack.len() - count as usize);
                    frame.stack.push(Value::tuple(items));
                }
                Op::BuildList(count) => {
                    let items = frame.stack.split_off(frame.stack.len() - count as usize);
                    frame.stack.push(List::new(items));
                }
                Op::BuildSet(count) => {
                    let items = frame.stack.split_off(frame.stack.len() - count as usize);
                    let set = builtins::new_set(self, items)?;
                    self.frames.last_mut().unwrap().stack.push(set);
                }
                Op::BuildConstSet(index) => {
                    let constants = frame.function.code.consts[index as usize].clone();
                    let set = builtins::new_set_of_constants(self, &constants)?;
                    self.frames.last_mut().unwrap().stack.push(set);
                }
                Op::BuildDict(count) => {
                    let items = frame.stack.split_off(frame.stack.len() - 2 * count as usize);
                    let mut entries = crate::value::Map::default();
                    let mut items = items.into_iter();
                    while let (Some(key), Some(value)) = (items.next(), items.next()) {
                        let key = crate::keys::map_key(self, &entries, key)?;
                        entries.insert(key, value);
                    }
                    self.frames.last_mut().unwrap().stack.push(Dict::new(entries));
                }
                Op::BuildSlice => {
                    let step = frame.stack.pop().expect("stack");
                    let stop = frame.stack.pop().expect("stack");
                    let start = frame.stack.pop().expect("stack");
                    frame.stack.push(Value::Slice(Arc::new(Slice { start, stop, step })));
                }
                Op::BuildString(count) => {
                    let parts = frame.stack.split_off(frame.stack.len() - count as usize);
                    let mut text = String::new();
                    for part in parts {
                        if let Value::Str(s) = part {
                            text.push_str(&s);
                        }
                    }
                    frame.stack.push(Value::str(&text));
                }
                Op::FormatValue(flags) => {
                    let spec = if flags & 4 != 0 { frame.stack.pop() } else { None };
                    let value = frame.stack.pop().expect("stack");
                    let value = match flags & 3 {
                        1 => Value::str(&self.str_of(&value)?),
                        2 => Value::str(&self.repr_of(&value)?),
                        3 => Value::str(&builtins::ascii_of(self, &value)?),
                        _ => value,
                    };
                    let spec = match spec {
                        Some(Value::Str(spec)) => spec,
                        _ => Text::from(""),
                    };
                    let formatted = self.format(&value, &spec)?;
                    self.frames.last_mut().unwrap().stack.push(formatted);
                }
                Op::ListAppend(depth) => {
                    let item = frame.stack.pop().expect("stack");
                    let target = frame.stack[frame.stack.len() - depth as usize].clone();
                    let Value::List(list) = target else {
                        unreachable!("ListAppend targets a list")
                    };
                    lock(&list.items).push(item);
                }
                Op::SetAdd(depth) => {
                    let item = frame.stack.pop().expect("stack");
                    let Value::Set(set) = frame.stack[frame.stack.len() - depth as usize].clone()
                    else {
                        unreachable!("SetAdd targets a set")
                    };
                    builtins::set_add(self, &set, item)?;
                }
                Op::SetUpdate(depth) => {
                    let iterable = frame.stack.pop().expect("stack");
                    let Value::Set(set) = frame.stack[frame.stack.len() - depth as usize].clone()
                    else {
                        unreachable!("SetUpdate targets a set")
                    };
                    builtins::set_update(self, &set, &iterable)?;
                }
                Op::ListExtend(depth) => {
                    let iterable = frame.stack.pop().expect("stack");
                    let target = frame.stack[frame.stack.len() - depth as usize].clone();
                    let items = self.starred_items(&iterable, None)?;
                    if let Value::List(list) = target {
                        lock(&list.items).extend(items);
                    }
                }
                Op::ArgsToTuple => {
                    let iterable = frame.stack.pop().expect("stack");
                    let callable = frame.stack.last().expect("stack").clone();
                    let items = match iterable {
                        Value::Tuple(_) => iterable,
                        other => Value::tuple(self.starred_items(&other, Some(&callable))?),
                    };
                    self.frames.last_mut().unwrap().stack.push(items);
                }
                Op::KwargsMerge => {
                    let other = frame.stack.pop().expect("stack");
                    let callable = frame.stack[frame.stack.len() - 3].clone();
                    let Value::Dict(dict) = frame.stack[frame.stack.len() - 1].clone() else {
                        unreachable!("KwargsMerge targets a dict")
                    };
                    self.merge_kwargs(&callable, &dict, other)?;
                }
                Op::ListToTuple => {
                    let Some(Value::List(list)) = frame.stack.pop() else { unreachable!("a list") };
                    let items = lock(&list.items).clone();
                    frame.stack.push(Value::tuple(items));
                }
                Op::DictSet(depth) => {
                    let value = frame.stack.pop().expect("stack");
                    let key = frame.stack.pop().expect("stack");
                    let Value::Dict(dict) = frame.stack[frame.stack.len() - depth as usize].clone()
                    else {
                        unreachable!("DictSet targets a dict")
                    };
                    let key = crate::keys::dict_key(self, &dict, key)?;
                    lock(&dict.entries).insert(key, value);
                }
                Op::DictUpdate(depth) => {
                    let other = frame.stack.pop().expect("stack");
                    let Value::Dict(dict) = frame.stack[frame.stack.len() - depth as usize].clone()
                    else {
                        unreachable!("DictUpdate targets a dict")
                    };
                    let Value::Dict(other) = other.builtin_base() else {
                        return Err(self.exception(
                            "TypeError",
                            format!("'{}' object is not a mapping", ops::type_name(&other)),
                        ));
                    };
                    let entries = lock(&other.entries).clone();
                    crate::keys::merge(self, &dict, entries)?;
                }
                Op::Unpack(count) => {
                    let sequence = frame.stack.pop().expect("stack");
                    let items = self.unpacked(&sequence)?;
                    if items.len() != count as usize {
                        let message = if items.len() > count as usize {
                            format!("too many values to unpack (expected {count})")
                        } else {
                            format!(
                                "not enough values to unpack (expected {count}, got {})",
                                items.len()
                            )
                        };
                        return Err(self.exception("ValueError", message));
                    }
                    let frame = self.frames.last_mut().unwrap();
                    frame.stack.extend(items.into_iter().rev());
                }
                Op::UnpackEx(before, after) => {
                    let sequence = frame.stack.pop().expect("stack");
                    let mut items = self.unpacked(&sequence)?;
                    let (before, after) = (before as usize, after as usize);
                    if items.len() < before + after {
                        return Err(self.exception(
                            "ValueError",
                            format!(
                                "not enough values to unpack (expected at least {}, got {})",
                                before + after,
                                items.len()
                            ),
                        ));
                    }
                    let tail = items.split_off(items.len() - after);
                    let middle = items.split_off(before);
                    let frame = self.frames.last_mut().unwrap();
                    frame.stack.extend(tail.into_iter().rev());
                    frame.stack.push(List::new(middle));
                    frame.stack.extend(items.into_iter().rev());
                }
                Op::Return => {
                    let value = pop_value(&mut frame.stack);
                    if frame.kind == FrameKind::Function && frame.attached.is_none() {
                        // The common return, in place: moving the whole frame out of the
                        // vector to drop it cost a memcpy and a stalled read.
                        let stack = std::mem::take(&mut frame.stack);
                        let locals = std::mem::take(&mut frame.locals);
                        self.recycle_vecs(stack, locals);
                        self.depth -= 1;
                        self.frames.truncate(self.frames.len() - 1);
                        if self.frames.len() == base {
                            return Ok(value);
                        }
                        self.frames.last_mut().unwrap().stack.push(value);
                        continue;
                    }
                    let mut finished = self.frames.pop().expect("a frame is running");
                    self.depth -= 1;
                    if let Some(generator) = finished.take_generator() {
                        *lock(&generator.return_value) = value.clone();
                        generator.finish();
                        self.generator_yielded = false;
                    } else if finished.kind == FrameKind::ForGenerator {
                        let generator = self.for_loop_generator();
                        *lock(&generator.return_value) = value.clone();
                        generator.finish();
                        self.generator_yielded = false;
                    }
                    let unawaited = take_unawaited_coroutines(&mut finished);
                    self.recycle(&mut finished);
                    for coroutine in unawaited {
                        self.free_generator(coroutine)?;
                    }
                    if finished.kind == FrameKind::Discard {
                        continue;
                    }
                    if finished.kind == FrameKind::ExceptWith {
                        self.exit_returned(finished.attached.take(), &value)?;
                        continue;
                    }
                    if finished.kind == FrameKind::ForGenerator {
                        // The generator is exhausted: the loop ends.
                        self.end_for_loop();
                        continue;
                    }
                    let value = match finished.kind {
                        FrameKind::Function
                        | FrameKind::ForGenerator
                        | FrameKind::Discard
                        | FrameKind::ExceptWith
                        | FrameKind::ForNext => value,
                        FrameKind::ClassBody => {
                            let namespace = finished.namespace.expect("class bodies have one");
                            // The `__class__` cell goes to BuildClass, which fills it in.
                            if let Some(index) = finished
                                .function
                                .code
                                .cell_names
                                .iter()
                                .position(|n| &**n == "__class__")
                            {
                                lock(&namespace.entries).insert(
                                    Key(Value::str("__classcell__")),
                                    finished.cells[index].clone(),
                                );
                            }
                            Value::Dict(namespace)
                        }
                        FrameKind::Init => {
                            if !value.is_none() {
                                return Err(self.exception(
                                    "TypeError",
                                    format!(
                                        "__init__() should return None, not '{}'",
                                        ops::type_name(&value)
                                    ),
                                ));
                            }
                            finished.attached.expect("init frames carry their instance")
                        }
                        FrameKind::Operator(operator)
                            if builtins::is_not_implemented(self, &value) =>
                        {
                            self.operator_not_implemented(operator, finished.attached.take())?
                        }
                        FrameKind::Operator(_) => value,
                        FrameKind::Enter => {
                            let exit = finished.attached.take().expect("enter frames carry it");
                            self.frames
                                .last_mut()
                                .expect("the with statement's frame")
                                .stack
                                .push(exit);
                            value
                        }
                    };
                    if self.frames.len() == base {
                        return Ok(value);
                    }
                    self.frames.last_mut().unwrap().stack.push(value);
                }
                Op::YieldValue => {
                    let value = frame.stack.pop().expect("stack");
                    let for_loop = frame.kind == FrameKind::ForGenerator;
                    self.suspend(true);
                    if for_loop {
                        self.frames.last_mut().expect("the for loop's frame").stack.push(value);
                        continue;
                    }
                    if self.frames.len() == base {
                        return Ok(value);
                    }
                    unreachable!("generators are resumed only through resume_generator");
                }
                Op::YieldFrom => {
                    // (iterator sent): the compiler pushes None before the first round; each
                    // resumption pushes what was sent, which goes on to the sub-generator.
                    let sent = frame.stack.pop().expect("stack");
                    let iterator = frame.stack.last().expect("stack").clone();
                    match self.yield_from_step(&iterator, sent)? {
                        Some(value) => {
                            // Run this instruction again on resumption, for the next item.
                            let frame = self.frames.last_mut().unwrap();
                            frame.pc = pc;
                            let for_loop = frame.kind == FrameKind::ForGenerator;
                            self.suspend(true);
                            if for_loop {
                                self.frames.last_mut().expect("the for loop").stack.push(value);
                                continue;
                            }
                            if self.frames.len() == base {
                                return Ok(value);
                            }
                            unreachable!("generators are resumed only through resume_generator");
                        }
                        None => {
                            let result = match &iterator {
                                Value::Generator(generator) => {
                                    lock(&generator.return_value).clone()
                                }
                                _ => Value::None,
                            };
                            let frame = self.frames.last_mut().unwrap();
                            frame.stack.pop();
                            frame.stack.push(result);
                        }
                    }
                }
                Op::Raise(kind) => {
                    let exception = match kind {
                        0 => match frame.handling.last() {
                            Some(current) => {
                                self.reraising = true;
                                current.clone()
                            }
                            None => {
                                return Err(self
                                    .exception("RuntimeError", "No active exception to reraise"))
                            }
                        },
                        1 => {
                            let exc = frame.stack.pop().expect("stack");
                            self.make_exception(exc)?
                        }
                        _ => {
                            let cause = frame.stack.pop().expect("stack");
                            let exc = frame.stack.pop().expect("stack");
                            let exc = self.make_exception(exc)?;
                            let cause =
                                if cause.is_none() { cause } else { self.make_exception(cause)? };
                            if let Some(instance) = exc.as_instance() {
                                instance.set(Text::from("__cause__"), cause);
                                instance.set(Text::from("__suppress_context__"), Value::Bool(true));
                            }
                            exc
                        }
                    };
                    if kind != 0 {
                        if let Some(previous) = self.frames.last().unwrap().handling.last() {
                            set_context(&exception, previous);
                        }
                    }
                    return Err(exception);
                }
                Op::SetupExcept(handler) => {
                    frame.blocks.push(Block {
                        handler,
                        stack_depth: frame.stack.len() as u32,
                        handling_depth: frame.handling.len() as u32,
                    });
                }
                Op::PopBlock => {
                    frame.blocks.pop();
                }
                Op::ExceptionMatches => {
                    let class = frame.stack.pop().expect("stack");
                    let exception = frame.stack.last().expect("stack").clone();
                    let matches = builtins::exception_matches(self, &exception, &class)?;
                    self.frames.last_mut().unwrap().stack.push(Value::Bool(matches));
                }
                Op::PopExcept => {
                    frame.handling.pop();
                }
                Op::Reraise => {
                    let exception = frame.stack.pop().expect("stack");
                    frame.handling.pop();
                    self.reraising = true;
                    return Err(exception);
                }
                Op::BeforeWith => {
                    let manager = frame.stack.pop().expect("stack");
                    let protocol = |thread: &mut Thread, name: &str| match builtins::get_attribute(
                        thread, &manager, name,
                    ) {
                        Ok(method) => Ok(method),
                        // 3.11 made a missing method a TypeError; before, AttributeError.
                        Err(_) if thread.interp.version >= crate::version::PythonVersion::V3_11 => {
                            Err(thread.exception(
                                "TypeError",
                                format!(
                                    "'{}' object does not support the context manager protocol",
                                    ops::type_name(&manager)
                                ),
                            ))
                        }
                        Err(_) => Err(thread.exception("AttributeError", name)),
                    };
                    let enter = protocol(self, "__enter__")?;
                    let exit = protocol(self, "__exit__")?;
                    self.enter_context_or_rewind(pc, manager, &enter, exit)?;
                }
                Op::GetAwaitable => {
                    let object = frame.stack.pop().expect("stack");
                    let awaitable = self.awaitable(object)?;
                    self.frames.last_mut().unwrap().stack.push(awaitable);
                }
                Op::PushExcInfo => {
                    let exception = frame.stack.pop().expect("stack");
                    frame.handling.push(exception);
                }
                Op::ExceptStarMatch => {
                    let class = frame.stack.pop().expect("stack");
                    let rest = frame.stack.pop().expect("stack");
                    let split =
                        self.exception_group_helper("_except_star_match", vec![rest, class])?;
                    let Value::Tuple(split) = split.clone() else {
                        let message =
                            format!("except* got {} from its split", ops::type_name(&split));
                        return Err(self.exception("SystemError", message));
                    };
                    let [rest, matched] = &split[..] else {
                        return Err(self.exception("SystemError", "except* got no pair"));
                    };
                    let (rest, matched) = (rest.clone(), matched.clone());
                    let is_match = !matches!(matched, Value::None);
                    let stack = &mut self.frames.last_mut().unwrap().stack;
                    stack.extend([rest, matched, Value::Bool(is_match)]);
                }
                Op::PrepReraiseStar => {
                    let rest = frame.stack.pop().expect("stack");
                    let raised = frame.stack.pop().expect("stack");
                    let orig = frame.stack.pop().expect("stack");
                    let args = vec![orig, raised, rest];
                    let result = self.exception_group_helper("_prep_reraise_star", args)?;
                    let is_exception = !matches!(result, Value::None);
                    let stack = &mut self.frames.last_mut().unwrap().stack;
                    stack.extend([result, Value::Bool(is_exception)]);
                }
                Op::GetAIter => {
                    let object = frame.stack.pop().expect("stack");
                    let iterator = self.async_iterator(object)?;
                    self.frames.last_mut().unwrap().stack.push(iterator);
                }
                Op::GetANext => {
                    let iterator = frame.stack.last().expect("stack").clone();
                    let awaitable = self.async_next(&iterator)?;
                    self.frames.last_mut().unwrap().stack.push(awaitable);
                }
                Op::EndAsyncFor => {
                    let exception = frame.stack.pop().expect("stack");
                    frame.handling.pop();
                    if !builtins::exception_is(self, &exception, "StopAsyncIteration") {
                        self.reraising = true;
                        return Err(exception);
                    }
                    self.frames.last_mut().unwrap().stack.pop();
                }
                Op::AsyncGenWrap => {
                    let value = frame.stack.pop().expect("stack");
                    frame.stack.push(crate::value::Native::new(&ASYNC_GEN_WRAPPED, value));
                }
                Op::BeforeAsyncWith => {
                    let manager = frame.stack.pop().expect("stack");
                    let method = |thread: &mut Thread, name: &str| {
                        builtins::get_attribute(thread, &manager, name).map_err(|_| {
                            thread.exception(
                                "TypeError",
                                format!(
                                    "'{}' object does not support the asynchronous context \
                                     manager protocol",
                                    ops::type_name(&manager)
                                ),
                            )
                        })
                    };
                    let enter = method(self, "__aenter__")?;
                    let exit = method(self, "__aexit__")?;
                    self.enter_context_or_rewind(pc, manager, &enter, exit)?;
                }
                Op::CallAsyncExit => {
                    let exit = frame.stack.pop().expect("stack");
                    let awaitable =
                        self.call(&exit, vec![Value::None, Value::None, Value::None], vec![])?;
                    self.frames.last_mut().unwrap().stack.push(awaitable);
                }
                Op::CallAsyncExitWithException => {
                    let exception = frame.stack.pop().expect("stack");
                    let exit = frame.stack.pop().expect("stack");
                    let awaitable = self.call_exit_with(&exit, &exception)?;
                    let frame = self.frames.last_mut().unwrap();
                    frame.stack.push(exception);
                    frame.stack.push(awaitable);
                }
                Op::ReraiseUnlessSuppressed => {
                    let suppress = frame.stack.pop().expect("stack");
                    let exception = frame.stack.pop().expect("stack");
                    frame.handling.pop();
                    if !self.truth(&suppress)? {
                        self.reraising = true;
                        return Err(exception);
                    }
                }
                Op::ExitWith => {
                    let exit = frame.stack.pop().expect("stack");
                    self.call_from_loop(exit, vec![Value::None, Value::None, Value::None], vec![])?;
                }
                Op::ExceptWith => self.except_with()?,
                Op::ImportName(index) => {
                    let name = frame.function.code.names[index as usize].clone();
                    let module = builtins::import(self, &name)?;
                    self.frames.last_mut().unwrap().stack.push(module);
                }
                Op::ImportFrom(index) => {
                    let name = frame.function.code.names[index as usize].clone();
                    let module = frame.stack.last().expect("stack").clone();
                    let value = self.import_from(&module, &name)?;
                    self.frames.last_mut().unwrap().stack.push(value);
                }
                Op::BuildClass(base_count) => self.build_class(base_count, false)?,
                Op::BuildClassWithMetaclass(base_count) => self.build_class(base_count, true)?,
                Op::Nop | Op::Resume => {}
            }
        }
    }

    /// Parks the running generator frame back in its generator.
    fn suspend(&mut self, push_sent: bool) {
        let mut frame = self.frames.pop().expect("a generator frame is running");
        self.depth -= 1;
        if frame.kind == FrameKind::ForGenerator {
            frame.kind = FrameKind::Function;
            let boxed = self.boxed(frame);
            self.for_loop_generator().park(boxed, push_sent);
        } else {
            let generator = frame.take_generator().expect("only generator frames yield");
            generator.park(self.boxed(frame), push_sent);
        }
        self.generator_yielded = true;
    }

    /// A suspended generator's frame, marking it running; `None` if it has finished. A
    /// generator that is running already cannot be resumed again (it called itself).
    fn take_suspended(&self, generator: &Generator) -> Result<Option<(FrameBox, bool)>, Value> {
        generator.take_frame().map_err(|()| self.already_executing())
    }

    fn already_executing(&self) -> Value {
        self.exception("ValueError", "generator already executing")
    }

    /// `ForIter`: the loop's next item on the stack, or the iterator popped and a jump to
    /// `target`. Out of line: in the eval loop's body it slowed unrelated instructions.
    #[inline(never)]
    fn for_iter(&mut self, target: u32) -> Result<(), Value> {
        let frame = self.frames.last_mut().expect("a frame is running");
        if let Some(Value::Generator(generator)) = frame.stack.last() {
            if !generator.is_coroutine {
                match generator.take_frame() {
                    Ok(Some((frame, push_sent))) => self.enter_generator_for(frame, push_sent)?,
                    Ok(None) => {
                        frame.stack.pop();
                        frame.pc = target as usize;
                    }
                    Err(()) => return Err(self.already_executing()),
                }
                return Ok(());
            }
        }
        // Built-in iterators step in place: no reference to count up and down.
        let mut lazy = None;
        if let Some(Value::Iterator(state)) = frame.stack.last_mut() {
            let step = match Arc::get_mut(state) {
                Some(unique) => {
                    builtins::step_iter(unique.get_mut().unwrap_or_else(|e| e.into_inner()))
                }
                None => builtins::builtin_iter_next(state),
            };
            match step {
                Ok(IterStep::Item(item)) => {
                    frame.stack.push(item);
                    return Ok(());
                }
                Ok(IterStep::Done) => {
                    frame.stack.pop();
                    frame.pc = target as usize;
                    return Ok(());
                }
                Ok(IterStep::Lazy(step)) => lazy = Some((state.clone(), step)),
                Err(error) => return Err(self.op_error(error)),
            }
        }
        let item = match lazy {
            Some((state, step)) => builtins::lazy_next(self, &state, step)?,
            None => {
                let iterator = frame.stack.last().expect("stack").clone();
                if self.sim.is_some() && self.loop_depth == 1 {
                    if let Some(Some(method)) = operator_method(&iterator, "__next__") {
                        let frame = self.function_frame(
                            &method,
                            vec![iterator],
                            vec![],
                            FrameKind::ForNext,
                        )?;
                        return self.push_frame(frame);
                    }
                }
                builtins::next(self, &iterator)?
            }
        };
        let frame = self.frames.last_mut().unwrap();
        match item {
            Some(item) => frame.stack.push(item),
            None => {
                frame.stack.pop();
                frame.pc = target as usize;
            }
        }
        Ok(())
    }

    /// The `for` loop of the innermost frame, whose `ForIter` ran last, has run out (its
    /// generator returned, or its `__next__` raised StopIteration): its iterator goes, and
    /// the loop jumps past its end.
    fn end_for_loop(&mut self) {
        let frame = self.frames.last_mut().expect("the for loop's frame");
        let Op::ForIter(target) = frame.function.code.ops[frame.pc - 1] else {
            unreachable!("only ForIter runs a generator or __next__ as a frame")
        };
        frame.stack.pop();
        frame.pc = target as usize;
    }

    /// A `for` loop's next round over a generator: pushes the generator's frame to run in this
    /// eval loop (true), or finds it exhausted (false). As [`Thread::resume`], without nesting.
    fn enter_generator_for(&mut self, boxed: FrameBox, push_sent: bool) -> Result<(), Value> {
        let mut frame = self.unboxed(boxed);
        if push_sent {
            frame.stack.push(Value::None);
        }
        if self.depth >= self.interp.recursion_limit() {
            self.for_loop_generator().finish();
            return Err(self.exception("RecursionError", "maximum recursion depth exceeded"));
        }
        // No reference of its own: the loop's stack holds the generator (`for_loop_generator`),
        // which saves counting one up and down each round.
        frame.kind = FrameKind::ForGenerator;
        self.push_frame(frame).expect("below the recursion limit");
        Ok(())
    }

    /// The generator whose `ForGenerator` frame just left: the iterator atop the stack of the
    /// `for` loop that runs it, now the innermost frame.
    fn for_loop_generator(&self) -> &Generator {
        match self.frames.last().and_then(|frame| frame.stack.last()) {
            Some(Value::Generator(generator)) => generator,
            _ => unreachable!("a for loop's generator is atop its stack"),
        }
    }

    /// One step of `yield from`: the sub-iterator's next item, or None when it is done. A value
    /// sent to the outer generator goes to the sub-generator.
    fn yield_from_step(&mut self, iterator: &Value, sent: Value) -> Result<Option<Value>, Value> {
        match iterator {
            Value::Generator(generator) => self.send_to_generator(generator, sent),
            other => builtins::next(self, other),
        }
    }

    /// `with` and `async with`: calls the manager's enter method and leaves `exit` then what
    /// `enter` returned (for `async with`, an awaitable) on the stack.
    /// Calls `__enter__`: a Python method runs as a frame of this loop (an `Enter` frame,
    /// which leaves `exit` under its result), a built-in runs now. If the built-in has to wait
    /// in simulated mode (`with lock:`), the instruction at `pc` is set to run again, with
    /// `manager` back on the stack.
    fn enter_context_or_rewind(
        &mut self,
        pc: usize,
        manager: Value,
        enter: &Value,
        exit: Value,
    ) -> Result<(), Value> {
        let python_method = matches!(enter, Value::Method(m) if matches!(&m.function, Value::Function(f) if !f.code.is_generator));
        if python_method {
            if let Called::Pushed = self.call_value(enter.clone(), vec![], vec![])? {
                let frame = self.frames.last_mut().expect("just pushed");
                frame.kind = FrameKind::Enter;
                frame.attached = Some(exit);
                return Ok(());
            }
            unreachable!("a Python method pushes a frame");
        }
        let can_suspend = self.sim.is_some() && self.loop_depth == 1;
        let saved = std::mem::replace(&mut self.call_can_suspend, can_suspend);
        let entered = self.call(enter, vec![], vec![]);
        self.call_can_suspend = saved;
        let entered = match entered {
            Err(signal) if is_suspend(&signal) => {
                let frame = self.frames.last_mut().expect("a frame is running");
                frame.stack.push(manager);
                frame.pc = pc;
                return Err(signal);
            }
            entered => {
                // Done waiting, however `__enter__` got there: a retried wait may succeed
                // before it waits (a lock's fast path), and a deadline it set must not
                // outlive it into the block's next wait (a sleep would wait forever).
                self.sim_deadline = None;
                entered?
            }
        };
        let frame = self.frames.last_mut().expect("a frame is running");
        frame.stack.push(exit);
        frame.stack.push(entered);
        Ok(())
    }

    /// `__exit__(type, exception, traceback)` (or `__aexit__`) for an exception leaving the
    /// block.
    fn call_exit_with(&mut self, exit: &Value, exception: &Value) -> CallResult {
        self.call(exit, exit_arguments(exception), vec![])
    }

    /// Simulated mode: `ExceptWith` with an `__exit__` written in Python runs it as a frame of
    /// this loop (see [`FrameKind::ExceptWith`]); false when it is of another kind.
    fn push_exit_with(&mut self, exit: &Value, exception: &Value) -> Result<bool, Value> {
        let Value::Method(method) = exit else { return Ok(false) };
        let Value::Function(function) = &method.function else { return Ok(false) };
        if function.code.is_generator {
            return Ok(false);
        }
        let mut args = exit_arguments(exception);
        args.insert(0, method.receiver.clone());
        let mut frame = self.function_frame(function, args, Vec::new(), FrameKind::ExceptWith)?;
        frame.attached = Some(exception.clone());
        self.push_frame(frame)?;
        Ok(true)
    }

    /// Calls `name` of `stdlib/_exceptiongroup.py`, which does the work of `except*`.
    #[inline(never)]
    fn exception_group_helper(&mut self, name: &str, args: Vec<Value>) -> CallResult {
        let module = builtins::import(self, "_exceptiongroup")?;
        let helper = builtins::get_attribute(self, &module, name)?;
        self.call(&helper, args, vec![])
    }

    /// An error of a hook that runs as an object is freed: CPython prints it as "Exception
    /// ignored in" and goes on. A stop is not ignored.
    #[inline(never)]
    fn unraisable(&mut self, error: Value, object: &Value) -> Result<(), Value> {
        if self.stop_requested() {
            return Err(error);
        }
        let what = self.repr_of(object).unwrap_or_else(|_| "<object>".into());
        let report = crate::traceback::format_unraisable(self, None, &what, &error);
        self.interp.host.write_stderr(&report);
        Ok(())
    }

    /// CPython's "coroutine '...' was never awaited" RuntimeWarning, through the `warnings`
    /// filters, for a coroutine about to be freed without having run.
    #[inline(never)]
    fn warn_if_never_awaited(&mut self, coroutine: Value) -> Result<(), Value> {
        let Value::Generator(generator) = &coroutine else { return Ok(()) };
        if !generator.never_started() {
            return Ok(());
        }
        let module = builtins::import(self, "warnings")?;
        let warn = builtins::get_attribute(self, &module, "_warn_unawaited_coroutine")?;
        self.call(&warn, vec![coroutine], vec![])?;
        Ok(())
    }

    /// `async for`'s `__aiter__()` of `object`.
    #[inline(never)]
    fn async_iterator(&mut self, object: Value) -> CallResult {
        let Some(method) = self.special_method(&object, "__aiter__") else {
            let message = format!(
                "'async for' requires an object with __aiter__ method, got {}",
                ops::type_name(&object)
            );
            return Err(self.exception("TypeError", message));
        };
        self.call(&method, vec![], vec![])
    }

    /// `async for`'s `__anext__()` of `iterator`, which must give something to await.
    #[inline(never)]
    fn async_next(&mut self, iterator: &Value) -> CallResult {
        let Some(method) = self.special_method(iterator, "__anext__") else {
            let message = format!(
                "'async for' received an object from __aiter__ that does not implement \
                 __anext__: {}",
                ops::type_name(iterator)
            );
            return Err(self.exception("TypeError", message));
        };
        let awaitable = self.call(&method, vec![], vec![])?;
        let is_awaitable = match &awaitable {
            Value::Generator(generator) => generator.is_coroutine,
            Value::Instance(_) => self.special_method(&awaitable, "__await__").is_some(),
            _ => false,
        };
        if !is_awaitable {
            let message = format!(
                "'async for' received an invalid object from __anext__: {}",
                ops::type_name(&awaitable)
            );
            return Err(self.exception("TypeError", message));
        }
        Ok(awaitable)
    }

    /// An async generator, made of the generator that runs its body (see
    /// `stdlib/_gilpy_asyncgen.py`, which drives it).
    #[inline(never)]
    fn async_generator(&mut self, generator: Value) -> CallResult {
        let module = builtins::import(self, "_gilpy_asyncgen")?;
        let class = builtins::get_attribute(self, &module, "async_generator")?;
        if let Value::Class(class) = &class {
            let _ = self.interp.async_generator_class.set(class.clone());
        }
        self.call(&class, vec![generator], vec![])
    }

    /// What CPython does as it frees a generator or coroutine nothing else holds: a coroutine
    /// that never ran warns it was never awaited; a generator stopped at a `yield` inside a
    /// `try` or `with` is closed (`_PyGen_Finalize`), so its `finally` and `__exit__` run. What
    /// goes wrong is printed as an error in a finalizer ("Exception ignored in").
    #[inline(never)]
    fn free_generator(&mut self, value: Value) -> Result<(), Value> {
        let Value::Generator(generator) = &value else { return Ok(()) };
        let result = if generator.is_coroutine {
            self.warn_if_never_awaited(value.clone())
        } else if generator.with_suspended(|frame| frame.pc != 0 && !frame.blocks.is_empty())
            == Some(true)
        {
            crate::methods::generator_close(self, vec![value.clone()], vec![]).map(drop)
        } else {
            Ok(())
        };
        if let Err(error) = result {
            self.unraisable(error, &value)?;
        }
        Ok(())
    }

    /// An async generator dropped while suspended: `_gilpy_asyncgen._finalize` has the running
    /// event loop close it, as CPython's finalizer hook does.
    #[inline(never)]
    fn finalize_async_generator(&mut self, generator: Value) -> Result<(), Value> {
        let module = builtins::import(self, "_gilpy_asyncgen")?;
        let finalize = builtins::get_attribute(self, &module, "_finalize")?;
        self.call(&finalize, vec![generator], vec![])?;
        Ok(())
    }

    /// What `await object` drives: a coroutine itself, else the iterator `__await__` returns.
    fn awaitable(&mut self, object: Value) -> CallResult {
        if let Value::Generator(generator) = &object {
            if generator.is_coroutine {
                if generator.finished.load(Acquire) {
                    let message = "cannot reuse already awaited coroutine";
                    return Err(self.exception("RuntimeError", message));
                }
                return Ok(object);
            }
        }
        let cannot = |thread: &Thread, object: &Value| {
            thread.exception(
                "TypeError",
                format!("object {} can't be used in 'await' expression", ops::type_name(object)),
            )
        };
        if !matches!(object, Value::Instance(_)) {
            return Err(cannot(self, &object));
        }
        let Some(method) = self.special_method(&object, "__await__") else {
            return Err(cannot(self, &object));
        };
        let iterator = self.call(&method, vec![], vec![])?;
        match &iterator {
            Value::Generator(generator) if !generator.is_coroutine => Ok(iterator),
            Value::Iterator(_) => Ok(iterator),
            other => Err(self.exception(
                "TypeError",
                format!("__await__() returned non-iterator of type '{}'", ops::type_name(other)),
            )),
        }
    }

    /// Runs a generator until it yields (`Some`) or ends (`None`).
    pub fn resume_generator(&mut self, generator: &Arc<Generator>) -> Result<Option<Value>, Value> {
        self.send_to_generator(generator, Value::None)
    }

    /// The value `send` gives to a generator that just started must be None, as in CPython.
    pub fn send_to_generator(
        &mut self,
        generator: &Arc<Generator>,
        sent: Value,
    ) -> Result<Option<Value>, Value> {
        self.resume(generator, Ok(sent))
    }

    /// `generator.throw(exception)`: raises it where the generator is suspended; inside a
    /// `yield from` (or `await`), in the innermost generator first.
    pub fn throw_into_generator(
        &mut self,
        generator: &Arc<Generator>,
        exception: Value,
    ) -> Result<Option<Value>, Value> {
        self.resume(generator, Err(exception))
    }

    /// Resumes a generator with a value sent to it, or an exception thrown into it.
    fn resume(
        &mut self,
        generator: &Arc<Generator>,
        input: Result<Value, Value>,
    ) -> Result<Option<Value>, Value> {
        let Some((boxed, push_sent)) = self.take_suspended(generator)? else {
            return match input {
                Ok(_) => Ok(None),
                Err(exception) => Err(exception),
            };
        };
        let mut frame = self.unboxed(boxed);
        let mut thrown = None;
        match input {
            Ok(sent) if push_sent => frame.stack.push(sent),
            Ok(sent) => {
                if !sent.is_none() && frame.pc == 0 {
                    generator.park(self.boxed(frame), push_sent);
                    return Err(self.exception(
                        "TypeError",
                        "can't send non-None value to a just-started generator",
                    ));
                }
            }
            Err(exception)
                if frame.pc > 0 && matches!(frame.function.code.ops[frame.pc], Op::YieldFrom) =>
            {
                // Suspended in `yield from`: the delegate gets the exception first.
                let delegate = frame.stack.last().expect("the delegate").clone();
                let outcome = match &delegate {
                    Value::Generator(inner) => self.throw_into_generator(inner, exception),
                    _ => Err(exception),
                };
                match outcome {
                    Ok(Some(value)) => {
                        generator.park(self.boxed(frame), push_sent);
                        return Ok(Some(value));
                    }
                    Ok(None) => {
                        // The delegate returned: its value is the `yield from`'s, and on we go.
                        let result = match &delegate {
                            Value::Generator(inner) => lock(&inner.return_value).clone(),
                            _ => Value::None,
                        };
                        frame.stack.pop();
                        frame.stack.push(result);
                        frame.pc += 1;
                    }
                    Err(error) => {
                        frame.stack.pop();
                        thrown = Some(error);
                    }
                }
            }
            Err(exception) => thrown = Some(exception),
        }
        frame.attached = Some(Value::Generator(generator.clone()));
        if let Err(error) = self.push_frame(frame) {
            generator.finish();
            return Err(error);
        }
        let base = self.frames.len() - 1;
        match self.run_raising(base, thrown) {
            Ok(value) => Ok(self.generator_yielded.then_some(value)),
            Err(error) => {
                generator.finish();
                Err(pep_479(self, error))
            }
        }
    }

    /// An exception left a generator's frame run by a `for` loop: the generator is finished.
    fn generator_failed(&mut self, exception: Value) -> Value {
        self.for_loop_generator().finish();
        pep_479(self, exception)
    }

    /// The layout of `text` (see [`TextLayout`]), for `len(s)`, `s[i]` and searches from a
    /// char position. `Text` keeps none, so the layout of the last long text asked about is
    /// kept with it: `for i in range(len(s)): s[i]` then measures the text once, not at
    /// every index.
    pub(crate) fn with_layout<R>(&mut self, text: &Text, f: impl FnOnce(&TextLayout) -> R) -> R {
        if text.len() <= 64 {
            return f(&TextLayout::of(text));
        }
        match &self.last_text {
            Some((last, layout)) if Text::ptr_eq(last, text) => f(layout),
            _ => {
                let layout = TextLayout::of(text);
                let result = f(&layout);
                self.last_text = Some((text.clone(), layout));
                result
            }
        }
    }

    /// Whether `text` is all ASCII, so that its characters are its bytes.
    pub(crate) fn is_ascii(&mut self, text: &Text) -> bool {
        // Short texts are scanned, without the layout's marks for a non-ASCII one.
        if text.len() <= 64 {
            return text.is_ascii();
        }
        self.with_layout(text, TextLayout::is_ascii)
    }

    pub(crate) fn char_count(&mut self, text: &Text) -> usize {
        self.with_layout(text, TextLayout::char_count)
    }

    /// The byte offset of char `index` (at most the char count) in `text`.
    pub(crate) fn byte_offset(&mut self, text: &Text, index: usize) -> usize {
        self.with_layout(text, |layout| layout.byte_offset(text, index))
    }

    /// The index of the char at byte `offset` of `text`.
    pub(crate) fn char_index(&mut self, text: &Text, offset: usize) -> usize {
        self.with_layout(text, |layout| layout.char_index(text, offset))
    }

    /// `frame` in a box to park it in its generator: on wasm, a spare one when there is one.
    #[cfg(target_arch = "wasm32")]
    fn boxed(&mut self, frame: Frame) -> FrameBox {
        let mut boxed = self.spare_frame_boxes.pop().unwrap_or_default();
        *boxed = Some(frame);
        boxed
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn boxed(&mut self, frame: Frame) -> FrameBox {
        Box::new(frame)
    }

    /// A parked frame out of its box, which on wasm is kept for the next [`Thread::boxed`].
    #[cfg(target_arch = "wasm32")]
    fn unboxed(&mut self, mut boxed: FrameBox) -> Frame {
        let frame = boxed.take().expect("a parked generator has its frame");
        if self.spare_frame_boxes.len() < 64 {
            self.spare_frame_boxes.push(boxed);
        }
        frame
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn unboxed(&mut self, boxed: FrameBox) -> Frame {
        *boxed
    }

    /// Keeps a finished frame's vectors for the next call.
    fn recycle(&mut self, frame: &mut Frame) {
        let stack = std::mem::take(&mut frame.stack);
        let locals = std::mem::take(&mut frame.locals);
        self.recycle_vecs(stack, locals);
    }

    fn recycle_vecs(&mut self, mut stack: Vec<Value>, mut locals: Vec<Option<Value>>) {
        stack.clear();
        locals.clear();
        if self.spare_stacks.len() < 64 {
            self.spare_stacks.push(stack);
            self.spare_locals.push(locals);
        }
    }

    /// The common call: a plain function (no cells, no `*args`, `**kwargs` or keyword-only
    /// parameters) given exactly its positional arguments. They move from the caller's stack
    /// straight into the new frame's locals.
    /// A call of `len`, `abs` or `str` with one argument, straight from the stack (see
    /// [`builtins::OneArgBuiltin`]); false when the callable is something else.
    fn try_one_arg_call(&mut self) -> Result<bool, Value> {
        let stack = &self.frames.last().expect("a frame is running").stack;
        let Some(builtin) = self.interp.one_arg_builtin(&stack[stack.len() - 2]) else {
            return Ok(false);
        };
        let argument = pop_value(&mut self.frames.last_mut().unwrap().stack);
        // `abs` of a small int inline: a result read back from a `CallResult` in memory
        // stalls the load (it was written in parts), and that stall was a tenth of a loop.
        let result = match (builtin, &argument) {
            (builtins::OneArgBuiltin::Abs, &Value::Int(i)) if i != i64::MIN => Value::Int(i.abs()),
            _ => builtins::call_one_arg(self, builtin, &argument)?,
        };
        let stack = &mut self.frames.last_mut().unwrap().stack;
        *stack.last_mut().expect("the callable") = result;
        Ok(true)
    }

    /// A built-in function or method called with positional arguments, straight from the
    /// stack: what `call_value` would do for it, without its layers (real mode only; the
    /// simulator may stand a Python version in for some built-ins).
    fn try_builtin_call(&mut self, count: usize) -> Result<bool, Value> {
        let stack = &mut self.frames.last_mut().expect("a frame is running").stack;
        let at = stack.len() - count - 1;
        if !matches!(stack[at], Value::Builtin(_)) {
            return Ok(false);
        }
        let args = stack.split_off(at + 1);
        let Some(Value::Builtin(builtin)) = stack.pop() else { unreachable!("checked above") };
        let result = (builtin.function)(self, args, Vec::new())?;
        self.frames.last_mut().expect("the caller's frame").stack.push(result);
        Ok(true)
    }

    fn try_fast_call(&mut self, count: usize) -> Result<bool, Value> {
        let caller = self.frames.last().expect("a frame is running");
        let Value::Function(function) = &caller.stack[caller.stack.len() - count - 1] else {
            return Ok(false);
        };
        let code = &function.code;
        if code.arg_count as usize != count
            || code.has_varargs
            || code.has_varkw
            || code.kwonly_count != 0
            || !code.cell_names.is_empty()
            || !function.closure.is_empty()
            || code.is_generator
        {
            return Ok(false);
        }
        if self.depth >= self.interp.recursion_limit() {
            return Err(self.exception("RecursionError", "maximum recursion depth exceeded"));
        }
        let local_count = code.local_names.len();
        let mut locals = self.spare_locals.pop().unwrap_or_default();
        locals.resize_with(local_count, || None);
        let caller = self.frames.last_mut().expect("a frame is running");
        for slot in locals[..count].iter_mut().rev() {
            // The slot holds None: nothing to drop.
            std::mem::forget(slot.replace(pop_value(&mut caller.stack)));
        }
        // Moved off the stack, not cloned: no reference count to touch.
        let Some(Value::Function(function)) = caller.stack.pop() else {
            unreachable!("checked above")
        };
        let stack = self.spare_stacks.pop().unwrap_or_default();
        self.depth += 1;
        self.frames.push(Frame {
            function,
            pc: 0,
            stack,
            locals,
            cells: ThinVec::new(),
            namespace: None,
            blocks: ThinVec::new(),
            handling: ThinVec::new(),
            kind: FrameKind::Function,
            attached: None,
        });
        Ok(true)
    }

    /// The calls [`Self::try_fast_call`] leaves, made into ones it takes: a bound method of a
    /// plain function (`f = obj.method; f(x)`) becomes its function with the receiver first,
    /// as CPython's CALL unpacks it in place, and parameters left out get their defaults
    /// pushed. False, the stack as it was, for any other call.
    #[cold]
    fn try_fast_call_completed(&mut self, mut count: usize) -> Result<bool, Value> {
        let stack = &mut self.frames.last_mut().expect("a frame is running").stack;
        let at = stack.len() - count - 1;
        if let Value::Method(method) = &stack[at] {
            if !matches!(&method.function, Value::Function(f) if takes_fast_call(f, count + 1)) {
                return Ok(false);
            }
            let (receiver, function) = (method.receiver.clone(), method.function.clone());
            stack[at] = function;
            stack.insert(at + 1, receiver);
            count += 1;
        }
        let Value::Function(function) = &stack[at] else { return Ok(false) };
        if !takes_fast_call(function, count) {
            return Ok(false);
        }
        let arg_count = function.code.arg_count as usize;
        let first_default = arg_count - function.defaults.len();
        let defaults = function.defaults[count - first_default..].to_vec();
        stack.extend(defaults);
        self.try_fast_call(arg_count)
    }

    /// A global (or first, for `namespace_first`, a name in the body's namespace), then a
    /// built-in; through the code's inline cache when the hint still holds.
    /// After the thread's cache missed (see `Op::LoadGlobal`); what it reads goes into the cache.
    fn load_global_uncached(&mut self, index: u32, namespace_first: bool) -> CallResult {
        let frame = self.frames.last().expect("a frame is running");
        let (code, globals) = (&frame.function.code, &frame.function.globals);
        let name = &code.names[index as usize];
        if let Some(namespace) = frame.namespace.as_ref().filter(|_| namespace_first) {
            if let Some(value) = lock(&namespace.entries).get(&Key(Value::Str(name.clone()))) {
                return Ok(value.clone());
            }
        }
        let builtins = &self.interp.builtins;
        let found = {
            let entries = lock(&globals.entries);
            let version = entries.version_after();
            let hinted = code.global_hint(index).and_then(|hint| entries.get_index(hint));
            match hinted {
                Some((key, value)) if key_is(key, name) => Ok((value.clone_fast(), version)),
                _ => match entries.get_full(&Key(Value::Str(name.clone()))) {
                    Some((hint, _, value)) => {
                        code.set_global_hint(index, hint);
                        Ok((value.clone(), version))
                    }
                    None => Err(version),
                },
            }
        };
        let (value, versions) = match found {
            Ok((value, globals_version)) => (value, (globals_version, builtins.entries.version())),
            Err(globals_version) => {
                let entries = lock(&builtins.entries);
                match entries.get(&Key(Value::Str(name.clone()))) {
                    Some(value) => (value.clone(), (globals_version, entries.version_after())),
                    None => {
                        drop(entries);
                        let name = name.clone();
                        if let Some(value) = self.lazy_builtin(&name)? {
                            return Ok(value);
                        }
                        return Err(self.name_error(&name));
                    }
                }
            }
        };
        if !namespace_first {
            self.global_cache.put(code, index, globals, versions, value.clone_fast());
        }
        Ok(value)
    }

    fn call_from_loop(
        &mut self,
        callable: Value,
        args: Vec<Value>,
        kwargs: Vec<(Text, Value)>,
    ) -> Result<(), Value> {
        if self.sim.is_some() && self.loop_depth == 1 && !matches!(callable, Value::Function(_)) {
            return self.call_from_loop_or_suspend(callable, args, kwargs);
        }
        if let Called::Value(value) = self.call_value(callable, args, kwargs)? {
            self.frames.last_mut().expect("the caller's frame").stack.push(value);
        }
        Ok(())
    }

    /// Simulated mode: a built-in called from the outermost loop may have to wait (a lock, a
    /// queue, a sleep). Then the call is kept, the thread is switched out, and the call is
    /// made again when it runs next, as a blocked CPython thread retries after its wake-up.
    fn call_from_loop_or_suspend(
        &mut self,
        callable: Value,
        args: Vec<Value>,
        kwargs: Vec<(Text, Value)>,
    ) -> Result<(), Value> {
        let kept = (callable.clone(), args.clone(), kwargs.clone());
        let saved = std::mem::replace(&mut self.call_can_suspend, true);
        let called = self.call_value(callable, args, kwargs);
        self.call_can_suspend = saved;
        match called {
            Ok(Called::Value(value)) => {
                self.frames.last_mut().expect("the caller's frame").stack.push(value);
                Ok(())
            }
            Ok(Called::Pushed) => Ok(()),
            Err(signal) if is_suspend(&signal) => {
                self.pending_call = Some(kept);
                Err(signal)
            }
            Err(exception) => Err(exception),
        }
    }

    /// Whether a wait may switch this thread out (simulated mode, straight from its
    /// outermost loop), rather than wait where it stands.
    pub(crate) fn can_suspend(&self) -> bool {
        self.call_can_suspend && self.loop_depth == 1
    }

    /// Simulated mode: gives the GIL up and waits, switched out, on `key` or until `deadline`.
    /// Returns the signal to pass up to the simulator.
    pub(crate) fn sim_block(
        &mut self,
        key: usize,
        deadline: Option<u64>,
        what: &'static str,
    ) -> Value {
        let sim = self.sim.clone().expect("simulated");
        self.enter_span(SpanKind::BlockedIo);
        self.holds_gil = false;
        sim.block(self.sim_key(), key, deadline, self.waiting_for(what));
        simulate_suspend()
    }

    /// Simulated mode, in a nested loop: waits where it stands while the other threads run
    /// (see [`Simulator::wait_nested`]); the error is the deadlock report.
    pub(crate) fn sim_wait_nested(
        &mut self,
        key: usize,
        deadline: Option<u64>,
        what: &'static str,
    ) -> Result<(), Vec<String>> {
        let sim = self.sim.clone().expect("simulated");
        self.enter_span(SpanKind::BlockedIo);
        let waited = sim.wait_nested(self.sim_key(), key, deadline, self.waiting_for(what));
        self.enter_span(self.activity);
        waited
    }

    /// This thread's name in the simulator, unique across the processes it simulates (each
    /// numbers its own threads from 1).
    pub(crate) fn sim_key(&self) -> u32 {
        self.interp.process.pid.wrapping_mul(1 << 16) | self.id.0
    }

    /// `MainThread waits for a lock (line 6)`.
    pub(crate) fn waiting_for(&self, what: &str) -> String {
        let process = match self.interp.process.is_child.load(std::sync::atomic::Ordering::Relaxed)
        {
            true => format!(" of {}", lock(&self.interp.process.name)),
            false => String::new(),
        };
        format!("{}{process} waits for {what}{}", self.display_name(), self.where_now())
    }

    /// Simulated mode: a built-in took `items` items, which costs virtual time
    /// ([`simulate::ITEM_OPS`] each); nothing in real mode, where the time is real.
    pub(crate) fn charge_items(&self, items: usize) {
        if self.sim.is_some() {
            simulate::charge(items as u64 * simulate::ITEM_OPS);
        }
    }

    pub(crate) fn simulator(&self) -> Option<&Arc<Simulator>> {
        self.sim.as_ref()
    }

    /// Simulated mode: starts `job` on this thread. `None` when the thread was switched out
    /// before the end (the loop then calls [`Thread::sim_resume`]).
    pub(crate) fn sim_start(&mut self, job: Job) -> Option<CallResult> {
        self.holds_gil = true;
        self.enter_span(self.activity);
        let started = match job {
            Job::Module(code, globals) => {
                let frame = self.module_frame(code, globals);
                self.push_frame(frame).map(|()| Called::Pushed)
            }
            Job::Call(callable, args, kwargs) => self.call_value(callable, args, kwargs),
        };
        match started {
            Ok(Called::Value(value)) => Some(Ok(value)),
            Ok(Called::Pushed) => self.sim_run(None),
            Err(exception) => Some(Err(exception)),
        }
    }

    /// Simulated mode: goes on where the thread was switched out.
    pub(crate) fn sim_resume(&mut self) -> Option<CallResult> {
        self.holds_gil = true;
        self.enter_span(self.activity);
        let mut thrown = None;
        if let Some((callable, args, kwargs)) = self.pending_call.take() {
            // The call that waited, made again in the outermost loop it came from.
            self.loop_depth += 1;
            let retried = self.call_from_loop_or_suspend(callable, args, kwargs);
            self.loop_depth -= 1;
            match retried {
                Err(signal) if is_suspend(&signal) => return None,
                // Done waiting, however the call got there (some try before they wait).
                Ok(()) => self.sim_deadline = None,
                Err(exception) => {
                    self.sim_deadline = None;
                    thrown = Some(exception);
                }
            }
        }
        self.sim_run(thrown)
    }

    fn sim_run(&mut self, thrown: Option<Value>) -> Option<CallResult> {
        match self.run_raising(0, thrown) {
            Err(signal) if is_suspend(&signal) => None,
            result => Some(result),
        }
    }

    /// The thread's name, as the trace and a deadlock report show it.
    pub fn display_name(&self) -> String {
        self.trace_name.clone().unwrap_or_else(|| match self.id == MAIN_THREAD {
            true => "MainThread".to_string(),
            false => format!("Thread {}", self.id.0),
        })
    }

    /// Where the thread stands, for reports, in the learner's own program where it can:
    /// ` (line 15)`, ` (line 15, in join)` when a library function called from line 15 waits,
    /// else the innermost frame (` (threading.py line 475, in _shutdown)`).
    pub fn where_now(&self) -> String {
        let line_of =
            |frame: &Frame| frame.function.code.lines.get(frame.pc.saturating_sub(1)).copied();
        let main_file = lock(&self.interp.main_code).as_ref().map(|code| code.filename.clone());
        let in_program = self
            .frames
            .iter()
            .rposition(|frame| Some(&frame.function.code.filename) == main_file.as_ref());
        match in_program {
            Some(index) => {
                let Some(line) = line_of(&self.frames[index]) else { return String::new() };
                match self.frames.get(index + 1) {
                    Some(callee) => format!(" (line {line}, in {})", callee.function.code.name),
                    None => format!(" (line {line})"),
                }
            }
            None => match self.frames.last() {
                Some(frame) => match line_of(frame) {
                    Some(line) => {
                        format!(
                            " ({} line {line}, in {})",
                            frame.function.code.filename, frame.function.code.name
                        )
                    }
                    None => String::new(),
                },
                None => String::new(),
            },
        }
    }

    /// `raise X` accepts a class (instantiated with no arguments) or an instance.
    pub fn make_exception(&mut self, value: Value) -> CallResult {
        match &value {
            Value::Class(class)
                if class.is_exception || class.bases_mro.iter().any(|c| c.is_exception) =>
            {
                self.call(&value, vec![], vec![])
            }
            Value::Instance(instance)
                if instance.class.is_exception
                    || instance.class.bases_mro.iter().any(|c| c.is_exception) =>
            {
                Ok(value)
            }
            _ => Err(self.exception("TypeError", "exceptions must derive from BaseException")),
        }
    }

    /// A special method found on an instance's class, bound to it.
    pub fn special_method(&self, value: &Value, name: &str) -> Option<Value> {
        let function = match value {
            Value::Instance(instance) => {
                let found = instance.class.lookup(name)?;
                found.native_method().cloned().unwrap_or(found)
            }
            // A class's special methods are its metaclass's (`for member in Color`).
            Value::Class(class) => match class.metaclass.as_ref()?.lookup(name)? {
                function @ Value::Function(_) => function,
                _ => return None,
            },
            // A native type's special methods are in its method table (dict views).
            Value::Native(native) if name.starts_with("__") => {
                let (name, function) = native.kind.methods.iter().find(|(n, _)| *n == name)?;
                builtins::builtin_function(name, *function)
            }
            _ => return None,
        };
        Some(Value::Method(Arc::new(Method { receiver: value.clone(), function })))
    }

    /// Calls `value`'s special method `name` with `args` after `value` itself; None when its
    /// type has none. An instance's class is asked through the attribute cache, with no bound
    /// method made: `len(d)` and `if d:` on a deque ask it every time.
    pub fn call_special(
        &mut self,
        value: &Value,
        name: &str,
        args: Vec<Value>,
    ) -> Option<CallResult> {
        match self.instance_special(value, name) {
            Some(function) => {
                let mut with_receiver = Vec::with_capacity(args.len() + 1);
                with_receiver.push(value.clone());
                with_receiver.extend(args);
                Some(self.call(&function, with_receiver, vec![]))
            }
            None => {
                let method = self.special_method(value, name)?;
                Some(self.call(&method, args, vec![]))
            }
        }
    }

    /// The function an instance's class has as its special method `name`, through the
    /// attribute cache, to call with the instance first; None for other values, or for a
    /// descriptor [`Thread::special_method`] binds its own way.
    fn instance_special(&mut self, value: &Value, name: &str) -> Option<Value> {
        let Value::Instance(instance) = value else { return None };
        match self.attribute_cache.lookup(&instance.class, name)? {
            descriptor @ Value::Descriptor(_) => descriptor.native_method().cloned(),
            function => Some(function),
        }
    }

    pub fn truth(&mut self, value: &Value) -> Result<bool, Value> {
        if let Some(truth) = ops::truth(value) {
            return Ok(truth);
        }
        if let Some(result) = self.call_special(value, "__bool__", vec![]) {
            return match result? {
                Value::Bool(truth) => Ok(truth),
                other => Err(self.exception(
                    "TypeError",
                    format!("__bool__ should return bool, returned {}", ops::type_name(&other)),
                )),
            };
        }
        let has_len = match value {
            Value::Instance(_) => self.instance_special(value, "__len__").is_some(),
            _ => self.special_method(value, "__len__").is_some(),
        };
        if has_len {
            return Ok(builtins::length(self, value)? > 0);
        }
        if let Some(base) = value.extended_base() {
            return self.truth(&base.clone());
        }
        Ok(true)
    }

    pub fn binary(
        &mut self,
        op: BinaryOp,
        left: Value,
        right: Value,
        in_place: bool,
    ) -> CallResult {
        // `list += iterable` extends the list in place, from any iterable (`+` takes lists only).
        if in_place && op == BinaryOp::Add {
            if let Value::List(list) = &left {
                let items = match &right {
                    Value::List(other) => lock(&other.items).clone(),
                    other => builtins::collect(self, other)?,
                };
                lock(&list.items).extend(items);
                return Ok(left);
            }
        }
        // `list *= n` repeats the list in place.
        if let (true, BinaryOp::Mul, Value::List(list)) = (in_place, op, &left) {
            if let Ok(Some(Value::List(product))) = ops::builtin_binary(op, &left, &right) {
                let items = std::mem::take(&mut *lock(&product.items));
                *lock(&list.items) = items;
                return Ok(left);
            }
        }
        if let (Value::Set(a), Value::Set(b)) = (&left, &right) {
            if let Some(result) = crate::methods::set_operator(self, op, a, b, in_place)? {
                return Ok(result);
            }
        }
        // PEP 584: `a | b` is a new dict with b's entries winning; `a |= x` updates a from any
        // mapping or iterable of pairs, as `update` does.
        if let (BinaryOp::Or, Value::Dict(a)) = (op, &left) {
            if in_place {
                let entries = builtins::mapping_entries(self, &right)?;
                crate::keys::merge(self, a, entries)?;
                return Ok(left);
            }
            if let Value::Dict(b) = &right {
                let merged = Dict { entries: crate::value::Entries::new(lock(&a.entries).clone()) };
                let entries = lock(&b.entries).clone();
                crate::keys::merge(self, &merged, entries)?;
                return Ok(Value::Dict(Arc::new(merged)));
            }
        }
        // `%s` and `%r` of an object call its `__str__` or `__repr__`.
        if let (BinaryOp::Mod, Value::Str(format)) = (op, &left) {
            let mut convert = |value: &Value, kind: char| match kind {
                's' => self.str_of(value),
                'r' => self.repr_of(value),
                'd' => match value {
                    Value::BigInt(big) => self.check_int_to_str(big).map(|()| String::new()),
                    _ => Ok(String::new()),
                },
                _ => builtins::ascii_of(self, value),
            };
            return match crate::format::percent_format_with(format, &right, &mut convert) {
                Ok(value) => Ok(value),
                Err(crate::format::PercentError::Op(error)) => Err(self.op_error(error)),
                Err(crate::format::PercentError::Convert(error)) => Err(error),
            };
        }
        match ops::builtin_binary(op, &left, &right) {
            Ok(Some(value)) => return Ok(value),
            Ok(None) => {}
            Err(error) => return Err(self.op_error(error)),
        }
        self.binary_protocol(op, left, right, in_place, Tried::Nothing)
    }

    /// The special methods of a binary operator, from those after `tried`: `a += b` asks
    /// `a.__iadd__(b)` first, then `a.__add__(b)`, then `b.__radd__(a)`; then what the
    /// built-in types the operands extend do, else TypeError.
    fn binary_protocol(
        &mut self,
        op: BinaryOp,
        left: Value,
        right: Value,
        in_place: bool,
        tried: Tried,
    ) -> CallResult {
        if in_place && tried < Tried::InPlace {
            if let Some(method) = self.special_method(&left, op.in_place_dunder()) {
                let result = self.call(&method, vec![right.clone()], vec![])?;
                if !builtins::is_not_implemented(self, &result) {
                    return Ok(result);
                }
            }
        }
        let (dunder, reflected) = op.dunder();
        // As CPython's `binary_op1`: an operand of the left one's own class is not asked for
        // the reflected method, and a subclass that overrides it is asked first.
        let same_class = matches!((&left, &right),
            (Value::Instance(l), Value::Instance(r)) if Arc::ptr_eq(&l.class, &r.class));
        let mut reflected_method =
            if same_class { None } else { self.special_method(&right, reflected) };
        if tried < Tried::Plain {
            if let Some(method) = self.special_method(&left, dunder) {
                if right_operand_first(&left, &right) && overrides(&left, &right, reflected) {
                    if let Some(first) = reflected_method.take() {
                        let result = self.call(&first, vec![left.clone()], vec![])?;
                        if !builtins::is_not_implemented(self, &result) {
                            return Ok(result);
                        }
                    }
                }
                let result = self.call(&method, vec![right.clone()], vec![])?;
                if !builtins::is_not_implemented(self, &result) {
                    return Ok(result);
                }
            }
        }
        if let Some(method) = reflected_method {
            let result = self.call(&method, vec![left.clone()], vec![])?;
            if !builtins::is_not_implemented(self, &result) {
                return Ok(result);
            }
        }
        if left.extended_base().is_some() || right.extended_base().is_some() {
            // What the built-in types the operands extend do (`MyList + list`).
            let base = left.builtin_base().clone();
            let result = self.binary(op, base.clone(), right.builtin_base().clone(), in_place)?;
            // An in-place operation on the base is one on the instance.
            return Ok(if in_place && result.is(&base) { left } else { result });
        }
        if op == BinaryOp::Add && matches!(left, Value::Str(_) | Value::List(_) | Value::Tuple(_)) {
            let (left, right) = (ops::type_name(&left), ops::type_name(&right));
            let message = format!("can only concatenate {left} (not \"{right}\") to {left}");
            return Err(self.exception("TypeError", message));
        }
        // `int | None` in an annotation (3.10+).
        if op == BinaryOp::Or {
            if let Some(union) = crate::generic::union(self, &left, &right) {
                return Ok(union);
            }
        }
        // A sequence repeats by an int alone (`sq_repeat` asks for an index).
        let is_sequence = |value: &Value| {
            matches!(value, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_))
        };
        let repeated_by = match (is_sequence(&left), is_sequence(&right)) {
            (true, _) => Some(&right),
            (false, true) => Some(&left),
            _ => None,
        };
        if let (BinaryOp::Mul, Some(count)) = (op, repeated_by) {
            let message =
                format!("can't multiply sequence by non-int of type '{}'", ops::type_name(count));
            return Err(self.exception("TypeError", message));
        }
        let symbol = if in_place && op != BinaryOp::Pow {
            format!("{}=", op.symbol())
        } else {
            op.symbol().to_string()
        };
        Err(self.exception(
            "TypeError",
            format!(
                "unsupported operand type(s) for {symbol}: '{}' and '{}'",
                ops::type_name(&left),
                ops::type_name(&right)
            ),
        ))
    }

    pub fn compare(&mut self, op: CompareOp, left: &Value, right: &Value) -> CallResult {
        if let (Value::Int(a), Value::Int(b)) = (left, right) {
            return Ok(Value::Bool(op.holds(a, b)));
        }
        let has_methods = |value: &Value| matches!(value, Value::Instance(_) | Value::Native(_));
        if has_methods(left) || has_methods(right) {
            // As CPython's `do_richcompare`: an instance of a subclass of the left operand's
            // class is asked first, with the reflected operator.
            let right_first = right_operand_first(left, right);
            if right_first {
                if let Some(method) = self.special_method(right, op.reflected().dunder()) {
                    let result = self.call(&method, vec![left.clone()], vec![])?;
                    if !builtins::is_not_implemented(self, &result) {
                        return Ok(result);
                    }
                }
            }
            if let Some(method) = self.special_method(left, op.dunder()) {
                let result = self.call(&method, vec![right.clone()], vec![])?;
                if !builtins::is_not_implemented(self, &result) {
                    return Ok(result);
                }
            }
            return self.compare_after_left(op, left, right, right_first);
        }
        if let Some(result) = self.compare_containers(op, left, right)? {
            return Ok(result);
        }
        ops::builtin_compare(op, left, right).map(Value::Bool).map_err(|e| self.op_error(e))
    }

    /// Tuples and lists compared item by item, and dicts for equality, when their items need
    /// Python code (`__eq__`, `__lt__`), as CPython compares them: the first pair that is not
    /// the same object and not `==` decides, by the operator itself. `None` for other values.
    #[inline(never)]
    fn compare_containers(
        &mut self,
        op: CompareOp,
        left: &Value,
        right: &Value,
    ) -> Result<Option<Value>, Value> {
        if self.rust_stack_exhausted() {
            return Err(
                self.exception("RecursionError", "maximum recursion depth exceeded in comparison")
            );
        }
        let equality = matches!(op, CompareOp::Eq | CompareOp::Ne);
        let sequences = matches!(
            (left, right),
            (Value::Tuple(_), Value::Tuple(_)) | (Value::List(_), Value::List(_))
        );
        // Built-in items need no Python: the fast path decides, on the values as they are.
        if sequences {
            if equality {
                if let Some(equal) = ops::builtin_eq(left, right) {
                    return Ok(Some(Value::Bool(equal == (op == CompareOp::Eq))));
                }
            } else if let Ok(result) = ops::builtin_compare(op, left, right) {
                return Ok(Some(Value::Bool(result)));
            }
        }
        let (a, b) = match (left, right) {
            (Value::Tuple(a), Value::Tuple(b)) => ((**a).clone(), (**b).clone()),
            (Value::List(a), Value::List(b)) => {
                // One lock at a time: `a` and `b` may be the same list.
                let a_items = lock(&a.items).clone();
                (a_items, lock(&b.items).clone())
            }
            (Value::Set(a), Value::Set(b)) if a.needs_python() || b.needs_python() => {
                // `b`'s elements as `a` holds them, then inclusion both ways.
                let other = crate::methods::set_operand_for(self, Some(a), right)?;
                let (a_len, b_len) = (a.len(), b.len());
                let (within, covers) = (a.is_subset(&other)?, a.is_superset(&other)?);
                return Ok(Some(Value::Bool(match op {
                    CompareOp::Eq => a_len == b_len && covers,
                    CompareOp::Ne => !(a_len == b_len && covers),
                    CompareOp::Lt => a_len < b_len && within,
                    CompareOp::Le => within,
                    CompareOp::Gt => a_len > b_len && covers,
                    CompareOp::Ge => covers,
                })));
            }
            (Value::Dict(a), Value::Dict(b)) if equality => {
                if let Some(equal) = ops::builtin_eq(left, right) {
                    return Ok(Some(Value::Bool(equal == (op == CompareOp::Eq))));
                }
                let equal = self.dicts_equal(a, b)?;
                return Ok(Some(Value::Bool(equal == (op == CompareOp::Eq))));
            }
            _ => return Ok(None),
        };
        for (x, y) in a.iter().zip(&b) {
            if x.is(y) || self.equals(x, y)? {
                continue;
            }
            return Ok(Some(match op {
                CompareOp::Eq => Value::Bool(false),
                CompareOp::Ne => Value::Bool(true),
                _ => self.compare(op, x, y)?,
            }));
        }
        Ok(Some(Value::Bool(op.holds(&a.len(), &b.len()))))
    }

    /// `a == b` for dicts whose keys or values compare in Python.
    fn dicts_equal(&mut self, a: &Arc<Dict>, b: &Arc<Dict>) -> Result<bool, Value> {
        let entries: Vec<(Value, Value)> =
            lock(&a.entries).iter().map(|(k, v)| (k.0.clone(), v.clone())).collect();
        if entries.len() != lock(&b.entries).len() {
            return Ok(false);
        }
        for (key, value) in entries {
            let key = crate::keys::dict_key(self, b, key)?;
            let Some(other) = lock(&b.entries).get(&key).cloned() else { return Ok(false) };
            if !value.is(&other) && !self.equals(&value, &other)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// A comparison of objects with special methods, after the left operand's method (`a <
    /// b`: `a.__lt__(b)`) gave `NotImplemented` or there was none: `b.__gt__(a)`, then for
    /// `!=` the inverse of `__eq__`, then the built-in types the operands extend.
    fn compare_after_left(
        &mut self,
        op: CompareOp,
        left: &Value,
        right: &Value,
        reflected_tried: bool,
    ) -> CallResult {
        if !reflected_tried {
            if let Some(method) = self.special_method(right, op.reflected().dunder()) {
                let result = self.call(&method, vec![left.clone()], vec![])?;
                if !builtins::is_not_implemented(self, &result) {
                    return Ok(result);
                }
            }
        }
        if op == CompareOp::Ne {
            if let Some(method) = self.special_method(left, "__eq__") {
                let result = self.call(&method, vec![right.clone()], vec![])?;
                if !builtins::is_not_implemented(self, &result) {
                    return Ok(Value::Bool(!self.truth(&result)?));
                }
            }
        }
        if left.extended_base().is_some() || right.extended_base().is_some() {
            let (left, right) = (left.builtin_base().clone(), right.builtin_base().clone());
            return self.compare(op, &left, &right);
        }
        ops::builtin_compare(op, left, right).map(Value::Bool).map_err(|e| self.op_error(e))
    }

    /// Python `==`, for containers and built-ins that compare items.
    pub fn equals(&mut self, left: &Value, right: &Value) -> Result<bool, Value> {
        if let Some(equal) = ops::builtin_eq(left, right) {
            return Ok(equal);
        }
        let result = self.compare(CompareOp::Eq, left, right)?;
        self.truth(&result)
    }

    /// CPython's limit on decimal conversions of ints (`sys.set_int_max_str_digits`), for a
    /// number of `digits` digits, parsed (`int(text)`) or printed.
    pub fn check_int_str_digits(&self, digits: usize, parsing: bool) -> Result<(), Value> {
        let limit = self.interp.int_max_str_digits.load(std::sync::atomic::Ordering::Relaxed);
        if limit == 0 || digits <= limit {
            return Ok(());
        }
        let limit = if self.interp.version >= crate::version::PythonVersion::V3_11 {
            format!("{limit} digits")
        } else {
            limit.to_string()
        };
        let value_has =
            if parsing { format!(": value has {digits} digits") } else { String::new() };
        Err(self.exception(
            "ValueError",
            format!(
                "Exceeds the limit ({limit}) for integer string conversion{value_has}; use \
                 sys.set_int_max_str_digits() to increase the limit"
            ),
        ))
    }

    /// [`Self::check_int_str_digits`] for printing `big` in decimal: from its size alone when
    /// that decides (a digit is 3.32 bits), else from its digits.
    fn check_int_to_str(&self, big: &num_bigint::BigInt) -> Result<(), Value> {
        let limit = self.interp.int_max_str_digits.load(std::sync::atomic::Ordering::Relaxed);
        let bits = big.bits() as f64;
        if limit == 0 || (bits * std::f64::consts::LOG10_2).ceil() <= limit as f64 {
            return Ok(());
        }
        self.check_int_str_digits(big.magnitude().to_string().len(), false)
    }

    pub fn repr_of(&mut self, value: &Value) -> Result<String, Value> {
        if let Value::BigInt(big) = value {
            self.check_int_to_str(big)?;
        }
        if let Value::Native(_) | Value::Class(_) = value {
            if let Some(method) = self.special_method(value, "__repr__") {
                if let Value::Str(text) = self.call(&method, vec![], vec![])? {
                    return Ok(text.to_string());
                }
            }
        }
        if let Value::Instance(instance) = value {
            if let Some(method) = self.special_method(value, "__repr__") {
                return match self.call(&method, vec![], vec![])? {
                    Value::Str(s) => Ok(s.to_string()),
                    other => Err(self.exception(
                        "TypeError",
                        format!("__repr__ returned non-string (type {})", ops::type_name(&other)),
                    )),
                };
            }
            if builtins::is_exception_instance(value) {
                return Ok(builtins::exception_repr(self, instance)?);
            }
            if let Some(base) = &instance.base {
                return self.repr_of(&base.clone());
            }
            if let Some(repr) = builtins::special_instance_repr(self, value)? {
                return Ok(repr);
            }
            return Ok(format!(
                "<{} object at 0x{:012x}>",
                instance.class.qualified_name(),
                value.address()
            ));
        }
        if let Value::Method(method) = value {
            return self.method_repr(method, value.address());
        }
        // A container that holds itself shows as `[...]` inside (CPython's `Py_ReprEnter`), and
        // nesting deeper than the Rust stack allows is a RecursionError, not an overflow.
        let container =
            matches!(value, Value::List(_) | Value::Dict(_) | Value::Tuple(_) | Value::Set(_));
        if container {
            if self.repr_active.contains(&value.address()) {
                return Ok(match value {
                    Value::List(_) => "[...]",
                    Value::Tuple(_) => "(...)",
                    Value::Set(set) if set.frozen => "frozenset(...)",
                    Value::Set(_) => "set(...)",
                    _ => "{...}",
                }
                .to_string());
            }
            if self.rust_stack_exhausted() {
                return Err(self.exception(
                    "RecursionError",
                    "maximum recursion depth exceeded while getting the repr of an object",
                ));
            }
            self.repr_active.push(value.address());
        }
        let text = self.container_repr(value);
        if container {
            self.repr_active.pop();
        }
        text
    }

    /// `<bound method Point.norm of Point(1, 2)>`, or for a built-in type's method
    /// `<built-in method append of list object at 0x...>`: what a learner who forgot the
    /// parentheses of a call sees printed.
    fn method_repr(
        &mut self,
        method: &crate::value::Method,
        address: usize,
    ) -> Result<String, Value> {
        match &method.function {
            Value::Function(function) => {
                let name = match function.attribute("__qualname__") {
                    Some(Value::Str(name)) => name,
                    _ => function.qualname.clone(),
                };
                Ok(format!("<bound method {name} of {}>", self.repr_of(&method.receiver)?))
            }
            Value::Builtin(builtin) => {
                let owner = match &method.receiver {
                    Value::Native(native) => format!("{}.{}", native.kind.module, native.kind.name),
                    Value::Class(_) => "type".to_string(),
                    receiver => ops::type_name(receiver).to_string(),
                };
                let at = method.receiver.address();
                Ok(format!("<built-in method {} of {owner} object at 0x{at:012x}>", builtin.name))
            }
            _ => Ok(format!("<method object at 0x{address:012x}>")),
        }
    }

    /// The repr of a built-in value, its items' reprs through [`Thread::repr_of`].
    fn container_repr(&mut self, value: &Value) -> Result<String, Value> {
        let mut failure = None;
        let text = {
            let mut item_repr = |item: &Value| -> String {
                if failure.is_some() {
                    return String::new();
                }
                match self.repr_of(item) {
                    Ok(text) => text,
                    Err(error) => {
                        failure = Some(error);
                        String::new()
                    }
                }
            };
            ops::builtin_repr(value, &mut item_repr)
        };
        if let Some(error) = failure {
            return Err(error);
        }
        Ok(text.unwrap_or_else(|| format::plain_repr(value)))
    }

    pub fn str_of(&mut self, value: &Value) -> Result<String, Value> {
        match value {
            Value::Str(s) => Ok(s.to_string()),
            Value::Instance(_) | Value::Class(_) => {
                if let Some(method) = self.special_method(value, "__str__") {
                    return match self.call(&method, vec![], vec![])? {
                        Value::Str(s) => Ok(s.to_string()),
                        other => Err(self.exception(
                            "TypeError",
                            format!(
                                "__str__ returned non-string (type {})",
                                ops::type_name(&other)
                            ),
                        )),
                    };
                }
                if builtins::is_exception_instance(value) {
                    return builtins::exception_str(self, value);
                }
                if self.special_method(value, "__repr__").is_none() {
                    if let Some(base) = value.extended_base() {
                        return self.str_of(&base.clone());
                    }
                }
                self.repr_of(value)
            }
            other => self.repr_of(other),
        }
    }

    pub fn format(&mut self, value: &Value, spec: &str) -> CallResult {
        if let Some(method) = self.special_method(value, "__format__") {
            return self.call(&method, vec![Value::str(spec)], vec![]);
        }
        if let Some(base) = value.extended_base() {
            if self.special_method(value, "__str__").is_none()
                && self.special_method(value, "__repr__").is_none()
            {
                return self.format(&base.clone(), spec);
            }
        }
        if let Value::Instance(_) | Value::Class(_) | Value::Native(_) = value {
            if spec.is_empty() {
                return Ok(Value::str(&self.str_of(value)?));
            }
            let type_name = match value {
                Value::Class(class) => class.metaclass.as_ref().map(|m| m.name.to_string()),
                _ => None,
            }
            .unwrap_or_else(|| ops::type_name(value).to_string());
            return Err(self.exception(
                "TypeError",
                format!("unsupported format string passed to {type_name}.__format__"),
            ));
        }
        if let Value::BigInt(big) = value {
            if !spec.ends_with(['x', 'X', 'o', 'b']) {
                self.check_int_to_str(big)?;
            }
        }
        let rendered = format::format_value(value, spec, &|v| format::plain_str(v));
        match rendered {
            Ok(value) => Ok(value),
            Err(error) => Err(self.op_error(error)),
        }
    }

    /// The globals of the code that is running.
    pub fn current_globals(&self) -> Option<Arc<Dict>> {
        self.frames.last().map(|frame| frame.function.globals.clone())
    }

    /// The `__name__` of the module whose code is running.
    pub fn current_module(&self) -> Option<Value> {
        self.frame_module(0)
    }

    /// The `__name__` of the module of the frame `depth` calls out from the running one.
    pub fn frame_module(&self, depth: usize) -> Option<Value> {
        let frame = self.frames.iter().rev().nth(depth)?;
        let name = lock(&frame.function.globals.entries).get(&Key(Value::str("__name__"))).cloned();
        name
    }

    /// The file, line and function name of the frame `depth` calls out from the running one,
    /// as CPython's `sys._getframe(depth)` tells them (`f_code.co_filename`, `f_lineno`,
    /// `f_code.co_name`): what `logging` records of its caller. From 3.12 a list, set or dict
    /// comprehension runs inline in its function (PEP 709), so it takes that function's name.
    pub fn frame_at(&self, depth: usize) -> Option<(Text, u32, Text)> {
        let mut frames = self.frames.iter().rev().skip(depth);
        let frame = frames.next()?;
        let code = &frame.function.code;
        let line = code.lines.get(frame.pc.saturating_sub(1)).copied().unwrap_or(0);
        let inlined = |name: &str| {
            self.interp.version >= crate::version::PythonVersion::V3_12
                && matches!(name, "<listcomp>" | "<setcomp>" | "<dictcomp>")
        };
        let mut name = code.name.clone();
        if inlined(&name) {
            if let Some(outer) = frames.find(|outer| !inlined(&outer.function.code.name)) {
                name = outer.function.code.name.clone();
            }
        }
        Some((code.filename.clone(), line, name))
    }

    /// The stack from the outermost frame to the one `depth` calls out from the running one,
    /// as `traceback.print_stack` lists it: our stand-ins for built-ins left out, and from 3.12
    /// an inlined comprehension's line given to its function (PEP 709). A stack has lines but
    /// no spans (CPython's `StackSummary.extract` keeps no columns), so no carets.
    pub fn stack_entries(&self, depth: usize) -> Vec<TracebackEntry> {
        let Some(shown) = self.frames.len().checked_sub(depth) else { return Vec::new() };
        let inlined = |name: &str| {
            self.interp.version >= crate::version::PythonVersion::V3_12
                && matches!(name, "<listcomp>" | "<setcomp>" | "<dictcomp>")
        };
        let mut entries: Vec<TracebackEntry> = Vec::new();
        for frame in &self.frames[..shown] {
            let code = &frame.function.code;
            if code.filename.starts_with("<frozen _gilpy_") {
                continue;
            }
            let line = code.lines.get(frame.pc.saturating_sub(1)).copied().unwrap_or(0);
            if inlined(&code.name) && !entries.is_empty() {
                entries.last_mut().expect("checked above").line = line;
                continue;
            }
            entries.push(TracebackEntry {
                filename: code.filename.clone(),
                line,
                function: code.name.clone(),
                position: Default::default(),
            });
        }
        entries
    }

    /// Where the thread is, innermost frame last: for tracebacks of errors raised by built-ins.
    pub fn current_line(&self) -> Option<(Text, u32, Text)> {
        self.frames.last().map(|frame| {
            let line =
                frame.function.code.lines.get(frame.pc.saturating_sub(1)).copied().unwrap_or(0);
            (frame.function.code.filename.clone(), line, frame.function.code.name.clone())
        })
    }
}

/// `MakeFunction`'s optional operands: a tuple on the stack when its flag is set.
fn pop_tuple_if(stack: &mut Vec<Value>, present: bool) -> Vec<Value> {
    if !present {
        return Vec::new();
    }
    match stack.pop() {
        Some(Value::Tuple(items)) => items.to_vec(),
        _ => unreachable!("the compiler pushes a tuple for each flag it sets"),
    }
}

/// Whether a dict key is the string `name` (a pointer check first: usually the same `Arc`).
/// The special method `name` of `object`'s class, when it is a plain Python function that
/// [`Thread::push_special`] can run as a frame (not a generator, no `__getattribute__` hook).
fn python_special(object: &Value, name: &str) -> Option<Arc<Function>> {
    let Value::Instance(instance) = object else { return None };
    if instance.class.overrides_getattribute {
        return None;
    }
    match instance.class.lookup(name)? {
        Value::Function(function) if !function.code.is_generator => Some(function),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum Accessor {
    Get,
    Set,
}

/// The getter or setter of a `property` of `object`'s class named `name`, when it is a plain
/// Python function (a property wins over the instance's own attributes, as in CPython).
fn python_property(
    cache: &mut AttributeCache,
    object: &Value,
    name: &Text,
    accessor: Accessor,
) -> Option<Arc<Function>> {
    let Value::Instance(instance) = object else { return None };
    if !instance.class.has_properties || instance.class.overrides_getattribute {
        return None;
    }
    // A getter's AttributeError goes on to `__getattr__`, which the slower path asks.
    if matches!(accessor, Accessor::Get) && cache.find_text(&instance.class, &GETATTR).is_some() {
        return None;
    }
    let Value::Descriptor(descriptor) = cache.find_text(&instance.class, name)? else {
        return None;
    };
    let Descriptor::Property { get, set, .. } = &**descriptor else { return None };
    match (accessor, get, set) {
        (Accessor::Get, Value::Function(function), _)
        | (Accessor::Set, _, Value::Function(function))
            if !function.code.is_generator =>
        {
            Some(function.clone())
        }
        _ => None,
    }
}

/// Whether simulated mode calls `callable` through its stand-in ([`Thread::call_stand_in`]):
/// a built-in given a generator, `sep.join(generator)` through `LoadMethod`, or `sorted`,
/// `min`, `max` or `list.sort` given a key written in Python.
fn has_stand_in(callable: &Value, args: &[Value], kwargs: &[(Text, Value)]) -> bool {
    if matches!(args.first(), Some(Value::Generator(_))) {
        return true;
    }
    let Value::Builtin(builtin) = callable else { return false };
    match builtin.name {
        "join" => matches!(args, [Value::Str(_), Value::Generator(_)]),
        "sorted" | "min" | "max" | "sort" => has_python_key(kwargs),
        // A call the built-in would refuse goes to it, for its errors.
        "map" => args.len() >= 2 && kwargs.is_empty() && is_python_callable(&args[0]),
        "filter" => args.len() == 2 && kwargs.is_empty() && is_python_callable(&args[0]),
        _ => false,
    }
}

fn has_python_key(kwargs: &[(Text, Value)]) -> bool {
    kwargs.iter().any(|(name, key)| &**name == "key" && is_python_callable(key))
}

/// A bound method about to be called with the `count` arguments above it on `stack`: its
/// function takes its place and its receiver becomes the first argument, as CPython's
/// `CALL` unpacks one. Every call path then sees a plain function or built-in (the fast
/// calls among them), and no argument list is copied to put the receiver first. The count
/// of arguments now.
fn unpack_bound_method(stack: &mut Vec<Value>, count: usize) -> usize {
    let at = stack.len() - count - 1;
    let Value::Method(method) = &stack[at] else { return count };
    let (function, receiver) = (method.function.clone(), method.receiver.clone());
    stack[at] = function;
    stack.insert(at + 1, receiver);
    count + 1
}

/// What a closure cell holds; `None` while its variable is unbound.
fn cell_value(cell: &Value) -> Option<Value> {
    let Value::Cell(cell) = cell else { unreachable!("cells hold cells") };
    lock(cell).clone()
}

/// A function written in Python, or one bound to an object.
fn is_python_callable(value: &Value) -> bool {
    match value {
        Value::Function(_) => true,
        Value::Method(method) => matches!(method.function, Value::Function(_)),
        _ => false,
    }
}

/// PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
fn pep_479(thread: &Thread, error: Value) -> Value {
    match &error {
        Value::Instance(i) if &*i.class.name == "StopIteration" => {
            // Raised from the StopIteration, as CPython does.
            let runtime_error = thread.exception("RuntimeError", "generator raised StopIteration");
            if let Value::Instance(instance) = &runtime_error {
                instance.set(Text::from("__cause__"), error.clone());
                instance.set(Text::from("__context__"), error.clone());
                instance.set(Text::from("__suppress_context__"), Value::Bool(true));
            }
            runtime_error
        }
        _ => error,
    }
}

fn key_is(key: &Key, name: &Text) -> bool {
    matches!(&key.0, Value::Str(s) if Text::ptr_eq(s, name) || **s == **name)
}

fn add_traceback(
    exception: &Value,
    code: &Code,
    (mut line, mut position): (u32, crate::code::Position),
    version: crate::version::PythonVersion,
) {
    // Our own stand-ins for built-ins (`_gilpy_iteration`) are not frames CPython would show.
    if code.filename.starts_with("<frozen _gilpy_") {
        return;
    }
    let Value::Instance(instance) = exception else { return };
    let mut entries = lock(&instance.traceback);
    // From 3.12 list, set and dict comprehensions run inline in their function (PEP 709): a
    // comprehension's entry only stands in for the function's, which takes its place and
    // keeps its line and span, the innermost.
    let inlined = |name: &str| {
        version >= crate::version::PythonVersion::V3_12
            && matches!(name, "<listcomp>" | "<setcomp>" | "<dictcomp>")
    };
    if entries.last().is_some_and(|entry| inlined(&entry.function)) {
        let inner = entries.pop().expect("checked above");
        (line, position) = (inner.line, inner.position);
    }
    entries.push(TracebackEntry {
        filename: code.filename.clone(),
        line,
        function: code.name.clone(),
        position,
    });
}

/// Implicit chaining: an exception raised while handling another gets it as `__context__`.
fn set_context(exception: &Value, previous: &Value) {
    if exception.is(previous) {
        return;
    }
    if let Value::Instance(instance) = exception {
        if instance.get("__context__").is_none() {
            instance.set(Text::from("__context__"), previous.clone());
        }
    }
}

/// The simulator's signal that a thread was switched out: not an exception, never seen by
/// Python. It passes up through the eval loop, which leaves the frames as they are.
static SUSPEND_TYPE: crate::value::NativeType =
    crate::value::NativeType { name: "suspend", module: "_gilpy", methods: &[] };

pub(crate) fn simulate_suspend() -> Value {
    crate::value::Native::new(&SUSPEND_TYPE, ())
}

pub(crate) fn is_suspend(value: &Value) -> bool {
    matches!(value, Value::Native(native) if std::ptr::eq(native.kind, &SUSPEND_TYPE))
}

/// `__exit__`'s arguments for an exception leaving a `with` block: type, value, traceback.
fn exit_arguments(exception: &Value) -> Vec<Value> {
    let class = match exception {
        Value::Instance(instance) => Value::Class(instance.class.clone()),
        _ => Value::None,
    };
    vec![class, exception.clone(), Value::None]
}

/// The special method `name` of `value`'s class: `Some(Some(function))` when it is written in
/// Python (a plain function, which can run as a frame), `Some(None)` when there is none, and
/// `None` when there is one of another kind or the class reads attributes its own way.
fn operator_method(value: &Value, name: &str) -> Option<Option<Arc<Function>>> {
    let Value::Instance(instance) = value else { return None };
    if instance.class.overrides_getattribute {
        return None;
    }
    match instance.class.lookup(name) {
        None => Some(None),
        Some(Value::Function(function)) if !function.code.is_generator => Some(Some(function)),
        Some(_) => None,
    }
}

/// The first special method a binary operator would call on `left`, when it is written in
/// Python, and how far the protocol has then got.
fn binary_method(left: &Value, op: BinaryOp, in_place: bool) -> Option<(Arc<Function>, Tried)> {
    if in_place {
        if let Some(method) = operator_method(left, op.in_place_dunder())? {
            return Some((method, Tried::InPlace));
        }
    }
    Some((operator_method(left, op.dunder().0)??, Tried::Plain))
}

/// `instance.name` when it is the instance's own attribute and nothing on its class takes
/// precedence (a property, `__getattribute__`), as [`builtins::get_attribute`] would find it;
/// `None` sends the read the general way.
#[inline]
fn own_attribute(
    cache: &mut AttributeCache,
    instance: &Instance,
    name: &Text,
    hint: &std::sync::atomic::AtomicU32,
) -> Option<Value> {
    if instance.class.overrides_getattribute || **name == *"__class__" {
        return None;
    }
    // A property, or an object that may be a descriptor of a user class, decides first.
    if let Some(Value::Descriptor(_) | Value::Instance(_)) = cache.find_text(&instance.class, name)
    {
        return None;
    }
    instance.get_hinted(name, hint)
}

/// A suspended frame's line: a `yield from` (an `await`) runs again from its own instruction,
/// a `yield` goes on after it, and a frame not started is at its first line.
fn suspended_line(frame: &Frame) -> u32 {
    let code = &frame.function.code;
    let at = match code.ops.get(frame.pc) {
        Some(Op::YieldFrom) => frame.pc,
        _ => frame.pc.saturating_sub(1),
    };
    code.lines.get(at).or(code.lines.first()).copied().unwrap_or(0)
}

fn frame_origin(frame: &Frame) -> (Text, u32) {
    let code = &frame.function.code;
    (code.filename.clone(), code.lines.first().copied().unwrap_or(0))
}

/// What an async generator's `yield` hands its driver (see `Op::AsyncGenWrap`), telling the
/// value it yields from what its `await`s pass up to the event loop.
pub static ASYNC_GEN_WRAPPED: crate::value::NativeType = crate::value::NativeType {
    name: "async_generator_wrapped_value",
    module: "builtins",
    methods: &[],
};

/// The names `__setattr__`, `__new__` and `__init__`, one text each for the attribute cache to
/// know by its address.
static SETATTR: std::sync::LazyLock<Text> = std::sync::LazyLock::new(|| Text::from("__setattr__"));
static NEW: std::sync::LazyLock<Text> = std::sync::LazyLock::new(|| Text::from("__new__"));
static INIT: std::sync::LazyLock<Text> = std::sync::LazyLock::new(|| Text::from("__init__"));
static GETATTR: std::sync::LazyLock<Text> = std::sync::LazyLock::new(|| Text::from("__getattr__"));

/// Whether `instance.name = value` only sets the instance's own attribute, as
/// [`builtins::set_attribute`] would: no `__setattr__` of the class's own, no descriptor or
/// property of that name on the class, no `__slots__`, and not a bare `object()`.
#[inline]
fn plain_store(
    cache: &mut AttributeCache,
    interp: &Interpreter,
    instance: &Instance,
    name: &Text,
) -> bool {
    let class = &instance.class;
    !class.has_slots
        && &*class.name != "object"
        && cache
            .find_text(class, &SETATTR)
            .is_some_and(|setattr| setattr.is(&interp.object_setattr))
        && !matches!(cache.find_text(class, name), Some(Value::Descriptor(_) | Value::Instance(_)))
}

/// Pushes the pair a loop's step made (`enumerate`, `zip`, `dict.items`): as `Unpack(2)` would
/// leave it when that instruction follows (which is then skipped), else as a tuple.
#[inline(always)]
fn push_pair(frame: &mut Frame, pc: usize, first: Value, second: Value, simulated: bool) {
    match fusable_next(&frame.function.code, pc, simulated) {
        Some(Op::Unpack(2)) => {
            frame.stack.push(second);
            frame.stack.push(first);
            frame.pc = pc + 2;
        }
        _ => frame.stack.push(Value::tuple(vec![first, second])),
    }
}

/// Whether a built-in iterator steps without Python code or errors: a sequence's or a range's.
fn steps_plainly(iterator: &Arc<std::sync::Mutex<Iter>>) -> bool {
    matches!(&*lock(iterator), Iter::Seq { .. } | Iter::Range { .. } | Iter::Exhausted(_))
}

/// The instruction after `pc`, if the loop may run it in the same step as the one at `pc`:
/// never where the eval breaker is checked before it, nor in simulated mode, which counts
/// instructions (see the invariant on fused instructions in ARCHITECTURE.md).
#[inline(always)]
fn fusable_next(code: &Code, pc: usize, simulated: bool) -> Option<Op> {
    let next = pc + 1;
    (!simulated && !code.check_sites[next]).then(|| code.ops[next])
}

/// Whether the right operand's method goes first: its class is a proper subclass of the left
/// operand's (CPython's rule, so that a subclass can decide how its base combines with it).
fn right_operand_first(left: &Value, right: &Value) -> bool {
    match (left, right) {
        (Value::Instance(l), Value::Instance(r)) => {
            !Arc::ptr_eq(&l.class, &r.class) && r.class.is_subclass_of(&l.class)
        }
        _ => false,
    }
}

/// Whether the right operand's class defines `name` otherwise than the left operand's
/// (`method_is_overloaded`).
fn overrides(left: &Value, right: &Value, name: &str) -> bool {
    let (Value::Instance(l), Value::Instance(r)) = (left, right) else { return false };
    match (l.class.lookup(name), r.class.lookup(name)) {
        (_, None) => false,
        (Some(a), Some(b)) => !a.is(&b),
        (None, Some(_)) => true,
    }
}

/// Stores a small int into local `index` (a fused `StoreFast`).
#[inline(always)]
fn store_int(locals: &mut [Option<Value>], index: u32, value: i64) {
    if let Some(old) = locals[index as usize].replace(Value::Int(value)) {
        old.drop_fast();
    }
}

/// A global's value, cloned inline when it is a function (the usual global) or an immediate:
/// the generic clone is a call.
#[inline(always)]
fn clone_global(value: &Value) -> Value {
    match value {
        Value::Function(function) => Value::Function(function.clone()),
        other => other.clone_fast(),
    }
}

/// Pops the top of a value stack; an int is read as its tag and payload (see [`pop_int`]).
#[inline(always)]
fn pop_value(stack: &mut Vec<Value>) -> Value {
    match stack.last() {
        Some(&Value::Int(i)) => {
            pop_int(stack);
            Value::Int(i)
        }
        _ => stack.pop().expect("stack"),
    }
}

/// Pops the top of a value stack known to hold an immediate (an int or a bool), which has
/// nothing to drop. The popped value is never read: reading back, whole, a 24-byte `Value`
/// that was just written as a tag and a payload stalls the load (the store cannot be
/// forwarded to it), and that stall was a sixth of a counting loop's time.
#[inline(always)]
fn pop_int(stack: &mut Vec<Value>) {
    debug_assert!(matches!(stack.last(), Some(Value::Int(_) | Value::Bool(_))));
    std::mem::forget(stack.pop());
}
