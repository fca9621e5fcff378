//! Runs real workloads on real threads and checks the traces' structure: which spans overlap
//! and which never do. Assertions are about order and overlap, not about how fast this machine
//! is, except for lower bounds that a timed wait guarantees.

use std::sync::Arc;
use std::time::Duration;

use gilpy_runtime::{
    Mode, MonotonicClock, Run, RunConfig, RunTrace, SpanKind, Step, Task, TaskKind, ThreadCores,
    Workload, WorkloadParams,
};

fn run(mode: Mode, cores: usize, params: WorkloadParams) -> RunTrace {
    let config = RunConfig { mode, cores, switch_interval_us: 5_000 };
    let run = Run::new(config, &params.workload(), Box::new(MonotonicClock::default()));
    let trace = run.execute(&ThreadCores::with_max(cores));
    trace.check_consistency().unwrap();
    trace
}

fn cpu(tasks: u32, work_mops: u32) -> WorkloadParams {
    WorkloadParams { tasks, kind: TaskKind::Cpu, work_mops, io_ms: 0 }
}

fn io(tasks: u32, io_ms: u32) -> WorkloadParams {
    WorkloadParams { tasks, kind: TaskKind::Io, work_mops: 0, io_ms }
}

#[test]
fn parallel_cpu_tasks_run_at_the_same_time() {
    let trace = run(Mode::Parallel, 2, cpu(2, 40));
    assert!(trace.any_cross_task_overlap(SpanKind::Running), "{trace:#?}");
    assert_eq!(trace.gil_switches, 0);
}

#[test]
fn under_the_single_lock_no_two_tasks_ever_run_at_once() {
    let trace = run(Mode::SingleLock, 2, cpu(3, 30));
    assert!(!trace.any_cross_task_overlap(SpanKind::Running), "{trace:#?}");
    // The lock changed hands many times: the tasks were interleaved, not run one by one.
    assert!(trace.gil_switches > 3, "only {} switches", trace.gil_switches);
    for task in &trace.tasks {
        assert!(task.total_us(SpanKind::WaitingForLock) > 0, "{} never waited", task.name);
    }
}

#[test]
fn the_lock_holder_is_asked_to_drop_it_only_after_the_switch_interval() {
    let params = cpu(2, 60);
    let config = RunConfig { mode: Mode::SingleLock, cores: 2, switch_interval_us: 20_000 };
    let run = Run::new(config, &params.workload(), Box::new(MonotonicClock::default()));
    let trace = run.execute(&ThreadCores::with_max(2));
    trace.check_consistency().unwrap();
    // Every turn but a task's last ends because a waiter asked after a full 20 ms interval.
    for task in &trace.tasks {
        let running: Vec<_> = task.spans_of(SpanKind::Running).collect();
        for span in &running[..running.len() - 1] {
            assert!(
                span.duration_us() >= 15_000,
                "{}: a turn of {} µs",
                task.name,
                span.duration_us()
            );
        }
    }
}

#[test]
fn io_waits_overlap_under_the_single_lock() {
    let trace = run(Mode::SingleLock, 1, io(4, 60));
    assert!(trace.any_cross_task_overlap(SpanKind::BlockedIo), "{trace:#?}");
    // Four 60 ms waits on one core end together, in about one wait.
    assert!(trace.wall_us < 4 * 60_000, "took {} µs", trace.wall_us);
    assert!(trace.wall_us >= 60_000);
}

#[test]
fn sequential_io_waits_one_after_another() {
    let trace = run(Mode::Sequential, 4, io(3, 20));
    assert!(!trace.any_cross_task_overlap(SpanKind::BlockedIo));
    assert!(trace.wall_us >= 3 * 20_000, "took {} µs", trace.wall_us);
    assert_eq!(trace.cores, 1);
}

#[test]
fn sequential_tasks_never_overlap_and_run_in_order() {
    let trace = run(Mode::Sequential, 2, cpu(3, 5));
    assert!(!trace.any_cross_task_overlap(SpanKind::Running));
    let starts: Vec<u64> = trace.tasks.iter().map(|task| task.spans[0].start_us).collect();
    assert!(starts.windows(2).all(|pair| pair[0] < pair[1]), "{starts:?}");
}

#[test]
fn a_task_blocked_on_io_releases_the_lock_for_the_others() {
    let workload = Workload {
        tasks: vec![
            Task {
                name: "fetch".into(),
                steps: vec![
                    Step::Compute { ops: 1_000_000 },
                    Step::Io { ms: 80 },
                    Step::Compute { ops: 1_000_000 },
                ],
            },
            Task { name: "crunch".into(), steps: vec![Step::Compute { ops: 80_000_000 }] },
        ],
    };
    let config = RunConfig { mode: Mode::SingleLock, cores: 2, switch_interval_us: 5_000 };
    let trace = Run::new(config, &workload, Box::new(MonotonicClock::default()))
        .execute(&ThreadCores::with_max(2));
    trace.check_consistency().unwrap();
    let (fetch, crunch) = (&trace.tasks[0], &trace.tasks[1]);
    let blocked = fetch.spans_of(SpanKind::BlockedIo).next().expect("fetch blocked on I/O");
    assert!(blocked.duration_us() >= 80_000);
    assert!(crunch.spans_of(SpanKind::Running).any(|span| span.overlaps(blocked)), "{trace:#?}");
    assert!(!trace.any_cross_task_overlap(SpanKind::Running));
}

#[test]
fn more_tasks_than_cores_take_turns_on_the_cores() {
    let trace = run(Mode::Parallel, 2, cpu(4, 30));
    for task in &trace.tasks {
        assert!(task.finished);
        assert!(task.spans_of(SpanKind::Running).all(|span| span.core.unwrap() < 2));
    }
    // At no instant do three tasks run: check every running span's start against the others.
    let running: Vec<_> =
        trace.tasks.iter().flat_map(|task| task.spans_of(SpanKind::Running).copied()).collect();
    for span in &running {
        let at_once = running
            .iter()
            .filter(|o| o.start_us <= span.start_us && span.start_us < o.end_us)
            .count();
        assert!(at_once <= 2, "{at_once} tasks running at {} µs", span.start_us);
    }
    // Time slices let the later tasks start before the first ones end.
    assert!(trace.tasks.iter().any(|task| task.total_us(SpanKind::Ready) > 0));
}

#[test]
fn stop_ends_a_long_run_promptly_with_partial_traces() {
    for mode in Mode::ALL {
        let params =
            WorkloadParams { tasks: 3, kind: TaskKind::Mixed, work_mops: 4_000, io_ms: 5_000 };
        let config = RunConfig { mode, cores: 2, switch_interval_us: 5_000 };
        let run =
            Arc::new(Run::new(config, &params.workload(), Box::new(MonotonicClock::default())));
        let stopper = {
            let run = run.clone();
            std::thread::spawn(move || {
                std::thread::sleep(Duration::from_millis(100));
                run.stop();
            })
        };
        let trace = run.execute(&ThreadCores::with_max(2));
        stopper.join().unwrap();
        trace.check_consistency().unwrap();
        assert!(trace.stopped, "{mode:?}");
        assert!(trace.wall_us < 2_000_000, "{mode:?} took {} µs to stop", trace.wall_us);
        assert_eq!(trace.tasks.len(), 3);
        assert_eq!(run.progress().tasks_done, 0);
    }
}

#[test]
fn traces_serialise_for_the_page() {
    let trace = run(Mode::SingleLock, 2, cpu(2, 5));
    let json = serde_json::to_string(&trace).unwrap();
    assert!(json.contains(r#""mode":"single-lock""#));
    assert!(json.contains(r#""kind":"waiting-for-lock""#) || json.contains(r#""kind":"running""#));
    let back: RunTrace = serde_json::from_str(&json).unwrap();
    assert_eq!(back, trace);
}
