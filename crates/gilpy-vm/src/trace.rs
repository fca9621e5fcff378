//! What each Python thread of a run was doing, and when: running, waiting for the GIL,
//! blocked (sleep, a lock, a join, a queue), serializing for another process, or starting up as
//! a new process. Threads report their own state changes (taking and
//! dropping the GIL, entering and leaving a blocking wait), so recording costs a clock read and
//! a short lock per change, never per instruction. One `Tracer` serves a program and every
//! process it starts, so their threads share one time line.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use gilpy_runtime::{Span, SpanKind, TaskTrace};
use serde_json::json;

/// Past this many spans a trace stops growing (a program that blocks millions of times would
/// otherwise fill memory); `ProgramTrace::truncated` says so.
const MAX_SPANS: usize = 200_000;

/// One thread's record.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreadTrace {
    /// The process's id (`os.getpid()`), the thread's number within it, 1 for its main thread.
    pub pid: u32,
    pub thread: u32,
    pub task: TaskTrace,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProgramTrace {
    /// In the order the threads first ran.
    pub threads: Vec<ThreadTrace>,
    pub truncated: bool,
}

pub struct Tracer {
    /// `Host::monotonic_ns` at the start of the run: spans are microseconds since then.
    origin_ns: u64,
    threads: Mutex<Vec<ThreadTrace>>,
    spans: AtomicUsize,
}

impl Tracer {
    pub fn new(origin_ns: u64) -> Tracer {
        Tracer { origin_ns, threads: Mutex::default(), spans: AtomicUsize::new(0) }
    }

    /// A row for a thread that has started; its index, for [`Tracer::record`].
    pub fn add_thread(&self, pid: u32, thread: u32, name: String) -> usize {
        let mut threads = self.threads.lock().unwrap_or_else(|e| e.into_inner());
        let task = TaskTrace { name, spans: Vec::new(), finished: false };
        threads.push(ThreadTrace { pid, thread, task });
        threads.len() - 1
    }

    /// Records that row `index` was in `kind` from `start_ns` to `end_ns` (host nanoseconds).
    pub fn record(&self, index: usize, kind: SpanKind, start_ns: u64, end_ns: u64) {
        let start_us = start_ns.saturating_sub(self.origin_ns) / 1_000;
        let end_us = end_ns.saturating_sub(self.origin_ns) / 1_000;
        if end_us <= start_us || self.spans.fetch_add(1, Ordering::Relaxed) >= MAX_SPANS {
            return;
        }
        let mut threads = self.threads.lock().unwrap_or_else(|e| e.into_inner());
        let spans = &mut threads[index].task.spans;
        // Merge with the previous span when the thread went straight back to the same state
        // (a GIL drop request that found no one waiting).
        match spans.last_mut() {
            Some(last) if last.kind == kind && last.end_us == start_us => last.end_us = end_us,
            _ => spans.push(Span { kind, start_us, end_us, core: None }),
        }
    }

    pub fn finish(&self, index: usize) {
        self.threads.lock().unwrap_or_else(|e| e.into_inner())[index].task.finished = true;
    }

    pub fn trace(&self) -> ProgramTrace {
        ProgramTrace {
            threads: self.threads.lock().unwrap_or_else(|e| e.into_inner()).clone(),
            truncated: self.spans.load(Ordering::Relaxed) > MAX_SPANS,
        }
    }
}

impl ProgramTrace {
    /// Chrome's trace-event format (what Perfetto and `chrome://tracing` open): one complete
    /// event per span, and the process and thread names as metadata.
    pub fn to_chrome_json(&self) -> String {
        let mut events = Vec::new();
        let mut named_processes = Vec::new();
        for thread in &self.threads {
            let (pid, tid) = (thread.pid, thread.thread);
            if !named_processes.contains(&pid) {
                named_processes.push(pid);
                events.push(json!({"ph": "M", "name": "process_name", "pid": pid, "tid": 0,
                    "args": {"name": format!("python (pid {pid})")}}));
            }
            events.push(json!({"ph": "M", "name": "thread_name", "pid": pid, "tid": tid,
                "args": {"name": thread.task.name}}));
            for span in &thread.task.spans {
                events.push(json!({"ph": "X", "name": span_name(span.kind), "cat": "python",
                    "pid": pid, "tid": tid, "ts": span.start_us, "dur": span.duration_us()}));
            }
        }
        json!({"traceEvents": events, "displayTimeUnit": "ms"}).to_string()
    }
}

/// The span names the page's legend uses too.
pub fn span_name(kind: SpanKind) -> &'static str {
    match kind {
        SpanKind::Running => "running",
        SpanKind::WaitingForLock => "waiting for the GIL",
        SpanKind::BlockedIo => "blocked",
        SpanKind::Ready => "ready",
        SpanKind::Serializing => "serializing",
        SpanKind::Starting => "starting a process",
    }
}
