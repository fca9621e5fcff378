//! Project jobs that cargo cannot express, run as `cargo xtask JOB` (rust-analyzer's pattern).
//!
//! - `bench-workbench`: writes each benchmark scenario's program for every mode (as the page
//!   derives them), times each under native `gilpy` and CPython 3.13, and prints one JSON object
//!   per program; `tests/bench/run.mjs` runs the same scenarios in the page and prints the table.
//! - `bench-vm`: runs each `tests/bench/vm/*.py` under the release `gilpy` and CPython 3.13 in
//!   one run and prints a markdown table of the times and their ratio.
//! - `bench-seed`: runs the seed lesson's benchmark (`tests/bench/seed/seed_benchmark.py`:
//!   sequential, 2 threads, 2 processes, 2 I/O threads) under the release `gilpy` (3.13 and
//!   3.13t) and CPython 3.13 in one run, and prints each mode's time over sequential side by side.
//! - `unicode-names OUT`: writes the runner's table of `\N{...}` names (`unicode_names.rs`).

mod unicode_names;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

use gilpy_variants::{variant, workload_source, Mode, Sliders, TaskKind};

/// The workbench's benchmark scenarios: the seed benchmark's CPU and I/O halves, as the sliders
/// write them. The browser half sets the same sliders.
const SCENARIOS: [(&str, Sliders); 2] = [
    (
        "cpu",
        Sliders {
            kind: TaskKind::Cpu,
            tasks: 2,
            rounds: 2_000_000,
            io_ms: 0,
            cores: 2,
            switch_interval_us: Sliders::DEFAULT_SWITCH_INTERVAL_US,
        },
    ),
    (
        "io",
        Sliders {
            kind: TaskKind::Io,
            tasks: 2,
            rounds: 10_000,
            io_ms: 100,
            cores: 2,
            switch_interval_us: Sliders::DEFAULT_SWITCH_INTERVAL_US,
        },
    ),
];

/// The repository's root and its release `gilpy`, which every benchmark runs; the exit code
/// says to build it first when it is missing.
fn release_gilpy() -> Result<(PathBuf, PathBuf), ExitCode> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let gilpy = root.join("target/release/gilpy");
    if !gilpy.is_file() {
        eprintln!("build it first: cargo build --release -p gilpy-cli");
        return Err(ExitCode::from(1));
    }
    Ok((root, gilpy))
}

/// Each scenario's program for each mode, under native `gilpy` and CPython 3.13 (which has no
/// free-threaded build here), best of three; one JSON object a line for `tests/bench/run.mjs`.
fn bench_workbench() -> ExitCode {
    let (root, gilpy) = match release_gilpy() {
        Ok(found) => found,
        Err(code) => return code,
    };
    let dir = root.join("target/bench-workbench");
    if let Err(e) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        return ExitCode::from(1);
    }
    let cpython = find_cpython();
    let ms = |time: Option<f64>| time.map_or("null".to_string(), |t| format!("{:.3}", t * 1e3));
    for (name, sliders) in SCENARIOS {
        let source = workload_source(&sliders);
        for mode in Mode::ALL {
            let file = dir.join(format!("{name}_{}.py", mode.as_str()));
            let program = variant(&source, mode).expect("the sliders' code derives every mode");
            if let Err(e) = std::fs::write(&file, program) {
                eprintln!("cannot write {}: {e}", file.display());
                return ExitCode::from(1);
            }
            let python = mode.python("3.13");
            let ours = best_of_three(
                &gilpy,
                &[Path::new("run"), Path::new("--python"), Path::new(&python), file.as_path()],
            );
            let theirs = cpython
                .as_deref()
                .filter(|_| mode != Mode::FreeThreaded)
                .and_then(|python| best_of_three(python, &[file.as_path()]));
            println!(
                r#"{{"scenario":"{name}","kind":"{}","tasks":{},"rounds":{},"io_ms":{},"mode":"{}","gilpy_ms":{},"cpython_ms":{}}}"#,
                sliders.kind.as_str(),
                sliders.tasks,
                sliders.rounds,
                sliders.io_ms,
                mode.as_str(),
                ms(ours),
                ms(theirs),
            );
        }
    }
    ExitCode::SUCCESS
}

/// CPython 3.13: under pyenv's versions folder, else `python3.13` on PATH; only one that runs
/// (pyenv's shims are on PATH but refuse to run a version that is not selected).
fn find_cpython() -> Option<PathBuf> {
    let pyenv_root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".pyenv")));
    let mut candidates: Vec<PathBuf> = pyenv_root
        .and_then(|root| std::fs::read_dir(root.join("versions")).ok())
        .map(|versions| {
            versions
                .filter_map(|entry| entry.ok())
                .filter(|entry| entry.file_name().to_string_lossy().starts_with("3.13"))
                .map(|entry| entry.path().join("bin/python3"))
                .collect()
        })
        .unwrap_or_default();
    candidates.sort();
    if let Some(paths) = std::env::var_os("PATH") {
        candidates.extend(std::env::split_paths(&paths).map(|dir| dir.join("python3.13")));
    }
    candidates.into_iter().find(|path| {
        Command::new(path)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// The best of three wall times of a command, in seconds.
fn best_of_three(program: &Path, args: &[&Path]) -> Option<f64> {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let status = Command::new(program).args(args).stdout(Stdio::null()).status().ok()?;
            status.success().then(|| start.elapsed().as_secs_f64())
        })
        .collect::<Option<Vec<f64>>>()
        .map(|times| times.into_iter().fold(f64::INFINITY, f64::min))
}

fn bench_vm() -> ExitCode {
    let (root, gilpy) = match release_gilpy() {
        Ok(found) => found,
        Err(code) => return code,
    };
    let cpython = find_cpython();
    let mut programs: Vec<PathBuf> = std::fs::read_dir(root.join("tests/bench/vm"))
        .map(|dir| {
            dir.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "py"))
                .collect()
        })
        .unwrap_or_default();
    programs.sort();
    println!("| program | gilpy | CPython 3.13 | CPython time / gilpy time |");
    println!("|---|---:|---:|---:|");
    for program in &programs {
        let name = program.file_stem().unwrap_or_default().to_string_lossy();
        let ours = best_of_three(&gilpy, &[Path::new("run"), program.as_path()]);
        let theirs =
            cpython.as_deref().and_then(|python| best_of_three(python, &[program.as_path()]));
        let cell = |time: Option<f64>| time.map_or("failed".to_string(), |t| format!("{:.3} s", t));
        let ratio = match (ours, theirs) {
            (Some(ours), Some(theirs)) => format!("{:.2}x", theirs / ours),
            _ => "–".to_string(),
        };
        println!(
            "| {name} | {} | {} | {ratio} |",
            cell(ours),
            if cpython.is_some() { cell(theirs) } else { "not found".into() }
        );
    }
    ExitCode::SUCCESS
}

/// The seed benchmark's JSON line (`{"sequential": 0.61, ...}`), parsed by hand: a flat object
/// of numbers needs no JSON crate.
fn run_seed(program: &Path, args: &[&str], seed: &Path) -> Option<Vec<(String, f64)>> {
    let output =
        Command::new(program).args(args).arg(seed).stderr(Stdio::inherit()).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().rev().find(|line| line.starts_with('{'))?;
    line.trim_matches(|c| c == '{' || c == '}')
        .split(',')
        .map(|pair| {
            let (key, value) = pair.split_once(':')?;
            Some((key.trim().trim_matches('"').to_string(), value.trim().parse().ok()?))
        })
        .collect()
}

/// Keeps in `best` each mode's shortest time, over the runs so far and `run`.
fn best_of(best: &mut Option<Vec<(String, f64)>>, run: Option<Vec<(String, f64)>>) {
    let Some(run) = run else { return };
    match best {
        None => *best = Some(run),
        Some(best) => {
            for (mode, time) in run {
                match best.iter_mut().find(|(key, _)| *key == mode) {
                    Some((_, kept)) => *kept = kept.min(time),
                    None => best.push((mode, time)),
                }
            }
        }
    }
}

fn bench_seed() -> ExitCode {
    let (root, gilpy) = match release_gilpy() {
        Ok(found) => found,
        Err(code) => return code,
    };
    let seed = root.join("tests/bench/seed/seed_benchmark.py");
    let cpython_path = find_cpython();
    // Three rounds, the interpreters taking turns, and each mode's best time: one slow
    // sequential run on a noisy machine moved every ratio of its column by a fifth.
    let (mut gilpy_313, mut gilpy_313t, mut gilpy_313t_1, mut cpython) = (None, None, None, None);
    for _ in 0..3 {
        best_of(&mut gilpy_313, run_seed(&gilpy, &["run", "--python", "3.13"], &seed));
        best_of(&mut gilpy_313t, run_seed(&gilpy, &["run", "--python", "3.13t"], &seed));
        // The same on one real core (`--cores 1`): what the second core brought.
        let one_core = ["run", "--python", "3.13t", "--cores", "1"];
        best_of(&mut gilpy_313t_1, run_seed(&gilpy, &one_core, &seed));
        if let Some(python) = &cpython_path {
            best_of(&mut cpython, run_seed(python, &[], &seed));
        }
    }
    let ratio = |times: &Option<Vec<(String, f64)>>, mode: &str, base: &str| -> Option<f64> {
        let times = times.as_ref()?;
        let get = |name: &str| times.iter().find(|(key, _)| key == name).map(|(_, t)| *t);
        Some(get(mode)? / get(base)?)
    };
    let cell = |value: Option<f64>| value.map_or("–".to_string(), |r| format!("{r:.2}x"));
    println!(
        "| mode (time / sequential time) | gilpy 3.13 | CPython 3.13 | gilpy 3.13t | gilpy 3.13t, 1 core |"
    );
    println!("|---|---:|---:|---:|---:|");
    for (mode, base, label) in [
        ("threads", "sequential", "2 CPU threads"),
        ("processes", "sequential", "2 processes (start-up included)"),
        ("io_threads", "io_sequential", "2 I/O threads"),
    ] {
        println!(
            "| {label} | {} | {} | {} | {} |",
            cell(ratio(&gilpy_313, mode, base)),
            cell(ratio(&cpython, mode, base)),
            cell(ratio(&gilpy_313t, mode, base)),
            cell(ratio(&gilpy_313t_1, mode, base)),
        );
    }
    let seconds = |times: &Option<Vec<(String, f64)>>| {
        times.as_ref().and_then(|t| t.iter().find(|(k, _)| k == "sequential")).map(|(_, t)| *t)
    };
    let seconds_cell = |times| seconds(times).map_or("–".into(), |t| format!("{t:.3}"));
    println!(
        "| sequential, seconds | {} | {} | {} | {} |",
        seconds_cell(&gilpy_313),
        seconds_cell(&cpython),
        seconds_cell(&gilpy_313t),
        seconds_cell(&gilpy_313t_1),
    );
    ExitCode::SUCCESS
}

/// The simulated mode: how fast it simulates many threads on many cores, whether its virtual
/// times match CPython's real ones, and whether two runs with one seed are identical.
fn bench_simulate() -> ExitCode {
    let (root, gilpy) = match release_gilpy() {
        Ok(found) => found,
        Err(code) => return code,
    };
    let dir = root.join("tests/bench/simulate");
    let simulated = |program: &str, extra: &[&str]| {
        let started = Instant::now();
        let output = Command::new(&gilpy)
            .args(["run", "--simulate", "--seed", "1"])
            .args(extra)
            .arg(dir.join(program))
            .output()
            .ok()?;
        let text = String::from_utf8_lossy(&output.stdout).trim().to_string();
        Some((text, started.elapsed().as_secs_f64()))
    };
    println!("| measure | value |");
    println!("|---|---:|");
    if let Some((virtual_seconds, real)) = simulated("many_threads.py", &["--cores", "64"]) {
        println!("| 1,000 threads on 64 virtual cores: virtual seconds | {virtual_seconds} |");
        println!("| the same: real seconds to simulate it (target < 1) | {real:.3} |");
    }
    let cpython = find_cpython().and_then(|python| {
        let output = Command::new(python).arg(dir.join("calibration.py")).output().ok()?;
        String::from_utf8_lossy(&output.stdout).trim().parse::<f64>().ok()
    });
    let ours = simulated("calibration.py", &[]).and_then(|(text, _)| text.parse::<f64>().ok());
    if let (Some(ours), Some(theirs)) = (ours, cpython) {
        println!("| a CPU loop: simulated 3.13 time / CPython 3.13 time | {:.2}x |", ours / theirs);
    }
    let trace = |path: &Path| {
        let status = Command::new(&gilpy)
            .args(["run", "--simulate", "--seed", "9", "--python", "3.13t", "--trace"])
            .arg(path)
            .arg(root.join("tests/programs/counter_race.py"))
            .stdout(Stdio::null())
            .status()
            .ok()?;
        status.success().then(|| std::fs::read(path).ok()).flatten()
    };
    let (first, second) =
        (root.join("target/sim-trace-1.json"), root.join("target/sim-trace-2.json"));
    let same = match (trace(&first), trace(&second)) {
        (Some(a), Some(b)) => {
            if a == b {
                "identical"
            } else {
                "DIFFERENT"
            }
        }
        _ => "failed to run",
    };
    println!("| two runs, seed 9, 3.13t race: traces | {same} |");
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    match std::env::args().nth(1).as_deref() {
        Some("bench-workbench") => bench_workbench(),
        Some("bench-vm") => bench_vm(),
        Some("bench-seed") => bench_seed(),
        Some("bench-simulate") => bench_simulate(),
        Some("unicode-names") => unicode_names::run(std::env::args().nth(2).as_deref()),
        _ => {
            eprintln!(
                "usage: cargo xtask bench-workbench | bench-vm | bench-seed | bench-simulate | unicode-names OUT"
            );
            ExitCode::from(2)
        }
    }
}
