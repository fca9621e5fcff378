//! One run of a workload: an M:N scheduler that steps tasks on a few cores.
//!
//! Each core (an OS thread or a web worker from the host's [`CorePool`]) loops: wake the tasks
//! whose I/O is over, pop a ready task, run it until it finishes, blocks, or yields, put it back.
//! A task blocked on I/O sits in `sleeping` and holds no core, so ten I/O tasks on two cores
//! overlap their waits as ten Python threads would. In single-lock mode a task must hold the
//! [`Gil`] to compute, and checks the [`EvalBreaker`] every [`CHECK_EVERY_OPS`] operations, as
//! CPython's eval loop does at backward jumps.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::gil::{EvalBreaker, Gil, ThreadId};
use crate::{spin_ops, Clock, CorePool, RunTrace, Span, SpanKind, Step, Task, TaskTrace, Workload};

/// How a run uses its cores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    /// One core; tasks run one after another and the program waits out each I/O.
    Sequential,
    /// N cores and no lock: tasks compute at the same time.
    Parallel,
    /// N cores, but computing needs the one GIL, handed over by CPython's protocol.
    SingleLock,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Sequential, Mode::Parallel, Mode::SingleLock];

    /// The stable name used in messages, share links and the page's `data-mode` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Sequential => "sequential",
            Mode::Parallel => "parallel",
            Mode::SingleLock => "single-lock",
        }
    }

    pub fn parse(text: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| mode.as_str() == text)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunConfig {
    pub mode: Mode,
    /// Cores to use; sequential mode always uses one.
    pub cores: usize,
    pub switch_interval_us: u64,
}

/// Operations between two eval-breaker checks (about 10 µs of work): the analogue of the
/// check at every backward jump of a Python loop.
pub const CHECK_EVERY_OPS: u64 = 4_096;

/// In parallel mode a task gives its core to a waiting one after this many checks (about
/// 10 ms), like an OS time slice; without it, tasks beyond the core count would only start when
/// a whole task ended.
const CHECKS_PER_TIME_SLICE: u32 = 1_024;

/// A snapshot for progress reports while the run goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub tasks_done: usize,
    pub tasks_total: usize,
    pub elapsed_us: u64,
}

pub struct Run {
    config: RunConfig,
    clock: Box<dyn Clock + Send>,
    /// Clock reading at the start of `execute`; span times are relative to it.
    started_at_us: AtomicU64,
    breaker: Arc<EvalBreaker>,
    gil: Gil,
    queues: Mutex<Queues>,
    /// Signalled when a task becomes ready, the last task ends, or the run is stopped.
    queues_changed: Condvar,
    /// Mirrors `queues.ready.len()`, read lock-free at time-slice checks.
    ready_count: AtomicUsize,
    /// Earliest `wake_at_us` among sleeping tasks (`u64::MAX` when none).
    next_wake_at_us: AtomicU64,
    /// Where sequential mode waits out I/O, so that Stop can cut the wait short.
    io_wait: (Mutex<()>, Condvar),
    tasks_total: usize,
    tasks_done: AtomicUsize,
    /// When the GIL was last released, on the releaser's clock. Cores read clocks that may
    /// disagree by a few microseconds (each web worker has its own time origin); a new holder
    /// starts its span no earlier than this, so that spans follow the lock's own order.
    gil_released_at_us: AtomicU64,
}

struct Queues {
    ready: VecDeque<TaskState>,
    sleeping: Vec<TaskState>,
    ended: Vec<TaskState>,
}

struct TaskState {
    index: usize,
    name: String,
    steps: Vec<Step>,
    step: usize,
    /// Operations left in the current `Compute` step.
    ops_left: u64,
    /// The arithmetic's running state, kept so the work is real.
    accumulator: u64,
    holds_gil: bool,
    /// When the task became ready (in `ready`) or blocked (in `sleeping`).
    since_us: u64,
    wake_at_us: u64,
    spans: Vec<Span>,
    finished: bool,
}

impl TaskState {
    fn new(index: usize, task: &Task) -> TaskState {
        let mut state = TaskState {
            index,
            name: task.name.clone(),
            steps: task.steps.clone(),
            step: 0,
            ops_left: 0,
            accumulator: index as u64 + 1,
            holds_gil: false,
            since_us: 0,
            wake_at_us: 0,
            spans: Vec::new(),
            finished: false,
        };
        state.ops_left = state.compute_ops_of_current_step();
        state
    }

    fn compute_ops_of_current_step(&self) -> u64 {
        match self.current_step() {
            Some(Step::Compute { ops }) => ops,
            _ => 0,
        }
    }

    fn thread_id(&self) -> ThreadId {
        ThreadId(self.index as u32)
    }

    fn current_step(&self) -> Option<Step> {
        self.steps.get(self.step).copied()
    }

    fn advance(&mut self) {
        self.step += 1;
        self.ops_left = self.compute_ops_of_current_step();
    }

    /// Appends a span, joining it to the previous one when they touch and agree.
    fn record(&mut self, kind: SpanKind, start_us: u64, end_us: u64, core: Option<u16>) {
        if end_us <= start_us {
            return;
        }
        if let Some(last) = self.spans.last_mut() {
            if last.kind == kind && last.core == core && last.end_us == start_us {
                last.end_us = end_us;
                return;
            }
        }
        let start_us = start_us.max(self.spans.last().map_or(0, |last| last.end_us));
        if end_us > start_us {
            self.spans.push(Span { kind, start_us, end_us, core });
        }
    }

    fn into_trace(self) -> TaskTrace {
        TaskTrace { name: self.name, spans: self.spans, finished: self.finished }
    }
}

/// How a turn of a task on a core ended.
enum Turn {
    /// Back to the ready queue: asked to drop the GIL, or its time slice is over.
    Yield,
    /// Waiting for I/O in `sleeping`, holding no core.
    Block,
    Finished,
    Stopped,
}

enum ComputeEnd {
    StepDone,
    DropRequested,
    TimeSliceOver,
    Stopped,
}

impl Run {
    pub fn new(config: RunConfig, workload: &Workload, clock: Box<dyn Clock + Send>) -> Run {
        let ready = workload
            .tasks
            .iter()
            .enumerate()
            .map(|(index, task)| TaskState::new(index, task))
            .collect::<VecDeque<_>>();
        Run {
            config,
            clock,
            started_at_us: AtomicU64::new(0),
            breaker: Arc::default(),
            gil: Gil::new(config.switch_interval_us),
            ready_count: AtomicUsize::new(ready.len()),
            next_wake_at_us: AtomicU64::new(u64::MAX),
            tasks_total: ready.len(),
            queues: Mutex::new(Queues { ready, sleeping: Vec::new(), ended: Vec::new() }),
            queues_changed: Condvar::new(),
            io_wait: (Mutex::new(()), Condvar::new()),
            tasks_done: AtomicUsize::new(0),
            gil_released_at_us: AtomicU64::new(0),
        }
    }

    pub fn config(&self) -> RunConfig {
        self.config
    }

    /// Runs every task to the end (or until [`Run::stop`]) on cores from `pool`, and returns
    /// the trace. Call it once.
    pub fn execute(&self, pool: &dyn CorePool) -> RunTrace {
        let cores = match self.config.mode {
            Mode::Sequential => 1,
            Mode::Parallel | Mode::SingleLock => {
                self.config.cores.clamp(1, pool.max_cores().max(1))
            }
        };
        self.started_at_us.store(self.clock.now_us(), Ordering::SeqCst);
        pool.run_on_cores(cores, &|core| self.core_main(core));
        let wall_us = self.now_us();

        let mut queues = self.lock_queues();
        let mut tasks = std::mem::take(&mut queues.ended);
        for mut task in queues.ready.drain(..) {
            if self.config.mode != Mode::Sequential {
                task.record(SpanKind::Ready, task.since_us, wall_us, None);
            }
            tasks.push(task);
        }
        for mut task in queues.sleeping.drain(..) {
            task.record(SpanKind::BlockedIo, task.since_us, wall_us, None);
            tasks.push(task);
        }
        tasks.sort_by_key(|task| task.index);
        let tasks: Vec<TaskTrace> = tasks.into_iter().map(TaskState::into_trace).collect();
        RunTrace {
            mode: self.config.mode,
            cores,
            switch_interval_us: self.gil.switch_interval_us(),
            wall_us,
            stopped: tasks.iter().any(|task| !task.finished),
            tasks,
            gil_switches: if self.needs_gil() { self.gil.switch_number() } else { 0 },
        }
    }

    /// Asks every core to stop at its next check point; safe to call from any thread, any time.
    pub fn stop(&self) {
        self.breaker.set(EvalBreaker::ASYNC_EXCEPTION);
        self.gil.wake_all();
        drop(self.lock_queues());
        self.queues_changed.notify_all();
        let _io = self.io_wait.0.lock().unwrap_or_else(|e| e.into_inner());
        self.io_wait.1.notify_all();
    }

    pub fn progress(&self) -> Progress {
        let started = self.started_at_us.load(Ordering::SeqCst);
        Progress {
            tasks_done: self.tasks_done.load(Ordering::SeqCst),
            tasks_total: self.tasks_total,
            elapsed_us: if started == 0 { 0 } else { self.now_us() },
        }
    }

    fn now_us(&self) -> u64 {
        self.clock.now_us().saturating_sub(self.started_at_us.load(Ordering::Relaxed))
    }

    fn stopped(&self) -> bool {
        self.breaker.is_set(EvalBreaker::ASYNC_EXCEPTION)
    }

    fn needs_gil(&self) -> bool {
        self.config.mode == Mode::SingleLock
    }

    fn lock_queues(&self) -> MutexGuard<'_, Queues> {
        self.queues.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn core_main(&self, core: usize) {
        let core_id = core as u16;
        let mut queues = self.lock_queues();
        loop {
            if self.stopped() || queues.ended.len() == self.tasks_total {
                return;
            }
            let now = self.now_us();
            self.wake_sleepers(&mut queues, now);
            if let Some(mut task) = queues.ready.pop_front() {
                self.ready_count.store(queues.ready.len(), Ordering::Relaxed);
                drop(queues);
                // A sequential program has not started its later tasks yet: nothing to show.
                if self.config.mode != Mode::Sequential {
                    task.record(SpanKind::Ready, task.since_us, now, None);
                }
                let turn = self.run_turn(&mut task, core_id);
                queues = self.lock_queues();
                match turn {
                    Turn::Yield => {
                        task.since_us = self.now_us();
                        queues.ready.push_back(task);
                        self.ready_count.store(queues.ready.len(), Ordering::Relaxed);
                        self.queues_changed.notify_one();
                    }
                    Turn::Block => {
                        queues.sleeping.push(task);
                        self.update_next_wake(&queues);
                        // An idle core may be waiting for a later deadline than this one.
                        self.queues_changed.notify_all();
                    }
                    Turn::Finished | Turn::Stopped => {
                        if task.finished {
                            self.tasks_done.fetch_add(1, Ordering::SeqCst);
                        }
                        queues.ended.push(task);
                        if queues.ended.len() == self.tasks_total {
                            self.queues_changed.notify_all();
                        }
                    }
                }
                continue;
            }
            let next_wake = queues.sleeping.iter().map(|task| task.wake_at_us).min();
            queues = match next_wake {
                Some(at) => {
                    let timeout = Duration::from_micros(at.saturating_sub(now).max(1));
                    self.queues_changed
                        .wait_timeout(queues, timeout)
                        .unwrap_or_else(|e| e.into_inner())
                        .0
                }
                None => self.queues_changed.wait(queues).unwrap_or_else(|e| e.into_inner()),
            };
        }
    }

    /// Moves every task whose I/O is over to the ready queue. The I/O span ends at the deadline:
    /// any delay after it is time spent ready, waiting for a core.
    fn wake_sleepers(&self, queues: &mut Queues, now: u64) {
        if !queues.sleeping.iter().any(|task| task.wake_at_us <= now) {
            return;
        }
        let (mut woken, sleeping): (Vec<_>, Vec<_>) =
            queues.sleeping.drain(..).partition(|task| task.wake_at_us <= now);
        queues.sleeping = sleeping;
        woken.sort_by_key(|task| (task.wake_at_us, task.index));
        for mut task in woken {
            task.record(SpanKind::BlockedIo, task.since_us, task.wake_at_us, None);
            task.since_us = task.wake_at_us;
            queues.ready.push_back(task);
        }
        self.ready_count.store(queues.ready.len(), Ordering::Relaxed);
        self.update_next_wake(queues);
    }

    fn update_next_wake(&self, queues: &Queues) {
        let next = queues.sleeping.iter().map(|task| task.wake_at_us).min().unwrap_or(u64::MAX);
        self.next_wake_at_us.store(next, Ordering::Relaxed);
    }

    /// Runs `task` on `core` until it finishes, blocks on I/O, yields, or the run stops.
    fn run_turn(&self, task: &mut TaskState, core: u16) -> Turn {
        loop {
            let Some(step) = task.current_step() else {
                self.release_gil(task, true);
                task.finished = true;
                return Turn::Finished;
            };
            match step {
                Step::Compute { .. } => {
                    let mut start = self.now_us();
                    if self.needs_gil() && !task.holds_gil {
                        let asked_at = start;
                        let taken = self.gil.take_gil(task.thread_id(), &self.breaker);
                        start = self.now_us().max(self.gil_released_at_us.load(Ordering::SeqCst));
                        task.record(SpanKind::WaitingForLock, asked_at, start, Some(core));
                        if taken.is_err() {
                            return Turn::Stopped;
                        }
                        task.holds_gil = true;
                    }
                    let end = self.compute(task);
                    task.record(SpanKind::Running, start, self.now_us().max(start), Some(core));
                    match end {
                        ComputeEnd::StepDone => task.advance(),
                        ComputeEnd::DropRequested => {
                            // CPython's handle_pending: drop the GIL (waiting for the switch),
                            // then queue up for it again.
                            let dropped_at = self.now_us();
                            self.release_gil(task, false);
                            task.record(
                                SpanKind::WaitingForLock,
                                dropped_at,
                                self.now_us(),
                                Some(core),
                            );
                            return Turn::Yield;
                        }
                        ComputeEnd::TimeSliceOver => return Turn::Yield,
                        ComputeEnd::Stopped => {
                            self.release_gil(task, true);
                            return Turn::Stopped;
                        }
                    }
                }
                Step::Io { ms } => {
                    // PyEval_SaveThread: nobody needs to ask for the GIL during a blocking call.
                    self.release_gil(task, false);
                    let start = self.now_us();
                    let wake_at = start + u64::from(ms) * 1_000;
                    task.advance();
                    if self.config.mode != Mode::Sequential {
                        task.since_us = start;
                        task.wake_at_us = wake_at;
                        return Turn::Block;
                    }
                    let completed = self.sleep_until(wake_at);
                    task.record(SpanKind::BlockedIo, start, self.now_us(), Some(core));
                    if !completed {
                        return Turn::Stopped;
                    }
                }
            }
        }
    }

    fn release_gil(&self, task: &mut TaskState, final_release: bool) {
        if task.holds_gil {
            self.gil_released_at_us.fetch_max(self.now_us(), Ordering::SeqCst);
            self.gil.drop_gil(task.thread_id(), &self.breaker, final_release);
            task.holds_gil = false;
        }
    }

    /// Does the current compute step's arithmetic, checking the eval breaker between chunks.
    fn compute(&self, task: &mut TaskState) -> ComputeEnd {
        let time_sliced = self.config.mode == Mode::Parallel;
        let mut checks_left = CHECKS_PER_TIME_SLICE;
        loop {
            let chunk = task.ops_left.min(CHECK_EVERY_OPS);
            task.accumulator = spin_ops(chunk, task.accumulator);
            task.ops_left -= chunk;
            if task.ops_left == 0 {
                return ComputeEnd::StepDone;
            }
            // The eval-breaker check point.
            if self.breaker.is_pending() {
                if self.breaker.is_set(EvalBreaker::ASYNC_EXCEPTION) {
                    return ComputeEnd::Stopped;
                }
                if task.holds_gil && self.breaker.is_set(EvalBreaker::GIL_DROP_REQUEST) {
                    return ComputeEnd::DropRequested;
                }
            }
            if time_sliced {
                checks_left -= 1;
                if checks_left == 0 {
                    checks_left = CHECKS_PER_TIME_SLICE;
                    let someone_waits = self.ready_count.load(Ordering::Relaxed) > 0
                        || self.next_wake_at_us.load(Ordering::Relaxed) <= self.now_us();
                    if someone_waits {
                        return ComputeEnd::TimeSliceOver;
                    }
                }
            }
        }
    }

    /// Blocks this core until `wake_at_us`; false if the run was stopped first.
    fn sleep_until(&self, wake_at_us: u64) -> bool {
        let (lock, cond) = &self.io_wait;
        let mut guard = lock.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if self.stopped() {
                return false;
            }
            let now = self.now_us();
            if now >= wake_at_us {
                return true;
            }
            let timeout = Duration::from_micros(wake_at_us - now);
            guard = cond.wait_timeout(guard, timeout).unwrap_or_else(|e| e.into_inner()).0;
        }
    }
}
