//! The trace a run records: per thread, when it ran, waited for the GIL, or was blocked. Under
//! a GIL no two threads run at once and computing threads wait for it; free-threaded (3.13t)
//! they run at once; sleeping threads are blocked together either way.

mod common;

use std::sync::Arc;

use common::host::ThreadedHost;
use gilpy_runtime::{SpanKind, TaskTrace};
use gilpy_vm::trace::ProgramTrace;
use gilpy_vm::version::PythonVersion;

fn trace_of(source: &str, version: PythonVersion) -> ProgramTrace {
    trace_on(ThreadedHost::new(), source, version)
}

fn trace_on(host: ThreadedHost, source: &str, version: PythonVersion) -> ProgramTrace {
    let program = gilpy_vm::compile(source, "traced.py", version).expect("compiles");
    let host = Arc::new(host);
    let outcome = gilpy_vm::run(&program, version, host.clone(), vec![]);
    assert_eq!(outcome.exit_code, 0, "stderr: {}", host.stderr.lock().unwrap());
    outcome.trace
}

/// Each counts for 0.05 s of wall time from when it first runs, ten switch intervals: a fixed
/// count of steps could end within one once the loop got faster.
const TWO_COUNTING_THREADS: &str = "import threading, time\n\
    def count():\n    n = 0\n    end = time.perf_counter() + 0.05\n    while time.perf_counter() < end:\n        n += 1\n\
    threads = [threading.Thread(target=count, name=f'counter-{i}') for i in range(2)]\n\
    for t in threads: t.start()\n\
    for t in threads: t.join()\n";

fn overlaps(a: &TaskTrace, b: &TaskTrace, kind: SpanKind) -> bool {
    a.spans_of(kind).any(|x| b.spans_of(kind).any(|y| x.overlaps(y)))
}

fn named<'a>(trace: &'a ProgramTrace, name: &str) -> &'a TaskTrace {
    let found = trace.threads.iter().find(|thread| thread.task.name == name);
    &found.unwrap_or_else(|| panic!("no thread {name} in {trace:?}")).task
}

fn assert_well_formed(trace: &ProgramTrace) {
    for thread in &trace.threads {
        let spans = &thread.task.spans;
        assert!(thread.task.finished, "{} finished", thread.task.name);
        for pair in spans.windows(2) {
            assert!(pair[0].end_us <= pair[1].start_us, "in order, apart: {spans:?}");
        }
        assert!(spans.iter().all(|span| span.start_us < span.end_us));
    }
}

#[test]
fn under_the_gil_threads_take_turns_and_wait_for_it() {
    for version in [PythonVersion::V3_9, PythonVersion::V3_13] {
        let trace = trace_of(TWO_COUNTING_THREADS, version);
        assert_well_formed(&trace);
        let names: Vec<_> = trace.threads.iter().map(|t| t.task.name.as_str()).collect();
        assert_eq!(names, ["MainThread", "counter-0", "counter-1"]);
        let (a, b) = (named(&trace, "counter-0"), named(&trace, "counter-1"));
        assert!(!overlaps(a, b, SpanKind::Running), "one runs at a time: {trace:?}");
        assert!(
            a.total_us(SpanKind::WaitingForLock) > 0 && b.total_us(SpanKind::WaitingForLock) > 0
        );
        // The main thread blocks in join while they count.
        assert!(named(&trace, "MainThread").total_us(SpanKind::BlockedIo) > 0);
    }
}

#[test]
fn free_threaded_threads_run_at_once_and_never_wait_for_a_gil() {
    let trace = trace_of(TWO_COUNTING_THREADS, PythonVersion::V3_13t);
    assert_well_formed(&trace);
    let (a, b) = (named(&trace, "counter-0"), named(&trace, "counter-1"));
    assert!(overlaps(a, b, SpanKind::Running), "{trace:?}");
    assert!(trace.threads.iter().all(|t| t.task.total_us(SpanKind::WaitingForLock) == 0));
}

#[test]
fn sleeping_threads_are_blocked_together() {
    let source = "import threading, time\n\
        threads = [threading.Thread(target=time.sleep, args=(0.05,), name=f's{i}') for i in range(2)]\n\
        for t in threads: t.start()\n\
        for t in threads: t.join()\n";
    let trace = trace_of(source, PythonVersion::V3_13);
    let (a, b) = (named(&trace, "s0"), named(&trace, "s1"));
    assert!(overlaps(a, b, SpanKind::BlockedIo), "{trace:?}");
    assert!(a.total_us(SpanKind::BlockedIo) >= 45_000);
}

/// hashlib drops the GIL while it hashes 2048 bytes or more, as CPython's does: two threads
/// hashing large buffers hash at once, under the GIL too; small buffers keep it.
#[test]
fn threads_hash_large_buffers_without_the_gil() {
    let program = |size: usize| {
        format!(
            "import hashlib, threading\n\
            data = bytes(range(256)) * {}\n\
            def work():\n    for _ in range(20): hashlib.sha256(data).digest()\n\
            threads = [threading.Thread(target=work, name=f'h{{i}}') for i in range(2)]\n\
            for t in threads: t.start()\n\
            for t in threads: t.join()\n",
            size / 256
        )
    };
    let trace = trace_of(&program(4 << 20), PythonVersion::V3_13);
    let (a, b) = (named(&trace, "h0"), named(&trace, "h1"));
    assert!(overlaps(a, b, SpanKind::BlockedIo), "{trace:?}");
    let trace = trace_of(&program(1024), PythonVersion::V3_13);
    assert_eq!(named(&trace, "h0").total_us(SpanKind::BlockedIo), 0, "{trace:?}");
}

#[test]
fn processes_have_their_own_rows_and_pids() {
    let source = "import multiprocessing\n\
        def work(n):\n    return sum(range(n))\n\
        if __name__ == '__main__':\n    with multiprocessing.Pool(2) as pool:\n        print(pool.map(work, [10, 20]))\n";
    let trace = trace_of(source, PythonVersion::V3_13);
    let pids: std::collections::BTreeSet<u32> = trace.threads.iter().map(|t| t.pid).collect();
    assert!(pids.len() >= 3, "the main process and two workers: {trace:?}");
    assert!(trace.threads.iter().any(|t| t.task.name.starts_with("SpawnPoolWorker")), "{trace:?}");
}

#[test]
fn the_chrome_trace_is_valid_json_with_one_event_per_span() {
    let trace = trace_of(TWO_COUNTING_THREADS, PythonVersion::V3_13);
    let json: serde_json::Value = serde_json::from_str(&trace.to_chrome_json()).unwrap();
    let events = json["traceEvents"].as_array().unwrap();
    let spans: usize = trace.threads.iter().map(|t| t.task.spans.len()).sum();
    assert_eq!(events.iter().filter(|e| e["ph"] == "X").count(), spans);
    let thread_names: Vec<_> =
        events.iter().filter(|e| e["name"] == "thread_name").map(|e| &e["args"]["name"]).collect();
    assert_eq!(thread_names, ["MainThread", "counter-0", "counter-1"]);
}

/// Each counts for 0.1 s of wall time from when it first runs: at least three 10 ms time
/// slices each on one core, on a machine of any speed (a fixed count of steps fit in one
/// slice once the loop got faster).
const THREE_COUNTING_THREADS: &str = "import threading, time\n\
    def count():\n    n = 0\n    end = time.perf_counter() + 0.1\n    while time.perf_counter() < end:\n        n += 1\n\
    threads = [threading.Thread(target=count, name=f'counter-{i}') for i in range(3)]\n\
    for t in threads: t.start()\n\
    for t in threads: t.join()\n";

/// How many of `threads` run at the busiest moment of the trace.
/// Spans of the kinds that hold a core: running Python, a process starting up, pickling.
fn on_a_core(task: &TaskTrace) -> impl Iterator<Item = &gilpy_runtime::Span> {
    let holds =
        |kind| matches!(kind, SpanKind::Running | SpanKind::Starting | SpanKind::Serializing);
    task.spans.iter().filter(move |span| holds(span.kind))
}

fn most_running_at_once(threads: &[&TaskTrace]) -> usize {
    let starts = threads.iter().flat_map(|t| on_a_core(t)).map(|s| s.start_us);
    starts
        .map(|at| {
            let running = |t: &&&TaskTrace| on_a_core(t).any(|s| s.start_us <= at && at < s.end_us);
            threads.iter().filter(running).count()
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn a_core_limit_lets_only_that_many_free_threads_run_at_once_and_all_take_turns() {
    for cores in [1, 2] {
        let host = ThreadedHost::with_cores(cores);
        let trace = trace_on(host, THREE_COUNTING_THREADS, PythonVersion::V3_13t);
        assert_well_formed(&trace);
        let counters: Vec<&TaskTrace> =
            (0..3).map(|i| named(&trace, &format!("counter-{i}"))).collect();
        let most = most_running_at_once(&counters);
        assert!(most <= cores, "{most} threads ran at once on {cores} cores: {trace:?}");
        // Runnable without a core, each in turn: none waits for all the others to end.
        for counter in &counters {
            assert!(counter.spans_of(SpanKind::Running).count() >= 2, "{trace:?}");
        }
        assert!(counters.iter().any(|c| c.total_us(SpanKind::Ready) > 0));
    }
    // Without a limit, the three run at once at some point (the machine has 2 cores or more).
    let trace = trace_of(THREE_COUNTING_THREADS, PythonVersion::V3_13t);
    let counters: Vec<&TaskTrace> =
        (0..3).map(|i| named(&trace, &format!("counter-{i}"))).collect();
    assert!(most_running_at_once(&counters) >= 2);
}

#[test]
fn with_a_core_limit_and_a_gil_threads_still_take_turns_and_sleepers_hold_no_core() {
    let host = ThreadedHost::with_cores(1);
    let trace = trace_on(host, THREE_COUNTING_THREADS, PythonVersion::V3_13);
    assert_well_formed(&trace);
    let sleepers = "import threading, time\n\
        threads = [threading.Thread(target=time.sleep, args=(0.1,), name=f'sleeper-{i}') for i in range(3)]\n\
        for t in threads: t.start()\n\
        for t in threads: t.join()\n";
    let trace = trace_on(ThreadedHost::with_cores(1), sleepers, PythonVersion::V3_13t);
    let (a, b) = (named(&trace, "sleeper-0"), named(&trace, "sleeper-2"));
    assert!(overlaps(a, b, SpanKind::BlockedIo), "one core, yet they sleep together: {trace:?}");
}

/// The main threads of the child processes.
fn children(trace: &ProgramTrace) -> Vec<&TaskTrace> {
    let child = |thread: &&gilpy_vm::trace::ThreadTrace| thread.task.name.starts_with("Process-");
    trace.threads.iter().filter(child).map(|thread| &thread.task).collect()
}

#[test]
fn processes_share_the_core_limit_with_each_other() {
    let source = "import multiprocessing as mp\n\
        def count(n):\n    while n > 0:\n        n -= 1\n\
        if __name__ == '__main__':\n\
        \x20   ps = [mp.Process(target=count, args=(300_000,)) for _ in range(2)]\n\
        \x20   for p in ps: p.start()\n\
        \x20   for p in ps: p.join()\n";
    let trace = trace_on(ThreadedHost::with_cores(1), source, PythonVersion::V3_13);
    assert_eq!(children(&trace).len(), 2, "{trace:?}");
    assert_eq!(most_running_at_once(&children(&trace)), 1, "one core for both: {trace:?}");
    // Without the limit they run at once.
    let trace = trace_of(source, PythonVersion::V3_13);
    assert_eq!(most_running_at_once(&children(&trace)), 2, "{trace:?}");
}

#[test]
fn processes_show_serializing_and_starting() {
    // A large argument is pickled by the parent and unpickled by the child, whose main thread
    // starts up (re-running the main module) before its target runs.
    let source = "import multiprocessing as mp\n\
        def work(data):\n    return len(data)\n\
        if __name__ == '__main__':\n\
        \x20   p = mp.Process(target=work, args=(list(range(200_000)),))\n\
        \x20   p.start()\n    p.join()\n";
    let trace = trace_of(source, PythonVersion::V3_13);
    assert_well_formed(&trace);
    let parent = &trace.threads.iter().find(|t| t.pid == trace.threads[0].pid).unwrap().task;
    let child =
        &trace.threads.iter().find(|t| t.pid != trace.threads[0].pid).expect("a child row").task;
    assert!(
        parent.total_us(SpanKind::Serializing) > 0,
        "the parent pickled the argument: {parent:?}"
    );
    assert!(child.total_us(SpanKind::Serializing) > 0, "the child unpickled it: {child:?}");
    // After waiting for its GIL, if it had to.
    let first = child.spans.iter().find(|span| span.kind != SpanKind::WaitingForLock);
    assert_eq!(
        first.map(|span| span.kind),
        Some(SpanKind::Starting),
        "it starts up first: {child:?}"
    );
    let starting_ends = child.spans_of(SpanKind::Starting).map(|s| s.end_us).max().unwrap();
    let running_starts = child.spans_of(SpanKind::Running).map(|s| s.start_us).min().unwrap();
    assert!(starting_ends <= running_starts, "its target runs after it started: {child:?}");
    let json = trace.to_chrome_json();
    assert!(json.contains("\"serializing\"") && json.contains("\"starting a process\""));
}
