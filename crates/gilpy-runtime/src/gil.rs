//! The runtime's GIL, after CPython's `Python/ceval_gil.c`.
//!
//! The GIL is a `locked` flag behind a mutex and a condition variable. A thread that wants it
//! ([`Gil::take_gil`]) waits up to the switch interval; if the wait times out and nobody took the
//! GIL meanwhile (`switch_number` has not moved), it sets [`EvalBreaker::GIL_DROP_REQUEST`] on the
//! holder's eval breaker (per thread, as in CPython 3.12+; threads may also share one breaker, as
//! the task runner does) and keeps waiting. The holder sees the request at its next eval-breaker check and calls
//! [`Gil::drop_gil`], which, when a drop was requested, waits until another thread has taken the
//! GIL (`FORCE_SWITCHING`) so that the dropper cannot take it straight back. Blocking calls
//! (sleep, I/O) drop the GIL unasked and take it again afterwards (`PyEval_SaveThread` /
//! `PyEval_RestoreThread`).
//!
//! The Python VM calls the same two functions at its own check points; the task runner in
//! [`crate::Run`] does so between chunks of arithmetic.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// CPython's default `sys.getswitchinterval()`: 5 ms.
pub const DEFAULT_SWITCH_INTERVAL_US: u64 = 5_000;

/// Identifies a thread of Python (here: a task) to the GIL; CPython uses the `PyThreadState*`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ThreadId(pub u32);

/// Bits that ask the running thread to leave its fast path at the next check point
/// (CPython: `tstate->eval_breaker`). Checked with one relaxed load.
#[derive(Debug, Default)]
pub struct EvalBreaker(AtomicU32);

impl EvalBreaker {
    /// Another thread has waited a whole switch interval for the GIL.
    pub const GIL_DROP_REQUEST: u32 = 1 << 0;
    /// The run was stopped: unwind (CPython raises the pending async exception here; we use it
    /// for Stop and, later, KeyboardInterrupt).
    pub const ASYNC_EXCEPTION: u32 = 1 << 1;
    /// Another thread has waited a whole time slice for a core ([`crate::core_limit`]).
    pub const CORE_YIELD_REQUEST: u32 = 1 << 2;
    /// Stop now, whatever the program catches: the run unwinds every frame without running
    /// its handlers (as `os._exit` leaves). For a program that swallows the Stop its
    /// `ASYNC_EXCEPTION` raises (`except BaseException: pass` in a loop), which CPython too
    /// could only kill.
    pub const KILL: u32 = 1 << 3;
    /// Either stop: what every wait checks to give up.
    pub const STOP: u32 = Self::ASYNC_EXCEPTION | Self::KILL;

    /// The hot-path check: is anything pending at all?
    #[inline]
    pub fn is_pending(&self) -> bool {
        self.0.load(Ordering::Relaxed) != 0
    }

    #[inline]
    pub fn is_set(&self, bit: u32) -> bool {
        self.0.load(Ordering::Relaxed) & bit != 0
    }

    pub fn set(&self, bit: u32) {
        self.0.fetch_or(bit, Ordering::Relaxed);
    }

    pub fn clear(&self, bit: u32) {
        self.0.fetch_and(!bit, Ordering::Relaxed);
    }
}

/// Why a wait on the GIL ended without the GIL: the run was stopped.
#[derive(Debug, PartialEq, Eq)]
pub struct Stopped;

#[derive(Default)]
struct GilState {
    locked: bool,
    holder: Option<ThreadId>,
    /// Where to post a drop request for the holder.
    holder_breaker: Option<Arc<EvalBreaker>>,
    last_holder: Option<ThreadId>,
    /// Bumped each time a different thread takes the GIL.
    switch_number: u64,
    /// How many threads are blocked in `take_gil`.
    waiting: usize,
}

pub struct Gil {
    state: Mutex<GilState>,
    /// Signalled when the GIL is released (CPython: `gil->cond`).
    cond: Condvar,
    /// Signalled when the GIL changes hands (CPython: `gil->switch_cond`).
    switch_cond: Condvar,
    interval_us: AtomicU64,
}

impl Gil {
    pub fn new(interval_us: u64) -> Gil {
        Gil {
            state: Mutex::new(GilState::default()),
            cond: Condvar::new(),
            switch_cond: Condvar::new(),
            interval_us: AtomicU64::new(interval_us.max(1)),
        }
    }

    /// `sys.getswitchinterval()`, in microseconds.
    pub fn switch_interval_us(&self) -> u64 {
        self.interval_us.load(Ordering::Relaxed)
    }

    /// `sys.setswitchinterval()`: takes effect at the next timed wait.
    pub fn set_switch_interval_us(&self, interval_us: u64) {
        self.interval_us.store(interval_us.max(1), Ordering::Relaxed);
    }

    /// How many times the GIL has changed hands.
    pub fn switch_number(&self) -> u64 {
        self.lock_state().switch_number
    }

    /// Blocks until `thread` holds the GIL, asking the holder to drop it after each switch
    /// interval in which nobody else took it. Returns `Err(Stopped)` when the run is stopped.
    pub fn take_gil(&self, thread: ThreadId, breaker: &Arc<EvalBreaker>) -> Result<(), Stopped> {
        let mut state = self.lock_state();
        while state.locked {
            if breaker.is_set(EvalBreaker::STOP) {
                // A thread handing the GIL off may be waiting for this one to take it.
                self.switch_cond.notify_all();
                return Err(Stopped);
            }
            state.waiting += 1;
            let saved_switch_number = state.switch_number;
            let interval = Duration::from_micros(self.switch_interval_us());
            let (guard, wait) =
                self.cond.wait_timeout(state, interval).unwrap_or_else(|e| e.into_inner());
            state = guard;
            state.waiting -= 1;
            // Only a timeout with no switch meanwhile asks for a drop: a spurious or
            // notified wake-up just waits again, as in CPython.
            if wait.timed_out() && state.locked && state.switch_number == saved_switch_number {
                if let Some(holder_breaker) = &state.holder_breaker {
                    holder_breaker.set(EvalBreaker::GIL_DROP_REQUEST);
                }
            }
        }
        state.locked = true;
        state.holder = Some(thread);
        state.holder_breaker = Some(breaker.clone());
        if state.last_holder != Some(thread) {
            state.last_holder = Some(thread);
            state.switch_number += 1;
        }
        // FORCE_SWITCHING: wake the thread waiting in `drop_gil` for this switch.
        self.switch_cond.notify_all();
        breaker.clear(EvalBreaker::GIL_DROP_REQUEST);
        Ok(())
    }

    /// Releases the GIL held by `thread`. When a drop was requested and this is not the thread's
    /// final release, waits until another thread has taken it, so a thread that was asked to
    /// yield cannot win the GIL straight back. Returns early if the run is stopped.
    pub fn drop_gil(&self, thread: ThreadId, breaker: &EvalBreaker, final_release: bool) {
        let mut state = self.release(thread);
        if final_release || !breaker.is_set(EvalBreaker::GIL_DROP_REQUEST) {
            return;
        }
        if state.last_holder == Some(thread) {
            breaker.clear(EvalBreaker::GIL_DROP_REQUEST);
            while state.last_holder == Some(thread) && !breaker.is_set(EvalBreaker::STOP) {
                state = self.switch_cond.wait(state).unwrap_or_else(|e| e.into_inner());
            }
        }
    }

    /// Releases the GIL held by `thread` for a short blocking call, and if another thread is
    /// waiting for it, waits until one has taken it. CPython's `time.sleep(0)` spends a system
    /// call of tens of microseconds without the GIL, long enough for a waiter to wake and take
    /// it; released for a microsecond, the GIL went straight back to the sleeper, and a lost
    /// update made with `sleep(0)` between the read and the write did not show.
    pub fn drop_gil_handing_off(&self, thread: ThreadId, breaker: &EvalBreaker) {
        let state = self.release(thread);
        let switch_number = state.switch_number;
        drop(state);
        // A thread on its way to wait for the GIL (or one the OS has not run yet on a busy
        // machine) gets the core first, as the system call gives it to it in CPython.
        std::thread::yield_now();
        let mut state = self.lock_state();
        while state.switch_number == switch_number
            && state.waiting > 0
            && !breaker.is_set(EvalBreaker::STOP)
        {
            state = self.switch_cond.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Marks the GIL free and wakes one waiter; the state stays locked for the caller.
    fn release(&self, thread: ThreadId) -> MutexGuard<'_, GilState> {
        let mut state = self.lock_state();
        debug_assert_eq!(state.holder, Some(thread), "drop_gil by a thread that does not hold it");
        state.locked = false;
        state.holder = None;
        state.holder_breaker = None;
        self.cond.notify_one();
        state
    }

    /// Wakes every waiter so that it can see a stop request.
    pub fn wake_all(&self) {
        let _state = self.lock_state();
        self.cond.notify_all();
        self.switch_cond.notify_all();
    }

    fn lock_state(&self) -> MutexGuard<'_, GilState> {
        // A panic while holding this mutex cannot leave `GilState` half-written (every update is
        // a plain store), so a poisoned lock is still usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Instant;

    /// A holder that spins and checks the eval breaker, as the VM does at a backward jump.
    /// Returns how long it held the GIL before it was asked to drop it.
    fn hold_until_asked(gil: &Gil, breaker: &Arc<EvalBreaker>, me: ThreadId) -> Duration {
        gil.take_gil(me, breaker).unwrap();
        let start = Instant::now();
        while !breaker.is_set(EvalBreaker::GIL_DROP_REQUEST) {
            std::hint::spin_loop();
            assert!(start.elapsed() < Duration::from_secs(10), "nobody asked for the GIL");
        }
        let held = start.elapsed();
        gil.drop_gil(me, breaker, false);
        held
    }

    /// Thread 1 holds the GIL and computes; thread 2 (this one) wants it. Returns how long
    /// thread 2 waited and how long thread 1 held the GIL before it was asked to drop it.
    fn contend(interval_us: u64) -> (Duration, Duration, Arc<Gil>, Arc<EvalBreaker>) {
        let gil = Arc::new(Gil::new(interval_us));
        let breaker = Arc::new(EvalBreaker::default());
        let holder = {
            let (gil, breaker) = (gil.clone(), breaker.clone());
            std::thread::spawn(move || hold_until_asked(&gil, &breaker, ThreadId(1)))
        };
        while gil.switch_number() == 0 {
            std::thread::yield_now();
        }
        let asked_at = Instant::now();
        gil.take_gil(ThreadId(2), &breaker).unwrap();
        let waited = asked_at.elapsed();
        let held = holder.join().unwrap();
        gil.drop_gil(ThreadId(2), &breaker, true);
        (waited, held, gil, breaker)
    }

    #[test]
    fn hands_over_under_contention_after_the_switch_interval() {
        let (waited, held, gil, breaker) = contend(20_000);
        // The waiter only asks after a full interval without a switch; a timed wait never ends
        // early, so these lower bounds hold on any machine.
        assert!(waited >= Duration::from_millis(20), "took the GIL after only {waited:?}");
        // The holder starts its stopwatch a moment after the waiter may start waiting.
        assert!(held >= Duration::from_millis(15), "holder was asked to drop after {held:?}");
        assert_eq!(gil.switch_number(), 2, "the GIL went from thread 1 to thread 2");
        assert!(!breaker.is_set(EvalBreaker::GIL_DROP_REQUEST), "the new holder clears it");
    }

    #[test]
    fn a_longer_switch_interval_keeps_the_holder_longer() {
        let (waited, held, gil, _) = contend(60_000);
        assert!(waited >= Duration::from_millis(60), "took the GIL after only {waited:?}");
        assert!(held >= Duration::from_millis(55), "held only {held:?} with a 60 ms interval");
        gil.set_switch_interval_us(250);
        assert_eq!(gil.switch_interval_us(), 250);
    }

    #[test]
    fn forced_switch_makes_the_dropper_wait_for_another_holder() {
        let gil = Arc::new(Gil::new(1_000));
        let breaker = Arc::new(EvalBreaker::default());
        gil.take_gil(ThreadId(1), &breaker).unwrap();
        let waiter = {
            let (gil, breaker) = (gil.clone(), breaker.clone());
            std::thread::spawn(move || {
                gil.take_gil(ThreadId(2), &breaker).unwrap();
                std::thread::sleep(Duration::from_millis(30));
                gil.drop_gil(ThreadId(2), &breaker, true);
            })
        };
        while !breaker.is_set(EvalBreaker::GIL_DROP_REQUEST) {
            std::thread::yield_now();
        }
        gil.drop_gil(ThreadId(1), &breaker, false);
        // drop_gil returned, so thread 2 has taken the GIL: we cannot have it before it drops.
        let retake = Instant::now();
        gil.take_gil(ThreadId(1), &breaker).unwrap();
        assert!(
            retake.elapsed() >= Duration::from_millis(20),
            "thread 1 took the GIL straight back"
        );
        waiter.join().unwrap();
        assert_eq!(gil.switch_number(), 3);
    }

    /// A thread that takes the GIL, keeps it for `hold`, and lets it go for good.
    fn holds_for(
        gil: &Arc<Gil>,
        thread: ThreadId,
        breaker: &Arc<EvalBreaker>,
        hold: Duration,
    ) -> std::thread::JoinHandle<()> {
        let (gil, breaker) = (gil.clone(), breaker.clone());
        std::thread::spawn(move || {
            gil.take_gil(thread, &breaker).unwrap();
            std::thread::sleep(hold);
            gil.drop_gil(thread, &breaker, true);
        })
    }

    #[test]
    fn a_hand_off_returns_once_the_waiter_holds_the_gil() {
        // A long interval: no drop request is involved, only the hand-off.
        let gil = Arc::new(Gil::new(10_000_000));
        let (holder_breaker, waiter_breaker) =
            (Arc::new(EvalBreaker::default()), Arc::new(EvalBreaker::default()));
        gil.take_gil(ThreadId(1), &holder_breaker).unwrap();
        let waiter = holds_for(&gil, ThreadId(2), &waiter_breaker, Duration::from_millis(30));
        while gil.lock_state().waiting == 0 {
            std::thread::yield_now();
        }
        gil.drop_gil_handing_off(ThreadId(1), &holder_breaker);
        assert_eq!(gil.switch_number(), 2, "thread 2 holds the GIL when the hand-off returns");
        let retake = Instant::now();
        gil.take_gil(ThreadId(1), &holder_breaker).unwrap();
        assert!(retake.elapsed() >= Duration::from_millis(20), "thread 1 took it straight back");
        waiter.join().unwrap();
        // With nobody waiting, a hand-off is a plain release.
        gil.drop_gil_handing_off(ThreadId(1), &holder_breaker);
        gil.take_gil(ThreadId(1), &holder_breaker).unwrap();
        assert_eq!(gil.switch_number(), 3);
    }

    #[test]
    fn a_drop_request_goes_to_the_holders_own_breaker() {
        let gil = Arc::new(Gil::new(2_000));
        let (holder_breaker, waiter_breaker) =
            (Arc::new(EvalBreaker::default()), Arc::new(EvalBreaker::default()));
        gil.take_gil(ThreadId(1), &holder_breaker).unwrap();
        let waiter = holds_for(&gil, ThreadId(2), &waiter_breaker, Duration::ZERO);
        while !holder_breaker.is_set(EvalBreaker::GIL_DROP_REQUEST) {
            std::thread::yield_now();
        }
        assert!(!waiter_breaker.is_pending(), "the waiter's own breaker stays quiet");
        gil.drop_gil(ThreadId(1), &holder_breaker, false);
        waiter.join().unwrap();
        assert_eq!(gil.switch_number(), 2);
    }

    #[test]
    fn a_stop_wakes_a_waiter() {
        let gil = Arc::new(Gil::new(1_000_000));
        let breaker = Arc::new(EvalBreaker::default());
        gil.take_gil(ThreadId(1), &breaker).unwrap();
        let waiter = {
            let (gil, breaker) = (gil.clone(), breaker.clone());
            std::thread::spawn(move || gil.take_gil(ThreadId(2), &breaker))
        };
        std::thread::sleep(Duration::from_millis(20));
        breaker.set(EvalBreaker::ASYNC_EXCEPTION);
        gil.wake_all();
        assert_eq!(waiter.join().unwrap(), Err(Stopped));
    }
}
