//! The runner's host pieces in a real browser: the rayon pool of web workers sharing one wasm
//! memory, and the clock they share. Run by `./dev test` through wasm-bindgen-test-runner in
//! headless Chromium, inside a dedicated worker (blocking waits are forbidden on the main
//! thread).
#![cfg(target_arch = "wasm32")]

use std::sync::atomic::{AtomicBool, Ordering};

use gilpy_runner::{init_thread_pool, RayonCores, WebClock};
use gilpy_runtime::{Clock, CorePool, Mode, Run, RunConfig, SpanKind, TaskKind, WorkloadParams};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

static POOL_STARTED: AtomicBool = AtomicBool::new(false);

async fn pool_of_two() {
    // The global pool can be built once per test binary. (Not `rayon::current_num_threads()`
    // as the guard: it builds a default global pool when there is none.)
    if !POOL_STARTED.swap(true, Ordering::SeqCst) {
        JsFuture::from(init_thread_pool(2)).await.expect("the pool starts");
    }
    assert_eq!(RayonCores.max_cores(), 2);
}

fn run(mode: Mode) -> gilpy_runtime::RunTrace {
    let params = WorkloadParams { tasks: 2, kind: TaskKind::Cpu, work_mops: 40, io_ms: 0 };
    let config = RunConfig { mode, cores: 2, switch_interval_us: 5_000 };
    let trace = Run::new(config, &params.workload(), Box::new(WebClock)).execute(&RayonCores);
    trace.check_consistency().unwrap();
    trace
}

#[wasm_bindgen_test]
async fn parallel_tasks_run_at_once_on_two_web_workers() {
    pool_of_two().await;
    let trace = run(Mode::Parallel);
    assert!(trace.any_cross_task_overlap(SpanKind::Running), "{trace:?}");
    let cores: std::collections::BTreeSet<_> = trace
        .tasks
        .iter()
        .flat_map(|task| task.spans.iter().filter_map(|span| span.core))
        .collect();
    assert_eq!(cores.len(), 2, "both workers ran a task");
}

#[wasm_bindgen_test]
async fn the_single_lock_serialises_tasks_across_web_workers() {
    pool_of_two().await;
    let trace = run(Mode::SingleLock);
    assert!(!trace.any_cross_task_overlap(SpanKind::Running), "{trace:?}");
    assert!(trace.gil_switches > 2, "the lock changed hands {} times", trace.gil_switches);
}

#[wasm_bindgen_test]
async fn the_clock_agrees_across_workers() {
    pool_of_two().await;
    let before = WebClock.now_us();
    let (sender, receiver) = std::sync::mpsc::channel();
    rayon::spawn(move || sender.send(WebClock.now_us()).unwrap());
    let on_worker = receiver.recv().unwrap();
    let after = WebClock.now_us();
    // The worker's reading falls between ours, give or take the 5 µs coarsening and rounding.
    assert!(before <= on_worker + 100 && on_worker <= after + 100, "{before} {on_worker} {after}");
}
