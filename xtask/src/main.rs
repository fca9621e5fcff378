//! Project jobs that cargo cannot express, run as `cargo xtask JOB` (rust-analyzer's pattern).
//!
//! - `bench-native`: runs the benchmark scenarios on native threads and prints one JSON object
//!   per measurement, with the scenario's parameters; `tests/bench/run.mjs` runs the same
//!   scenarios in the page and prints the table.

use std::process::ExitCode;

use gilpy_runtime::{Mode, MonotonicClock, Run, RunConfig, TaskKind, ThreadCores, WorkloadParams};

/// One benchmark scenario; the browser half reads the list from this job's output.
struct Scenario {
    name: &'static str,
    params: WorkloadParams,
}

const SCENARIOS: [Scenario; 2] = [
    Scenario {
        name: "cpu",
        params: WorkloadParams { tasks: 2, kind: TaskKind::Cpu, work_mops: 200, io_ms: 0 },
    },
    Scenario {
        name: "io",
        params: WorkloadParams { tasks: 2, kind: TaskKind::Io, work_mops: 0, io_ms: 100 },
    },
];

const CORES: usize = 2;
const REPEATS: usize = 3;

fn bench_native() {
    for scenario in &SCENARIOS {
        for mode in Mode::ALL {
            let mut walls: Vec<f64> = (0..REPEATS + 1)
                .map(|_| {
                    let config = RunConfig { mode, cores: CORES, switch_interval_us: 5_000 };
                    let run = Run::new(
                        config,
                        &scenario.params.workload(),
                        Box::new(MonotonicClock::default()),
                    );
                    run.execute(&ThreadCores::with_max(CORES)).wall_us as f64 / 1_000.0
                })
                .skip(1) // warm-up
                .collect();
            walls.sort_by(f64::total_cmp);
            let params = scenario.params;
            println!(
                r#"{{"where":"native","scenario":"{}","mode":"{}","tasks":{},"kind":"{}","work_mops":{},"io_ms":{},"cores":{},"wall_ms":{:.3}}}"#,
                scenario.name,
                mode.as_str(),
                params.tasks,
                params.kind.as_str(),
                params.work_mops,
                params.io_ms,
                if mode == Mode::Sequential { 1 } else { CORES },
                walls[REPEATS / 2],
            );
        }
    }
}

fn main() -> ExitCode {
    match std::env::args().nth(1).as_deref() {
        Some("bench-native") => {
            bench_native();
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: cargo xtask bench-native");
            ExitCode::from(2)
        }
    }
}
