//! `gilpy run --cores N` without `--simulate`: the program's threads and processes share N real
//! cores, `os.cpu_count()` says N, and the trace shows threads ready while another has the core.

use std::process::Command;

fn gilpy(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gilpy")).args(args).output().unwrap()
}

#[test]
fn real_threads_share_the_cores_given() {
    let dir = std::env::temp_dir().join(format!("gilpy-cores-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let program = dir.join("three_threads.py");
    let trace = dir.join("trace.json");
    std::fs::write(
        &program,
        "import os, threading\n\
         def count(n):\n    while n > 0:\n        n -= 1\n\
         threads = [threading.Thread(target=count, args=(300_000,)) for i in range(3)]\n\
         for t in threads: t.start()\n\
         for t in threads: t.join()\n\
         print(os.cpu_count())\n",
    )
    .unwrap();
    let (program, trace_path) = (program.to_str().unwrap(), trace.to_str().unwrap());
    let output =
        gilpy(&["run", "--python", "3.13t", "--cores", "1", "--trace", trace_path, program]);
    assert_eq!(String::from_utf8_lossy(&output.stdout), "1\n");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&trace).unwrap()).unwrap();
    let events = json["traceEvents"].as_array().unwrap();
    assert!(
        events.iter().any(|e| e["ph"] == "X" && e["name"] == "ready"),
        "a thread waited for the one core"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_seed_without_simulate_is_a_usage_error_and_cores_must_be_a_count() {
    let output = gilpy(&["run", "--seed", "3", "x.py"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--seed goes with --simulate"));
    let output = gilpy(&["run", "--cores", "0", "x.py"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--cores takes a number of cores"));
}
