//! Every program the playground derives (each slider task type and preset, in each mode) runs
//! under `gilpy` and under real CPython (`python3`), and prints the same thing. Sizes are small:
//! this checks meaning, not speed.

use std::path::Path;
use std::process::{Command, Output};

use gilpy_variants::{preset, variant, workload_source, Mode, PresetContent, Sliders, TaskKind};

fn run(program: &Path, command: &mut Command) -> Output {
    command.arg(program).output().unwrap_or_else(|e| panic!("could not start {command:?}: {e}"))
}

struct Outcome {
    stdout: String,
    stderr: String,
    stderr_last_line: String,
    code: Option<i32>,
}

fn outcome(output: Output) -> Outcome {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    Outcome {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: stderr.clone(),
        stderr_last_line: stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_string(),
        code: output.status.code(),
    }
}

/// Runs `source` under gilpy (on the mode's Python) and CPython; `Err` says how they differ.
fn compare(dir: &Path, name: &str, source: &str, python: &str) -> Result<Outcome, String> {
    let file = dir.join(format!("{name}.py"));
    std::fs::write(&file, source).unwrap();
    let ours = outcome(run(
        &file,
        Command::new(env!("CARGO_BIN_EXE_gilpy")).args(["run", "--python", python]),
    ));
    let theirs = outcome(run(&file, &mut Command::new("python3")));
    if ours.stdout != theirs.stdout || ours.code != theirs.code {
        return Err(format!(
            "{name} on {python}: gilpy printed {:?} (exit {:?}), CPython {:?} (exit {:?})",
            ours.stdout, ours.code, theirs.stdout, theirs.code
        ));
    }
    if ours.stderr_last_line != theirs.stderr_last_line {
        return Err(format!(
            "{name}: stderr ends {:?}, CPython's {:?}",
            ours.stderr_last_line, theirs.stderr_last_line
        ));
    }
    Ok(ours)
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("gilpy-variants-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_task_type_prints_what_cpython_prints_in_every_mode() {
    let dir = scratch("sliders");
    let mut failures = Vec::new();
    for kind in TaskKind::ALL {
        let sliders = Sliders { kind, tasks: 3, rounds: 20_000, io_ms: 20, ..Sliders::default() };
        let source = workload_source(&sliders);
        for mode in Mode::ALL {
            // Free-threaded increments race, as on CPython 3.13t: no fixed total to compare.
            if kind == TaskKind::Counter && mode == Mode::FreeThreaded {
                continue;
            }
            let program = variant(&source, mode).unwrap();
            let name = format!("{}_{}", kind.as_str(), mode.as_str());
            match compare(&dir, &name, &program, &mode.python("3.13")) {
                Ok(out) if out.code == Some(0) && !out.stdout.is_empty() => {}
                Ok(out) => {
                    failures.push(format!("{name}: exit {:?}, printed {:?}", out.code, out.stdout))
                }
                Err(why) => failures.push(why),
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_counter_keeps_every_increment_on_3_13_and_none_in_the_parent_process() {
    let dir = scratch("counter");
    let sliders =
        Sliders { kind: TaskKind::Counter, tasks: 2, rounds: 50_000, ..Sliders::default() };
    let source = workload_source(&sliders);
    let threads =
        compare(&dir, "threads", &variant(&source, Mode::Threads).unwrap(), "3.13").unwrap();
    assert_eq!(threads.stdout, "counter = 100,000 (expected 100,000)\n");
    let processes =
        compare(&dir, "processes", &variant(&source, Mode::Processes).unwrap(), "3.13").unwrap();
    assert_eq!(processes.stdout, "counter = 0 (expected 100,000)\n");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn program_presets_run_as_written_like_cpython() {
    let dir = scratch("presets");
    let PresetContent::Program(pool_map) = preset("pool-map").unwrap().content else { panic!() };
    let out = compare(&dir, "pool_map", pool_map, "3.13").unwrap();
    assert_eq!(out.stdout, "4 tasks done, checksum 2399992\n");

    // The chunked preset prints timings, which differ; its last line does not.
    let PresetContent::Program(chunked) = preset("chunked-executor").unwrap().content else {
        panic!()
    };
    let file = dir.join("chunked.py");
    std::fs::write(&file, chunked).unwrap();
    let ours = outcome(run(&file, Command::new(env!("CARGO_BIN_EXE_gilpy")).arg("run")));
    assert!(ours.stdout.starts_with("chunksize=  1: "), "{}", ours.stdout);
    assert!(ours.stdout.ends_with("\n2000 tasks done, checksum 2664667000\n"), "{}", ours.stdout);

    // How many workers print before the pool breaks depends on timing, in CPython too; that
    // a worker imports the file as `__mp_main__`, the exit code and the exception do not.
    let PresetContent::Program(unguarded) = preset("missing-main-guard").unwrap().content else {
        panic!()
    };
    let file = dir.join("unguarded.py");
    std::fs::write(&file, unguarded).unwrap();
    let ours = outcome(run(&file, Command::new(env!("CARGO_BIN_EXE_gilpy")).arg("run")));
    let theirs = outcome(run(&file, &mut Command::new("python3")));
    for out in [&ours, &theirs] {
        assert_eq!(out.code, Some(1));
        // Two processes may write at once, so their lines can interleave.
        assert!(out.stdout.starts_with("importing __main__\n"), "{}", out.stdout);
        assert!(out.stdout.contains(" __mp_main__\n"), "{}", out.stdout);
    }
    // CPython's resource tracker may warn after it, so look for our last line in all of CPython's.
    assert!(ours.stderr_last_line.starts_with("concurrent.futures.process.BrokenProcessPool: "));
    assert!(theirs.stderr.lines().any(|line| line == ours.stderr_last_line), "{}", theirs.stderr);
    std::fs::remove_dir_all(&dir).ok();
}
