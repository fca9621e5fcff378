//! `gilpy run --trace FILE` writes Chrome trace-event JSON that Perfetto opens: a named row per
//! thread, and complete ("X") events for what each did.

use std::process::Command;

#[test]
fn trace_flag_writes_chrome_trace_events_for_every_thread() {
    let dir = std::env::temp_dir().join(format!("gilpy-trace-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let program = dir.join("two_threads.py");
    let trace = dir.join("trace.json");
    std::fs::write(
        &program,
        "import threading\n\
         def count(n):\n    while n > 0:\n        n -= 1\n\
         threads = [threading.Thread(target=count, args=(200_000,), name=f'worker-{i}') for i in range(2)]\n\
         for t in threads: t.start()\n\
         for t in threads: t.join()\n\
         print('done')\n",
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_gilpy"))
        .arg("run")
        .arg("--trace")
        .arg(&trace)
        .arg(&program)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout), "done\n");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&trace).unwrap()).unwrap();
    let events = json["traceEvents"].as_array().unwrap();
    let names: Vec<&str> = events
        .iter()
        .filter(|e| e["name"] == "thread_name")
        .map(|e| e["args"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["MainThread", "worker-0", "worker-1"]);
    for kind in ["running", "waiting for the GIL", "blocked"] {
        assert!(
            events
                .iter()
                .any(|e| e["ph"] == "X" && e["name"] == kind && e["dur"].as_u64() > Some(0)),
            "a {kind} span"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn trace_flag_without_a_file_is_a_usage_error() {
    let output =
        Command::new(env!("CARGO_BIN_EXE_gilpy")).args(["run", "--trace"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--trace takes the file"));
}
