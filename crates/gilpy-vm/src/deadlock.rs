//! Real mode's deadlock detection. CPython just hangs when every thread waits for a lock that
//! no other thread will release; a learner sees a frozen run. Here a process whose live threads
//! all wait forever (no timeout) on something only its own threads can release, with nothing
//! released for [`GRACE_NS`], is reported as simulated mode reports it, and the run ends.
//!
//! The grace period covers the one moment the count alone would misjudge: a release has woken a
//! waiter that has not run yet, while the releaser goes on to wait itself. Every release counts
//! as progress, so a real deadlock is one where progress stands still.

use std::sync::atomic::{AtomicU64, Ordering::SeqCst};
use std::sync::Mutex;

use indexmap::IndexMap;

use crate::value::lock;

/// How long every thread must have waited, with no release, before it counts as a deadlock.
pub const GRACE_NS: u64 = 500_000_000;

#[derive(Default)]
pub struct DeadlockWatch {
    /// Threads waiting forever on something only this process can release: thread id and what
    /// the report says of it ("Thread-1 (worker) waits for a lock (line 7)").
    waiting: Mutex<IndexMap<u32, String>>,
    /// Counts releases (and thread ends): anything that could end someone's wait.
    progress: AtomicU64,
    /// Once a deadlock is found: the report's lines, one per waiting thread.
    found: Mutex<Option<Vec<String>>>,
}

/// A waiting thread's view of the watch: the progress count it saw when every thread was
/// waiting, and since when (host nanoseconds).
#[derive(Default)]
pub struct Sighting(Option<(u64, u64)>);

impl DeadlockWatch {
    pub fn progress(&self) {
        self.progress.fetch_add(1, SeqCst);
    }

    pub fn begin_wait(&self, thread: u32, description: String) {
        lock(&self.waiting).insert(thread, description);
    }

    pub fn end_wait(&self, thread: u32) {
        lock(&self.waiting).shift_remove(&thread);
    }

    /// Called by a waiting thread after each fruitless attempt. True once a deadlock is found
    /// (by this thread or another); the caller then stops every thread.
    pub fn check(&self, live_threads: usize, sighting: &mut Sighting, now_ns: u64) -> bool {
        if lock(&self.found).is_some() {
            return true;
        }
        let progress = self.progress.load(SeqCst);
        let waiting = lock(&self.waiting);
        if waiting.len() < live_threads {
            sighting.0 = None;
            return false;
        }
        match sighting.0 {
            Some((seen, since)) if seen == progress => {
                if now_ns.saturating_sub(since) < GRACE_NS {
                    return false;
                }
                let report = waiting.values().cloned().collect();
                drop(waiting);
                lock(&self.found).get_or_insert(report);
                true
            }
            _ => {
                sighting.0 = Some((progress, now_ns));
                false
            }
        }
    }

    /// The report's lines, if a deadlock was found.
    pub fn found(&self) -> Option<Vec<String>> {
        lock(&self.found).clone()
    }
}

/// What the report says, in real and simulated mode alike.
pub fn report(waits: &[String]) -> String {
    let mut report =
        String::from("Deadlock: every thread waits for something no other thread will do.\n");
    for line in waits {
        report.push_str(&format!("  {line}\n"));
    }
    report
}
