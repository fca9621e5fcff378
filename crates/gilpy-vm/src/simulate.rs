//! The simulated mode: every Python thread of a program on one host thread, in virtual time,
//! on as many virtual cores as asked, deterministically for a given seed.
//!
//! The threads run the same bytecode under the same rules as in real mode. What differs is who
//! decides when a thread runs: not the operating system but [`Simulator::advance`], a discrete-event
//! loop that always advances the runnable thread whose virtual clock is earliest, for a slice of
//! instructions (its length drawn from the seed). Each instruction costs [`OP_PS`] of virtual
//! time, more when more threads are runnable than there are cores. A thread leaves its slice
//! only at the top of its eval loop ([`Thread::sim_resume`] returns), so the loop can switch.
//!
//! The GIL keeps CPython's protocol (`Python/ceval_gil.c`), in virtual time: a thread that
//! wants it waits; after a switch interval with no switch, `GIL_DROP_REQUEST` is posted on the
//! holder's eval breaker, which it honours at its next check site; the GIL then goes to a
//! waiter, so the dropper cannot take it straight back (FORCE_SWITCHING). Blocking calls
//! (sleep, a lock, a queue) drop the GIL, wait in virtual time and take it again.
//!
//! A thread can be switched out only in its outermost eval loop. Inside a nested one (a
//! built-in calling back into Python) its slice goes on until it returns; a wait there runs the
//! other threads from where it stands ([`Simulator::wait_nested`]). The common nested loops are
//! avoided: a `for` loop runs its generator's frame in the same loop, and the built-ins that
//! consume a generator (`sum(i * i for i in ...)`) are replaced by Python loops from
//! `stdlib/_gilpy_iteration.py` in this mode.

use crate::text::Text;
use std::cell::Cell;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};

use gilpy_runtime::gil::EvalBreaker;
use indexmap::IndexMap;

use crate::builtins::Host;
use crate::value::Value;
use crate::vm::Thread;

/// Virtual picoseconds one of our instructions takes on an uncontended core, calibrated so that
/// a simulated loop takes what CPython 3.13 takes for it: `for i in range(n): total += i * i`
/// is 9 of our instructions and took CPython 3.13 40 ns an iteration on our 2-core reference
/// machine (`./dev bench` prints the ratio again).
pub const OP_PS: u64 = 4_500;
/// Free-threaded 3.13 runs single-threaded code about 40% slower than 3.13 with its GIL
/// (the specializing interpreter is off in 3.13t); as a ratio over 100.
const FREE_THREADED_COST_PERCENT: u64 = 140;
/// Instructions in a slice on average; each slice is drawn between half and one and a half
/// times this, from the seed.
const SLICE_OPS: u64 = 400;
/// Virtual time to start a thread (CPython: `pthread_create` and the new thread's set-up).
const THREAD_START_NS: u64 = 60_000;
/// Virtual time for the GIL to reach a waiter (a condition variable's wake-up).
const HANDOFF_NS: u64 = 5_000;
/// Virtual time to start a process: CPython 3.13 starts and joins an empty child with the spawn
/// method in about 40 ms on our reference machine (a new interpreter, its imports, the pipes).
pub(crate) const PROCESS_START_NS: u64 = 40_000_000;
/// More Python threads than this in one simulated program is refused, as a real OS would.
pub const MAX_THREADS: usize = 10_000;

/// The main process's pid in simulated mode.
const SIMULATED_PID: u32 = 4_000;

/// What the learner chooses: how many virtual cores, and the seed that fixes every choice.
#[derive(Clone, Copy, Debug)]
pub struct SimConfig {
    pub cores: usize,
    pub seed: u64,
}

thread_local! {
    /// Instructions the running thread has executed in this slice, and where the slice ends.
    /// Thread-local, not in the scheduler's lock: the eval loop bumps it at every instruction.
    static OPS: Cell<u64> = const { Cell::new(0) };
    static SLICE_END: Cell<u64> = const { Cell::new(u64::MAX) };
}

/// Virtual instructions a built-in costs for each item it takes from an iterable or container,
/// so that `sum(range(n))` or `sorted(items)` take virtual time as they take CPython real time
/// (CPython 3.13 on our reference machine, an item: `sum(range(n))` 12 ns, `max(list)` 8.5,
/// `"".join` 7, `x in list` 6, a comparison in `sorted` 9; two instructions are 9 ns).
pub(crate) const ITEM_OPS: u64 = 2;

/// Adds `ops` instructions' worth of work to the running thread's slice.
pub(crate) fn charge(ops: u64) {
    OPS.set(OPS.get() + ops);
}

/// Counts one instruction; true when the running thread's slice is over.
#[inline]
pub(crate) fn tick() -> bool {
    let ops = OPS.get() + 1;
    OPS.set(ops);
    ops >= SLICE_END.get()
}

/// What a thread does next when the loop gives it a core.
pub(crate) enum Job {
    /// Run the program's main module.
    Module(Arc<crate::code::Code>, Arc<crate::value::Dict>),
    /// Call a function (a thread's target, `threading._shutdown`).
    Call(Value, Vec<Value>, Vec<(Text, Value)>),
}

/// The next step of CPython's finalization as a job, once `*started` steps have begun: each
/// imported module of [`crate::threads::FINALIZERS`] in turn (`threading` joins the non-daemon
/// threads, then the atexit callbacks run, `multiprocessing`'s joining the child processes);
/// `None` when none is left.
pub(crate) fn next_finalizer(thread: &mut Thread, started: &mut usize) -> Option<Job> {
    while let Some(module) = crate::threads::FINALIZERS.get(*started) {
        *started += 1;
        let imported = crate::value::lock(&thread.interp.modules).get(*module).cloned();
        let shutdown = imported
            .and_then(|module| crate::builtins::get_attribute(thread, &module, "_shutdown").ok());
        if let Some(shutdown) = shutdown {
            return Some(Job::Call(shutdown, vec![], vec![]));
        }
    }
    None
}

/// Where a thread stands, as the scheduler sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum State {
    /// Has a job to start or frames to resume; holds the GIL if there is one.
    Runnable,
    /// Queued for the GIL since that virtual time.
    WantsGil,
    /// Waiting on `key` (a lock, a queue, a process) or for `deadline`, without the GIL.
    Blocked {
        key: usize,
        deadline: Option<u64>,
    },
    /// The main thread between two jobs.
    Ending,
    Done,
}

struct Sched {
    clock: u64,
    state: State,
    /// Its interpreter's GIL in `SimState::gils`; `None` on a free-threaded build.
    gil: Option<usize>,
    breaker: Arc<EvalBreaker>,
    /// What a blocked thread waits for and where, for a deadlock report.
    waiting: String,
}

/// The GIL in virtual time: who holds it, who waits, when a drop request falls due.
#[derive(Default)]
struct SimGil {
    holder: Option<u32>,
    last_holder: Option<u32>,
    switch_number: u64,
    waiters: VecDeque<u32>,
    /// When the longest-waiting waiter will have waited a whole interval, and the switch
    /// number then: a request is posted only if nobody took the GIL meanwhile.
    request_at: Option<(u64, u64)>,
}

struct SimState {
    threads: IndexMap<u32, Sched>,
    /// One GIL per interpreter, as each process has its own.
    gils: Vec<SimGil>,
    /// Which GIL belongs to which interpreter (by its address).
    gil_of: IndexMap<usize, usize>,
    switch_interval_ns: u64,
    rng: u64,
    /// The running thread, its clock when its slice began, and what each instruction costs
    /// (picoseconds).
    current: Option<u32>,
    slice_start: u64,
    op_cost_ps: u64,
    /// The latest virtual time any thread reached: the run's wall time.
    horizon: u64,
    /// Threads started during the running slice, for the loop to adopt.
    started: Vec<(Thread, Job, Option<Then>)>,
    /// The pid the next interpreter gets.
    next_pid: u32,
    main: u32,
    /// Threads waiting in nested loops, innermost last ([`Simulator::wait_nested`]).
    pinned: Vec<u32>,
}

pub struct Simulator {
    pub config: SimConfig,
    state: Mutex<SimState>,
    /// Every thread not running now, with the job it has yet to start. Apart from `state`, so
    /// that a running thread can reach the scheduler while the loop holds no lock.
    slots: Mutex<IndexMap<u32, Slot>>,
}

/// What a thread does when a job ends: its next job, or `None` to end. A process's main
/// thread re-runs the main module, then calls its target, then finalizes.
pub(crate) type Then = Box<dyn FnMut(&mut Thread, crate::vm::CallResult) -> Option<Job> + Send>;

struct Slot {
    /// Taken out while the thread runs a slice.
    thread: Option<Thread>,
    job: Option<Job>,
    /// What comes after `job` (a thread's target has nothing after it).
    then: Option<Then>,
    /// What the thread was started to call, for the report if it raises.
    function: Value,
    /// The main thread's job that ended, for the outer loop to act on.
    ended: Option<crate::vm::CallResult>,
}

/// How the simulation ended for the main thread.
pub(crate) enum Ending {
    /// Every job of the main thread ran.
    Finished,
    /// Every live thread waits for something that can never happen: one line per thread.
    Deadlock(Vec<String>),
}

impl Simulator {
    pub fn new(config: SimConfig) -> Arc<Simulator> {
        let config = SimConfig { cores: config.cores.clamp(1, 1024), ..config };
        Arc::new(Simulator {
            config,
            state: Mutex::new(SimState {
                threads: IndexMap::new(),
                gils: Vec::new(),
                gil_of: IndexMap::new(),
                switch_interval_ns: 5_000_000,
                // SplitMix64's golden-ratio start keeps seed 0 from being a fixed point.
                rng: config.seed ^ 0x9E37_79B9_7F4A_7C15,
                current: None,
                slice_start: 0,
                op_cost_ps: OP_PS,
                horizon: 0,
                started: Vec::new(),
                next_pid: SIMULATED_PID,
                main: 0,
                pinned: Vec::new(),
            }),
            slots: Mutex::new(IndexMap::new()),
        })
    }

    fn lock(&self) -> MutexGuard<'_, SimState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Virtual now: the running thread's clock, or the furthest any thread got.
    pub fn now(&self) -> u64 {
        let state = self.lock();
        state.now()
    }

    /// Registers a thread the program just started; the loop adopts it after this slice.
    pub(crate) fn start_thread(&self, thread: Thread, job: Job) -> Result<(), String> {
        self.start_thread_then(thread, job, None, THREAD_START_NS)
    }

    /// Like [`Simulator::start_thread`], with what the thread does after `job` (a process's
    /// main thread: see [`Then`]), and what starting it costs.
    pub(crate) fn start_thread_then(
        &self,
        thread: Thread,
        job: Job,
        then: Option<Then>,
        start_ns: u64,
    ) -> Result<(), String> {
        let mut state = self.lock();
        if state.threads.len() + state.started.len() >= MAX_THREADS {
            return Err(format!("more than {MAX_THREADS} threads"));
        }
        let now = state.now();
        let id = thread.sim_key();
        let sched = state.sched_for(&thread, now + start_ns);
        state.threads.insert(id, sched);
        state.started.push((thread, job, then));
        let at = now + start_ns;
        state.want_gil(id, at);
        Ok(())
    }

    /// The running thread asks for the GIL back (after a drop request): true if it has it at
    /// once, else it is queued and must leave its slice.
    pub(crate) fn take_gil(&self, id: u32) -> bool {
        let mut state = self.lock();
        let now = state.now();
        state.sync_clock(id, now);
        state.want_gil(id, now)
    }

    /// The running thread drops the GIL (asked to, or finishing); a waiter gets it.
    pub(crate) fn drop_gil(&self, id: u32) {
        let mut state = self.lock();
        let now = state.now();
        state.release_gil(id, now);
    }

    /// The running thread blocks on `key` until notified, or until `deadline`; `waiting` says
    /// for what and where, should it never be.
    pub(crate) fn block(&self, id: u32, key: usize, deadline: Option<u64>, waiting: String) {
        let mut state = self.lock();
        let now = state.now();
        state.sync_clock(id, now);
        state.release_gil(id, now);
        if let Some(sched) = state.threads.get_mut(&id) {
            sched.state = State::Blocked { key, deadline };
            sched.waiting = waiting;
        }
    }

    /// Something `key` names changed (a lock released, an item queued): its waiters try again.
    pub(crate) fn notify(&self, key: usize) {
        self.wake_blocked(|_, waits_on| waits_on == key);
    }

    /// A stop or `terminate()` of process `pid`: its blocked threads try again, and their wait
    /// sees the stop (as a real wait does when the GIL's waiters are woken).
    pub(crate) fn wake_process(&self, pid: u32) {
        // A thread's key is its process's pid above 16 bits (`vm::Thread::sim_key`).
        self.wake_blocked(|id, _| id >> 16 == pid);
    }

    /// The blocked threads for which `which(thread, key waited on)` holds want the GIL again.
    fn wake_blocked(&self, which: impl Fn(u32, usize) -> bool) {
        let mut state = self.lock();
        let now = state.now();
        let woken: Vec<u32> = state
            .threads
            .iter()
            .filter(|(id, s)| matches!(s.state, State::Blocked { key, .. } if which(**id, key)))
            .map(|(id, _)| *id)
            .collect();
        for id in woken {
            state.want_gil(id, now);
        }
    }

    /// Makes `main` the program's main thread, to do `first` when [`Simulator::advance`] runs.
    pub(crate) fn start(&self, main: Thread, first: Job) {
        let main_id = main.sim_key();
        {
            let mut state = self.lock();
            state.switch_interval_ns = main.interp.switch_interval_us() * 1000;
            state.main = main_id;
            let sched = state.sched_for(&main, 0);
            state.threads.insert(main_id, sched);
            state.want_gil(main_id, 0);
        }
        let slot = Slot {
            thread: Some(main),
            job: Some(first),
            then: None,
            function: Value::None,
            ended: None,
        };
        self.slots().insert(main_id, slot);
    }

    /// Runs the program, and every thread it starts, until the main thread has done its last
    /// job or every thread is stuck, or until `pause` (asked between slices of the outermost
    /// loop) says to give the host back its thread; `None` then, and the next call goes on.
    /// `finished` is told the result of each of the main thread's jobs and returns the next
    /// one; another thread ends with its job, reporting an exception as `_thread` does.
    pub(crate) fn advance(
        &self,
        mut finished: impl FnMut(&mut Thread, crate::vm::CallResult) -> Option<Job>,
        mut pause: impl FnMut() -> bool,
    ) -> Option<Ending> {
        let main_id = self.lock().main;
        loop {
            // A job of the main thread that ended (in this loop or in a nested one).
            let ended = self.slots().get_mut(&main_id).and_then(|slot| slot.ended.take());
            if let Some(result) = ended {
                let mut main = self.slots()[&main_id].thread.take().expect("main is parked");
                let next = finished(&mut main, result);
                let mut slots = self.slots();
                let slot = &mut slots[&main_id];
                slot.thread = Some(main);
                let mut state = self.lock();
                match next {
                    Some(next) => {
                        slot.job = Some(next);
                        let now = state.threads[&main_id].clock;
                        state.want_gil(main_id, now);
                    }
                    None => {
                        let now = state.threads[&main_id].clock;
                        state.release_gil(main_id, now);
                        state.threads[&main_id].state = State::Done;
                    }
                }
            }
            if self.lock().threads[&main_id].state == State::Done {
                break;
            }
            if pause() {
                return None;
            }
            if let Err(report) = self.step(None) {
                return Some(Ending::Deadlock(report));
            }
        }
        // Threads still alive (daemons, or stuck) end with the program, as at CPython's exit.
        self.slots().clear();
        Some(Ending::Finished)
    }

    /// A wait that cannot switch its thread out (it is in a nested eval loop, with Rust frames
    /// on the stack): the thread blocks, and the other threads run from here, until it is
    /// runnable again. Threads waiting the same way further down the stack cannot run until
    /// this one returns; if nothing else can run, the wait fails with the report.
    pub(crate) fn wait_nested(
        &self,
        me: u32,
        key: usize,
        deadline: Option<u64>,
        waiting: String,
    ) -> Result<(), Vec<String>> {
        self.block(me, key, deadline, waiting);
        self.lock().pinned.push(me);
        let result = loop {
            match self.step(Some(me)) {
                Ok(true) => break Ok(()),
                Ok(false) => {}
                Err(report) => break Err(report),
            }
        };
        let mut state = self.lock();
        state.pinned.pop();
        // The thread goes on with a new slice from where its clock stands.
        let clock = state.threads[&me].clock;
        state.begin_slice_at(me, clock, self.config.cores);
        result
    }

    /// Runs one slice of the thread that is due. `pinned` is the thread waiting in a nested
    /// loop that called this: `Ok(true)` when it is the one due (it goes on itself).
    fn step(&self, pinned: Option<u32>) -> Result<bool, Vec<String>> {
        let mut state = self.lock();
        let main_id = state.main;
        for (thread, job, then) in std::mem::take(&mut state.started) {
            let function = match &job {
                Job::Call(function, ..) => function.clone(),
                Job::Module(..) => Value::None,
            };
            let id = thread.sim_key();
            let slot = Slot { thread: Some(thread), job: Some(job), then, function, ended: None };
            self.slots().insert(id, slot);
        }
        if state.threads.get(&main_id).is_some_and(|s| s.state != State::Done) {
            let stop = self
                .slots()
                .get(&main_id)
                .and_then(|slot| slot.thread.as_ref().map(Thread::stop_requested));
            if stop == Some(true) {
                state.force_to_main(main_id);
            }
        }
        let Some(id) = state.next_to_run() else {
            return Err(state.deadlock_report());
        };
        if Some(id) == pinned {
            return Ok(true);
        }
        let Some(mut thread) = self.slots().get_mut(&id).and_then(|slot| slot.thread.take()) else {
            // Waiting in a nested loop further down the stack: it goes on only when the
            // waits above it end, and nothing else can run meanwhile.
            return Err(state.deadlock_report());
        };
        let job = self.slots().get_mut(&id).and_then(|slot| slot.job.take());
        // `sys.setswitchinterval` may have changed it.
        state.switch_interval_ns = thread.interp.switch_interval_us() * 1000;
        let clock = state.threads[&id].clock;
        state.begin_slice_at(id, clock, self.config.cores);
        drop(state);

        let result = match job {
            Some(job) => thread.sim_start(job),
            None => thread.sim_resume(),
        };

        self.lock().end_slice(id);
        let mut slots = self.slots();
        let slot = slots.get_mut(&id).expect("slots outlive their threads' slices");
        match result {
            None => slot.thread = Some(thread),
            Some(result) if id == main_id => {
                slot.thread = Some(thread);
                slot.ended = Some(result);
                // Parked until the outer loop has asked what comes next.
                self.lock().threads[&id].state = State::Ending;
            }
            Some(result) if slot.then.is_some() => {
                let mut then = slot.then.take().expect("checked");
                drop(slots);
                let next = then(&mut thread, result);
                let mut slots = self.slots();
                let slot = slots.get_mut(&id).expect("slots outlive their threads' slices");
                slot.thread = Some(thread);
                let mut state = self.lock();
                let now = state.threads[&id].clock;
                match next {
                    Some(job) => {
                        slot.job = Some(job);
                        slot.then = Some(then);
                        state.want_gil(id, now);
                    }
                    None => {
                        state.release_gil(id, now);
                        state.threads[&id].state = State::Done;
                        drop(state);
                        let thread = slots.shift_remove(&id).and_then(|slot| slot.thread);
                        drop(slots);
                        drop(thread);
                    }
                }
            }
            Some(result) => {
                let function = slot.function.clone();
                drop(slots);
                if let Err(exception) = result {
                    crate::threads::report_ignored(&mut thread, &function, &exception);
                }
                let mut state = self.lock();
                let now = state.threads[&id].clock;
                state.release_gil(id, now);
                state.threads[&id].state = State::Done;
                drop(state);
                self.slots().shift_remove(&id);
                // Dropping it leaves the thread table, as a real thread's end does.
                drop(thread);
            }
        }
        Ok(false)
    }

    fn slots(&self) -> MutexGuard<'_, IndexMap<u32, Slot>> {
        self.slots.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl SimState {
    fn now(&self) -> u64 {
        match self.current {
            Some(_) => self.slice_start + OPS.get() * self.op_cost_ps / 1000,
            None => self.horizon,
        }
    }

    fn draw(&mut self) -> u64 {
        // SplitMix64: small, fast, and the same on every platform.
        self.rng = self.rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A new thread's entry, from `at`, under its interpreter's GIL (made on first sight).
    fn sched_for(&mut self, thread: &Thread, at: u64) -> Sched {
        let gil = thread.interp.gil.is_some().then(|| {
            let next = self.gil_of.len();
            let index = *self.gil_of.entry(Arc::as_ptr(&thread.interp) as usize).or_insert(next);
            if index == self.gils.len() {
                self.gils.push(SimGil::default());
            }
            index
        });
        Sched {
            clock: at,
            state: State::WantsGil,
            gil,
            breaker: thread.eval_breaker.clone(),
            waiting: String::new(),
        }
    }

    fn sync_clock(&mut self, id: u32, now: u64) {
        if let Some(sched) = self.threads.get_mut(&id) {
            sched.clock = sched.clock.max(now);
        }
        self.horizon = self.horizon.max(now);
    }

    /// `id` wants the GIL at `now`: granted if free (or if there is none), else queued.
    fn want_gil(&mut self, id: u32, now: u64) -> bool {
        self.sync_clock(id, now);
        let g = match self.threads[&id].gil {
            Some(g) if self.gils[g].holder != Some(id) => g,
            _ => {
                self.threads[&id].state = State::Runnable;
                return true;
            }
        };
        if self.gils[g].holder.is_none() && self.gils[g].waiters.is_empty() {
            self.grant(id, now);
            return true;
        }
        self.threads[&id].state = State::WantsGil;
        let interval = self.switch_interval_ns;
        let gil = &mut self.gils[g];
        if !gil.waiters.contains(&id) {
            gil.waiters.push_back(id);
        }
        if gil.request_at.is_none() {
            gil.request_at = Some((now + interval, gil.switch_number));
        }
        if gil.holder.is_none() {
            // Free, but others queued first: the next in line gets it now.
            self.hand_over(g, now);
        }
        self.gils[g].holder == Some(id)
    }

    /// `id`'s interpreter's GIL goes to `id` at `at`.
    fn grant(&mut self, id: u32, at: u64) {
        let g = self.threads[&id].gil.expect("only a thread under a GIL is granted one");
        let gil = &mut self.gils[g];
        gil.holder = Some(id);
        if gil.last_holder != Some(id) {
            gil.last_holder = Some(id);
            gil.switch_number += 1;
        }
        let sched = &mut self.threads[&id];
        sched.clock = sched.clock.max(at);
        sched.state = State::Runnable;
        // The new holder owes nobody a drop yet (CPython clears it in take_gil).
        sched.breaker.clear(EvalBreaker::GIL_DROP_REQUEST);
        let gil = &mut self.gils[g];
        gil.request_at = match gil.waiters.is_empty() {
            true => None,
            false => Some((at + self.switch_interval_ns, gil.switch_number)),
        };
    }

    /// GIL `g` is free at `now`: one waiter, drawn from the seed, gets it.
    fn hand_over(&mut self, g: usize, now: u64) {
        if self.gils[g].waiters.is_empty() {
            self.gils[g].request_at = None;
            return;
        }
        let pick = (self.draw() % self.gils[g].waiters.len() as u64) as usize;
        let next = self.gils[g].waiters.remove(pick).expect("picked within range");
        self.grant(next, now + HANDOFF_NS);
    }

    fn release_gil(&mut self, id: u32, now: u64) {
        self.sync_clock(id, now);
        let Some(g) = self.threads[&id].gil else { return };
        self.gils[g].waiters.retain(|w| *w != id);
        if self.gils[g].holder == Some(id) {
            self.gils[g].holder = None;
            self.hand_over(g, now);
        }
    }

    /// Picks what happens next: the runnable thread with the earliest clock, unless a timed
    /// wait runs out before it. `None` when nothing can ever happen again.
    fn next_to_run(&mut self) -> Option<u32> {
        loop {
            let runnable = self
                .threads
                .iter()
                .filter(|(_, s)| s.state == State::Runnable)
                .min_by_key(|(id, s)| (s.clock, **id))
                .map(|(id, s)| (*id, s.clock));
            let timer = self
                .threads
                .iter()
                .filter_map(|(id, s)| match s.state {
                    State::Blocked { deadline: Some(deadline), .. } => Some((*id, deadline)),
                    _ => None,
                })
                .min_by_key(|(id, deadline)| (*deadline, *id));
            match (runnable, timer) {
                (Some((id, clock)), timer) if timer.is_none_or(|(_, at)| clock <= at) => {
                    return Some(id)
                }
                (_, Some((id, deadline))) => {
                    self.want_gil(id, deadline);
                }
                (None, None) => return None,
                (Some(_), None) => unreachable!("handled by the first arm"),
            }
        }
    }

    fn begin_slice_at(&mut self, id: u32, clock: u64, cores: usize) {
        let runnable = self.threads.values().filter(|s| s.state == State::Runnable).count() as u64;
        let cores = cores as u64;
        // More runnable threads than cores: each gets its share of a core.
        let gil = self.threads[&id].gil;
        let base = match gil {
            Some(_) => OP_PS,
            None => OP_PS * FREE_THREADED_COST_PERCENT / 100,
        };
        self.op_cost_ps = base * runnable.max(cores) / cores;
        let mut ops = SLICE_OPS / 2 + self.draw() % SLICE_OPS;
        let mut limit_at = |at: u64| {
            if at > clock {
                ops = ops.min(((at - clock) * 1000).div_ceil(self.op_cost_ps).max(1));
            }
        };
        if let Some(gil) = gil.map(|g| &self.gils[g]) {
            if let (Some((at, _)), true) = (gil.request_at, gil.holder == Some(id)) {
                limit_at(at);
            }
        }
        let next_timer = self
            .threads
            .values()
            .filter_map(|s| match s.state {
                State::Blocked { deadline, .. } => deadline,
                _ => None,
            })
            .min();
        if let Some(at) = next_timer {
            limit_at(at);
        }
        self.current = Some(id);
        self.slice_start = clock;
        OPS.set(0);
        SLICE_END.set(ops);
    }

    fn end_slice(&mut self, id: u32) {
        let now = self.now();
        self.current = None;
        SLICE_END.set(u64::MAX);
        if self.threads[&id].state == State::Runnable {
            self.sync_clock(id, now);
        }
        self.horizon = self.horizon.max(now);
        // A waiter has waited a whole interval and nobody took the GIL: ask the holder.
        for gil in &mut self.gils {
            if let (Some(holder), Some((at, number))) = (gil.holder, gil.request_at) {
                if self.threads[&holder].clock >= at {
                    if number == gil.switch_number {
                        self.threads[&holder].breaker.set(EvalBreaker::GIL_DROP_REQUEST);
                    }
                    gil.request_at = Some((at + self.switch_interval_ns, gil.switch_number));
                }
            }
        }
    }

    /// A stop: the main thread gets the GIL and runs, to raise KeyboardInterrupt.
    fn force_to_main(&mut self, main: u32) {
        if self.threads[&main].state == State::Runnable {
            return;
        }
        let Some(g) = self.threads[&main].gil else {
            let now = self.horizon;
            let sched = &mut self.threads[&main];
            sched.clock = sched.clock.max(now);
            sched.state = State::Runnable;
            return;
        };
        self.gils[g].waiters.retain(|w| *w != main);
        if let Some(holder) = self.gils[g].holder.take() {
            self.gils[g].waiters.push_front(holder);
            self.threads[&holder].state = State::WantsGil;
        }
        let now = self.horizon;
        self.grant(main, now);
    }

    fn deadlock_report(&self) -> Vec<String> {
        self.threads
            .values()
            .filter(|s| matches!(s.state, State::Blocked { .. }))
            .map(|s| s.waiting.clone())
            .collect()
    }
}

/// The host a simulated program sees: output goes to the real host, time is virtual, and
/// `os.cpu_count()` is the number of virtual cores.
pub struct SimHost {
    pub inner: Arc<dyn Host>,
    pub sim: Arc<Simulator>,
    /// `time.time()` at virtual zero.
    epoch: f64,
    /// A simulated run's files are its own, in memory: the same program gives the same
    /// output whatever the disk holds (see [`SimHost::new`]).
    files: crate::files::MemoryFiles,
}

impl SimHost {
    /// The host of a simulation of `program`: its files start as the program's folder on the
    /// real host would look to it, holding only the program itself, in the same current
    /// directory.
    pub fn new(inner: Arc<dyn Host>, sim: Arc<Simulator>, program: &crate::Program) -> SimHost {
        let epoch = inner.wall_time();
        let files = crate::files::MemoryFiles::in_directory_of(&inner.files().current_dir());
        files.add_file(&program.filename, program.lines.source().as_bytes().to_vec());
        SimHost { inner, sim, epoch, files }
    }
}

impl Host for SimHost {
    fn write_stdout(&self, text: &str) {
        self.inner.write_stdout(text)
    }
    fn flush_stdout(&self) {
        self.inner.flush_stdout()
    }
    fn write_stderr(&self, text: &str) {
        self.inner.write_stderr(text)
    }
    fn monotonic_ns(&self) -> u64 {
        self.sim.now()
    }
    fn wall_time(&self) -> f64 {
        self.epoch + self.sim.now() as f64 / 1e9
    }
    /// Simulated sleeps pass in virtual time (`threads::sleep` asks the simulator); nothing
    /// in simulated mode should block the host thread, so this returns at once.
    fn sleep(&self, _seconds: f64) {}
    fn spawn_thread(&self, run: Box<dyn FnOnce() + Send>) -> Result<(), String> {
        // Threads and processes start through `Simulator::start_thread`: nothing of a
        // simulated program runs on another host thread.
        drop(run);
        Err("a simulated program starts no host threads".into())
    }
    fn thread_stack_bytes(&self) -> usize {
        self.inner.thread_stack_bytes()
    }
    fn cpu_count(&self) -> Option<usize> {
        Some(self.sim.config.cores)
    }
    /// A fixed pid: it shows in the output and the trace, which must not vary between runs.
    fn process_id(&self) -> u32 {
        SIMULATED_PID
    }
    /// The shell that started the program, as it were: fixed too.
    fn parent_process_id(&self) -> u32 {
        SIMULATED_PID - 1
    }
    /// Each interpreter the simulation makes (a process) takes the next pid, in the order the
    /// program starts them: the same every run.
    fn fixed_pid(&self) -> Option<u32> {
        let mut state = self.sim.lock();
        state.next_pid += 1;
        Some(state.next_pid - 1)
    }
    fn environment(&self) -> Vec<(String, String)> {
        self.inner.environment()
    }
    fn files(&self) -> &dyn crate::files::FileSystem {
        &self.files
    }
}
