//! Ctrl-C (SIGINT) from a terminal: KeyboardInterrupt in the main thread, as CPython raises it,
//! and a second Ctrl-C for a program that catches the first.
#![cfg(unix)]

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};

/// Starts `source` under gilpy and waits for its first line, so the signal comes mid-run.
fn start(source: &str) -> (Child, BufReader<std::process::ChildStdout>) {
    let dir = std::env::temp_dir().join(format!("gilpy-ctrl-c-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("program{}.py", source.len()));
    std::fs::write(&file, source).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_gilpy"))
        .arg("run")
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "running\n");
    (child, stdout)
}

fn interrupt(child: &Child) {
    let status = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
}

#[test]
fn ctrl_c_raises_keyboard_interrupt_in_the_main_thread() {
    let (mut child, _) = start(
        "import threading\n\
         def spin():\n    while True:\n        pass\n\
         threading.Thread(target=spin, daemon=True).start()\n\
         print('running', flush=True)\n\
         while True:\n    pass\n",
    );
    interrupt(&child);
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(stderr.trim_end().ends_with("KeyboardInterrupt"), "{stderr}");
    assert!(stderr.contains("Traceback (most recent call last):"), "{stderr}");
    // As a shell reports CPython ended by Ctrl-C.
    assert_eq!(status.code(), Some(130));
}

#[test]
fn a_second_ctrl_c_ends_a_program_that_catches_the_first() {
    let (mut child, mut stdout) = start(
        "print('running', flush=True)\n\
         while True:\n    try:\n        while True:\n            pass\n    \
         except KeyboardInterrupt:\n        print('caught', flush=True)\n",
    );
    interrupt(&child);
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert_eq!(line, "caught\n");
    interrupt(&child);
    assert_eq!(child.wait().unwrap().code(), Some(130));
}
