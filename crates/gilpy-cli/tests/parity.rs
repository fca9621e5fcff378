//! The parity suite: every `tests/programs/NAME.py` runs under `gilpy` for each recorded Python
//! version, and must print exactly what CPython printed on stdout and stderr (tracebacks with
//! their carets; only the last line where CPython's traceback runs through its own library),
//! and end with the same exit code. The expected files
//! are recorded from real CPython by `tests/programs/record.py`; this test never needs CPython.
//!
//! Programs the VM cannot run yet are listed in `tests/programs/wishlist.txt`. A listed program
//! that starts to pass fails the test too, so the list only ever shrinks.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const VERSIONS: [&str; 2] = ["3.13", "3.9"];

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs")
}

/// Where CPython's traceback has frames of its own library (`<stdlib>/threading.py`, which
/// gilpy writes in Rust) only the last line can match; everywhere else all of stderr must,
/// tracebacks and their carets included.
fn compares_whole_stderr(want_err: &str) -> bool {
    !want_err.contains("File \"<")
}

fn last_line(text: &str) -> &str {
    text.lines().rev().find(|line| !line.trim().is_empty()).unwrap_or("")
}

/// Programs the simulated mode cannot run yet, and why; the rest of the suite must match CPython
/// when simulated too. A listed program that starts to pass fails the test.
/// Empty today: processes are simulated too.
const NOT_SIMULATED_YET: [(&str, &str); 0] = [];

/// Longer than any program needs (the slowest takes about a second): a hang fails the program
/// with a message instead of holding the whole suite until CI gives up.
const PROGRAM_TIME_LIMIT: Duration = Duration::from_secs(60);

/// The command's output, or `Err` when it does not end within `limit` (it is killed then).
fn output_within(command: &mut Command, limit: Duration) -> Result<Output, String> {
    // Stdin is empty, as record.py gives CPython (and as the page has none): `input()` ends
    // in EOFError instead of waiting.
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start gilpy: {e}"))?;
    // Read both pipes meanwhile, so that a chatty program never blocks on a full pipe.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as Box<dyn Read + Send>));
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("did not end within {} s", limit.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let (stdout, stderr) = (stdout.join().unwrap(), stderr.join().unwrap());
    Ok(Output { status, stdout, stderr })
}

/// Runs one program (with `flags` before it, such as `--simulate`); `Err` says how it differs
/// from CPython.
fn check(version: &str, name: &str, flags: &[&str]) -> Result<(), String> {
    let dir = programs_dir();
    let expected = dir.join("expected").join(version);
    let read = |ext: &str| {
        std::fs::read_to_string(expected.join(format!("{name}.{ext}"))).unwrap_or_default()
    };
    let (want_out, want_err, want_code) = (read("out"), read("err"), read("code"));
    let mut command = Command::new(env!("CARGO_BIN_EXE_gilpy"));
    command.args(["run", "--python", version]).args(flags).arg(format!("{name}.py"));
    let output = output_within(command.current_dir(&dir), PROGRAM_TIME_LIMIT)?;
    let out = String::from_utf8_lossy(&output.stdout);
    // gilpy, as CPython, names the program by its absolute path; record.py strips the folder.
    let folder = std::fs::canonicalize(&dir).unwrap_or(dir.clone());
    let err =
        String::from_utf8_lossy(&output.stderr).replace(&format!("{}/", folder.display()), "");
    let code = output.status.code().map_or("signal".to_string(), |c| c.to_string());
    let mut problems = Vec::new();
    if out != want_out {
        let line = out
            .lines()
            .zip(want_out.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(out.lines().count().min(want_out.lines().count()));
        problems.push(format!(
            "stdout differs at line {}: got {:?}, CPython printed {:?}",
            line + 1,
            out.lines().nth(line).unwrap_or("<end>"),
            want_out.lines().nth(line).unwrap_or("<end>")
        ));
    }
    if code != want_code.trim() {
        problems.push(format!("exit code {code}, CPython's was {}", want_code.trim()));
    }
    if compares_whole_stderr(&want_err) && err != want_err {
        let line = err.lines().zip(want_err.lines()).position(|(a, b)| a != b).unwrap_or(0);
        problems.push(format!(
            "stderr differs at line {}: got {:?}, CPython printed {:?}",
            line + 1,
            err.lines().nth(line).unwrap_or("<end>"),
            want_err.lines().nth(line).unwrap_or("<end>")
        ));
    } else if last_line(&err) != last_line(&want_err) {
        problems.push(format!(
            "stderr ends {:?}, CPython's ended {:?}",
            last_line(&err),
            last_line(&want_err)
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

#[test]
fn programs_match_cpython() {
    match_cpython(&[], &[]);
}

/// The same programs, every thread of each on one host thread in virtual time.
#[test]
fn programs_match_cpython_when_simulated() {
    let not_yet: Vec<&str> = NOT_SIMULATED_YET.iter().map(|(name, _)| *name).collect();
    match_cpython(&["--simulate", "--seed", "1", "--cores", "4"], &not_yet);
}

fn match_cpython(flags: &[&str], also_wished: &[&str]) {
    let dir = programs_dir();
    // GILPY_PARITY_ALL=1 reports every difference, wishlisted or not (update_wishlist.py uses it).
    let wishlist_file =
        if std::env::var_os("GILPY_PARITY_ALL").is_some() { "" } else { "wishlist.txt" };
    let wishlist: BTreeSet<String> = std::fs::read_to_string(dir.join(wishlist_file))
        .unwrap_or_default()
        .lines()
        .map(|line| line.split('#').next().unwrap_or("").trim().to_string())
        .filter(|line| !line.is_empty())
        .chain(also_wished.iter().map(|name| name.to_string()))
        .collect();
    let mut failures = Vec::new();
    let mut summary = Vec::new();
    // A wishlisted program fails the test once it passes on every version.
    let mut passes_everywhere: std::collections::BTreeMap<String, bool> = Default::default();
    for version in VERSIONS {
        let expected = dir.join("expected").join(version);
        let mut names: Vec<String> = std::fs::read_dir(&expected)
            .unwrap_or_else(|e| panic!("{}: {e}", expected.display()))
            .filter_map(|entry| {
                let path = entry.ok()?.path();
                if path.extension()? == "code" {
                    Some(path.file_stem()?.to_string_lossy().into_owned())
                } else {
                    None
                }
            })
            .collect();
        names.sort();
        assert!(!names.is_empty(), "no recorded programs for {version}");
        let mut passed = 0;
        for name in &names {
            let result = check(version, name, flags);
            *passes_everywhere.entry(name.clone()).or_insert(true) &= result.is_ok();
            match (result, wishlist.contains(name)) {
                (Ok(()), _) => passed += 1,
                (Err(problem), false) => failures.push(format!("{version} {name}: {problem}")),
                (Err(_), true) => {}
            }
        }
        let wished = names.iter().filter(|n| wishlist.contains(*n)).count();
        summary.push(format!(
            "{version}: {passed} of {} programs match CPython ({wished} on the wishlist)",
            names.len()
        ));
    }
    for (name, passes) in passes_everywhere {
        if passes && wishlist.contains(&name) {
            failures
                .push(format!("{name}: passes on every version now; remove it from wishlist.txt"));
        }
    }
    let how = if flags.is_empty() { String::new() } else { format!("({}) ", flags.join(" ")) };
    println!("parity {how}{}", summary.join("; "));
    assert!(
        failures.is_empty(),
        "{} programs differ from CPython:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
