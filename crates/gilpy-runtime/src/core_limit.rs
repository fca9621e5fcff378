//! A limit on how many threads run Python at once: the cores of a smaller machine, so that a
//! sweep on real cores can ask "what do 1, 2, ... cores bring?" on the machine at hand.
//!
//! It works as an OS scheduler does, in miniature. A thread takes a core before it runs
//! ([`CoreLimit::take_core`]) and gives it back when it blocks or ends
//! ([`CoreLimit::give_core`]). Waiters queue in order. A waiter that has waited a whole time
//! slice sets [`EvalBreaker::CORE_YIELD_REQUEST`] on the thread that has held its core longest,
//! which gives it up at its next eval-breaker check and queues again behind the waiter: so
//! more threads than cores take turns, as the GIL's drop request makes threads take turns.
//!
//! With a GIL too, a thread takes its core first and the GIL second, and gives the core back
//! only after it has released the GIL: a thread without a core never holds the GIL.
//!
//! A thread is known here by its eval breaker, which is its own: thread ids are numbered per
//! interpreter, and every process of a run shares one limit.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use crate::gil::{EvalBreaker, Stopped};

/// How long a thread keeps its core while others wait: an OS-like time slice.
pub const TIME_SLICE: Duration = Duration::from_millis(10);

struct Holder {
    breaker: Arc<EvalBreaker>,
    /// When it took the core (a count of grants, so the oldest is the smallest).
    taken: u64,
}

#[derive(Default)]
struct CoreState {
    holders: Vec<Holder>,
    /// Threads waiting for a core (their breakers), first come first served.
    queue: VecDeque<Arc<EvalBreaker>>,
    grants: u64,
}

pub struct CoreLimit {
    cores: usize,
    state: Mutex<CoreState>,
    /// Signalled when a core comes free or the queue moves.
    freed: Condvar,
    /// The latest time a core was given back, on the giver's clock (see [`CoreLimit::give_core`]).
    released_at_ns: AtomicU64,
}

impl CoreLimit {
    pub fn new(cores: usize) -> CoreLimit {
        CoreLimit {
            cores: cores.max(1),
            state: Mutex::default(),
            freed: Condvar::new(),
            released_at_ns: AtomicU64::new(0),
        }
    }

    pub fn cores(&self) -> usize {
        self.cores
    }

    /// Takes a core if one is free and nobody is waiting; false if `thread` must wait.
    pub fn try_take_core(&self, breaker: &Arc<EvalBreaker>) -> bool {
        let mut state = self.lock_state();
        if state.holders.len() < self.cores && state.queue.is_empty() {
            Self::grant(&mut state, breaker);
            return true;
        }
        false
    }

    /// Blocks until the thread of `breaker` has a core. Returns `Err(Stopped)` when the run
    /// is stopped.
    pub fn take_core(&self, breaker: &Arc<EvalBreaker>) -> Result<(), Stopped> {
        let mut state = self.lock_state();
        state.queue.push_back(breaker.clone());
        loop {
            if breaker.is_set(EvalBreaker::STOP) {
                state.queue.retain(|waiting| !Arc::ptr_eq(waiting, breaker));
                self.freed.notify_all();
                return Err(Stopped);
            }
            let first = state.queue.front().is_some_and(|waiting| Arc::ptr_eq(waiting, breaker));
            if state.holders.len() < self.cores && first {
                break;
            }
            let (guard, wait) =
                self.freed.wait_timeout(state, TIME_SLICE).unwrap_or_else(|e| e.into_inner());
            state = guard;
            if wait.timed_out() && state.holders.len() >= self.cores {
                // A whole slice without a core: ask the longest holder to make way.
                if let Some(oldest) = state.holders.iter().min_by_key(|holder| holder.taken) {
                    oldest.breaker.set(EvalBreaker::CORE_YIELD_REQUEST);
                }
            }
        }
        state.queue.pop_front();
        Self::grant(&mut state, breaker);
        // The next in the queue may have a core too.
        self.freed.notify_all();
        Ok(())
    }

    fn grant(state: &mut CoreState, breaker: &Arc<EvalBreaker>) {
        state.grants += 1;
        let taken = state.grants;
        state.holders.push(Holder { breaker: breaker.clone(), taken });
        breaker.clear(EvalBreaker::CORE_YIELD_REQUEST);
    }

    /// Gives back the core the thread of `breaker` holds (nothing if none), at `now_ns` on the
    /// giver's clock. Threads may read clocks a little apart (web workers each have their own
    /// time origin): a taker's trace starts no earlier than [`CoreLimit::released_at_ns`], so
    /// that two threads never seem to share one core.
    pub fn give_core(&self, breaker: &Arc<EvalBreaker>, now_ns: u64) {
        self.released_at_ns.fetch_max(now_ns, Ordering::SeqCst);
        let mut state = self.lock_state();
        if let Some(at) = state.holders.iter().position(|h| Arc::ptr_eq(&h.breaker, breaker)) {
            let holder = state.holders.swap_remove(at);
            holder.breaker.clear(EvalBreaker::CORE_YIELD_REQUEST);
            self.freed.notify_all();
        }
    }

    /// Wakes every waiter so that it can see a stop request.
    pub fn wake_all(&self) {
        let _state = self.lock_state();
        self.freed.notify_all();
    }

    pub fn released_at_ns(&self) -> u64 {
        self.released_at_ns.load(Ordering::SeqCst)
    }

    fn lock_state(&self) -> MutexGuard<'_, CoreState> {
        // Every update is complete before the lock is released, so a poisoned lock is usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Instant;

    /// Threads that compute until asked to yield, checking as an eval loop does.
    fn run_threads(limit: &Arc<CoreLimit>, threads: u32, running_for: Duration) -> usize {
        let now_running = Arc::new(AtomicUsize::new(0));
        let most_at_once = Arc::new(AtomicUsize::new(0));
        let turns = Arc::new(AtomicUsize::new(0));
        std::thread::scope(|scope| {
            for _ in 0..threads {
                let (limit, now_running, most_at_once, turns) =
                    (limit.clone(), now_running.clone(), most_at_once.clone(), turns.clone());
                scope.spawn(move || {
                    let breaker = Arc::new(EvalBreaker::default());
                    let end = Instant::now() + running_for;
                    limit.take_core(&breaker).unwrap();
                    let mut running = now_running.fetch_add(1, Ordering::SeqCst) + 1;
                    most_at_once.fetch_max(running, Ordering::SeqCst);
                    while Instant::now() < end {
                        if breaker.is_set(EvalBreaker::CORE_YIELD_REQUEST) {
                            now_running.fetch_sub(1, Ordering::SeqCst);
                            limit.give_core(&breaker, 0);
                            limit.take_core(&breaker).unwrap();
                            turns.fetch_add(1, Ordering::SeqCst);
                            running = now_running.fetch_add(1, Ordering::SeqCst) + 1;
                            most_at_once.fetch_max(running, Ordering::SeqCst);
                        }
                        std::hint::spin_loop();
                    }
                    now_running.fetch_sub(1, Ordering::SeqCst);
                    limit.give_core(&breaker, 0);
                });
            }
        });
        assert!(turns.load(Ordering::SeqCst) > 0, "threads beyond the cores took no turns");
        most_at_once.load(Ordering::SeqCst)
    }

    #[test]
    fn no_more_threads_run_at_once_than_there_are_cores_and_all_take_turns() {
        for cores in [1, 2] {
            let limit = Arc::new(CoreLimit::new(cores));
            let most = run_threads(&limit, 3, Duration::from_millis(120));
            assert!(most <= cores, "{most} threads ran at once on {cores} cores");
        }
    }

    #[test]
    fn a_stop_wakes_a_waiter() {
        let limit = Arc::new(CoreLimit::new(1));
        let holder = Arc::new(EvalBreaker::default());
        limit.take_core(&holder).unwrap();
        let waiter = Arc::new(EvalBreaker::default());
        std::thread::scope(|scope| {
            let handle = scope.spawn(|| limit.take_core(&waiter));
            std::thread::sleep(Duration::from_millis(30));
            waiter.set(EvalBreaker::ASYNC_EXCEPTION);
            limit.wake_all();
            assert_eq!(handle.join().unwrap(), Err(Stopped));
        });
        // The holder was asked to make way meanwhile.
        assert!(holder.is_set(EvalBreaker::CORE_YIELD_REQUEST));
    }
}
