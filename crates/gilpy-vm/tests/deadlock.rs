//! Real mode's deadlock detection: a process whose threads all wait forever on each other is
//! reported, with what each waits for and where, and the run ends with exit code 1 (CPython
//! would hang). Programs that only come close (hand-offs, a thread that sleeps while the others
//! wait, a child process that takes its time) run to the end untouched.

mod common;

use std::sync::Arc;

use common::host::ThreadedHost;
use gilpy_vm::version::PythonVersion;

const VERSIONS: [PythonVersion; 3] =
    [PythonVersion::V3_9, PythonVersion::V3_13, PythonVersion::V3_13t];

struct Ran {
    exit_code: i32,
    stdout: String,
    stderr: String,
}

fn run(source: &str, version: PythonVersion) -> Ran {
    let program = gilpy_vm::compile(source, "deadlock.py", version).expect("compiles");
    let host = Arc::new(ThreadedHost::new());
    let outcome = gilpy_vm::run(&program, version, host.clone(), vec![]);
    let stdout = host.stdout.lock().unwrap().clone();
    let stderr = host.stderr.lock().unwrap().clone();
    Ran { exit_code: outcome.exit_code, stdout, stderr }
}

/// Deadlocked programs, what they print first, and the report's lines in any order.
const DEADLOCKS: &[(&str, &str, &str, &[&str])] = &[
    (
        "two locks taken in opposite orders",
        "import threading\n\
         a, b = threading.Lock(), threading.Lock()\n\
         both = threading.Barrier(2)\n\
         def grab(first, second):\n    with first:\n        both.wait()\n        with second:\n            pass\n\
         t = threading.Thread(target=grab, args=(b, a), name='worker')\n\
         t.start()\n\
         grab(a, b)\n",
        "",
        &["MainThread waits for a lock (line 7)", "worker waits for a lock (line 7)"],
    ),
    (
        "a join on a thread that waits for an event no one sets",
        "import threading\n\
         never = threading.Event()\n\
         t = threading.Thread(target=never.wait, name='waiter')\n\
         t.start()\n\
         print('started')\n\
         t.join()\n",
        "started\n",
        &["MainThread waits for a lock (line 6, in join)", "waiter waits for a lock"],
    ),
    (
        "a get from a queue no one fills",
        "import queue\n\
         q = queue.Queue()\n\
         print(q.get())\n",
        "",
        &["MainThread waits for a lock (line 3, in get)"],
    ),
    (
        "a thread left waiting when the main module ends",
        "import threading\n\
         held = threading.Lock()\n\
         held.acquire()\n\
         def worker():\n    with held:\n        pass\n\
         threading.Thread(target=worker, name='worker').start()\n\
         print('main done')\n",
        "main done\n",
        &["worker waits for a lock (line 5)", "MainThread waits for a lock"],
    ),
];

#[test]
fn a_deadlock_is_reported_with_what_each_thread_waits_for() {
    for (name, source, stdout, waits) in DEADLOCKS {
        for version in VERSIONS {
            let ran = run(source, version);
            let context = format!("{name} on {version:?}: stderr was\n{}", ran.stderr);
            assert_eq!(ran.exit_code, 1, "{context}");
            assert_eq!(ran.stdout, *stdout, "{context}");
            let mut lines = ran.stderr.lines();
            assert_eq!(
                lines.next(),
                Some("Deadlock: every thread waits for something no other thread will do."),
                "{context}"
            );
            let reported: Vec<&str> = lines.map(str::trim).collect();
            assert_eq!(reported.len(), waits.len(), "{context}");
            for wait in *waits {
                assert!(reported.iter().any(|line| line.starts_with(wait)), "{wait}: {context}");
            }
        }
    }
}

#[test]
fn a_deadlock_in_a_child_process_ends_that_process() {
    let source = "import multiprocessing, threading\n\
        def child():\n    threading.Event().wait()\n\
        if __name__ == '__main__':\n\
        \x20   p = multiprocessing.Process(target=child)\n\
        \x20   p.start()\n\
        \x20   p.join()\n\
        \x20   print('exit code', p.exitcode)\n";
    let ran = run(source, PythonVersion::V3_13);
    assert_eq!(ran.exit_code, 0, "{}", ran.stderr);
    assert_eq!(ran.stdout, "exit code 1\n");
    assert!(
        ran.stderr.contains("MainThread of Process-1 waits for a lock (line 3, in wait)"),
        "{}",
        ran.stderr
    );
}

/// Programs whose threads often all wait at once, but never for good.
const NEAR_MISSES: &[(&str, &str, &str)] = &[
    (
        "two threads handing a turn back and forth",
        "import threading\n\
         ping, pong = threading.Event(), threading.Event()\n\
         def player():\n    for _ in range(300):\n        ping.wait(); ping.clear(); pong.set()\n\
         t = threading.Thread(target=player)\n\
         t.start()\n\
         for _ in range(300):\n    ping.set(); pong.wait(); pong.clear()\n\
         t.join()\n\
         print('rallies done')\n",
        "rallies done\n",
    ),
    (
        "consumers waiting on a queue a producer fills",
        "import threading, queue\n\
         q = queue.Queue(maxsize=4)\n\
         total = []\n\
         def consume():\n    while (item := q.get()) is not None:\n        total.append(item)\n\
         workers = [threading.Thread(target=consume) for _ in range(4)]\n\
         for w in workers: w.start()\n\
         for i in range(2000): q.put(i)\n\
         for w in workers: q.put(None)\n\
         for w in workers: w.join()\n\
         print(sum(total))\n",
        "1999000\n",
    ),
    (
        "everyone waits while one thread sleeps longer than the grace period",
        "import threading, time\n\
         ready = threading.Event()\n\
         def late():\n    time.sleep(0.8)\n    ready.set()\n\
         waiters = [threading.Thread(target=ready.wait) for _ in range(3)]\n\
         for w in waiters: w.start()\n\
         threading.Thread(target=late).start()\n\
         ready.wait()\n\
         print('woken')\n",
        "woken\n",
    ),
];

#[test]
fn threads_that_all_wait_for_a_while_are_not_a_deadlock() {
    for (name, source, stdout) in NEAR_MISSES {
        for version in VERSIONS {
            let ran = run(source, version);
            let context = format!("{name} on {version:?}: stderr was\n{}", ran.stderr);
            assert_eq!((ran.exit_code, ran.stdout.as_str()), (0, *stdout), "{context}");
            assert_eq!(ran.stderr, "", "{context}");
        }
    }
}

#[test]
fn a_parent_waiting_for_a_slow_child_is_not_a_deadlock() {
    let source = "import multiprocessing, time\n\
        def child(lock):\n    time.sleep(0.8)\n    lock.release()\n\
        if __name__ == '__main__':\n\
        \x20   lock = multiprocessing.Lock()\n\
        \x20   lock.acquire()\n\
        \x20   p = multiprocessing.Process(target=child, args=(lock,))\n\
        \x20   p.start()\n\
        \x20   lock.acquire()\n\
        \x20   p.join()\n\
        \x20   print('released by the child')\n";
    let ran = run(source, PythonVersion::V3_13);
    assert_eq!(
        (ran.exit_code, ran.stdout.as_str()),
        (0, "released by the child\n"),
        "{}",
        ran.stderr
    );
}
