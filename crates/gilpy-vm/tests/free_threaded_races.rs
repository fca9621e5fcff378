//! Races that free threading (3.13t) lays bare, where threads truly run at once. The parity
//! programs cannot show these: CPython's recordings run with a GIL.

mod common;

use std::sync::Arc;

use common::host::ThreadedHost;
use gilpy_vm::version::PythonVersion;

/// Runs `source` under 3.13t with real threads; its stdout, with stderr as the message of a
/// failed exit.
fn run_free_threaded(source: &str) -> String {
    let version = PythonVersion::V3_13t;
    let program = gilpy_vm::compile(source, "race.py", version).expect("compiles");
    let host = Arc::new(ThreadedHost::new());
    let outcome = gilpy_vm::run(&program, version, host.clone(), vec![]);
    let stderr = host.stderr.lock().unwrap().clone();
    assert_eq!(outcome.exit_code, 0, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let stdout = host.stdout.lock().unwrap().clone();
    stdout
}

/// `concurrent.futures.wait` and `as_completed`, where futures finish while the caller sorts
/// them: each future must come out done or not done, never neither. Split in two passes,
/// `wait` lost about one future in seven rounds.
#[test]
fn wait_and_as_completed_account_for_every_future() {
    let source = "import concurrent.futures as cf\n\
                  lost = 0\n\
                  with cf.ThreadPoolExecutor(max_workers=4) as pool:\n    \
                      for _ in range(60):\n        \
                          fs = [pool.submit(pow, 2, i) for i in range(20)]\n        \
                          done, pending = cf.wait(fs, return_when=cf.FIRST_COMPLETED)\n        \
                          lost += 20 - len(done) - len(pending)\n        \
                          lost += 20 - sum(1 for _ in cf.as_completed(fs))\n\
                  print('lost', lost)\n";
    assert_eq!(run_free_threaded(source), "lost 0\n");
}

/// Threads that import the same module at once: all but the one running its body wait for
/// it, rather than find the module half made. Without the wait, every thread but the first
/// failed with "module 'statistics' has no attribute 'median'".
#[test]
fn threads_importing_one_module_all_see_it_whole() {
    let source = "import threading\n\
                  found = []\n\
                  def worker():\n    \
                      import statistics, fractions\n    \
                      found.append(statistics.median([3, 1, 2]) + fractions.Fraction(1, 2))\n\
                  threads = [threading.Thread(target=worker) for _ in range(8)]\n\
                  for t in threads: t.start()\n\
                  for t in threads: t.join()\n\
                  print(len(found), set(found))\n";
    assert_eq!(run_free_threaded(source), "8 {Fraction(5, 2)}\n");
}

/// A deque shared by threads without a lock, as CPython's deque allows (each operation is
/// atomic). Written in Python, the deque lost and repeated items: 43,000 to 45,000 left where
/// 40,000 must be.
#[test]
fn a_shared_deque_loses_no_item() {
    let source = "import threading\n\
                  from collections import deque\n\
                  shared = deque()\n\
                  def worker():\n    \
                      for i in range(20000):\n        \
                          shared.append(i)\n        \
                          if i % 2:\n            \
                              shared.popleft()\n\
                  threads = [threading.Thread(target=worker) for _ in range(4)]\n\
                  for t in threads: t.start()\n\
                  for t in threads: t.join()\n\
                  print(len(shared), len(list(shared)))\n";
    assert_eq!(run_free_threaded(source), "40000 40000\n");
}

/// Two threads importing `os` and `posixpath` at once, which import each other: each runs
/// one body and needs the other's. Waiting for each other was a deadlock (7 runs in 30);
/// as in CPython, the thread that would close the cycle takes the module as it is.
#[test]
fn a_cycle_of_imports_from_two_threads_does_not_deadlock() {
    let source = "import threading\n\
                  start = threading.Barrier(2)\n\
                  def first():\n    \
                      start.wait()\n    \
                      import os\n\
                  def second():\n    \
                      start.wait()\n    \
                      import posixpath\n\
                  threads = [threading.Thread(target=f) for f in (first, second)]\n\
                  for t in threads: t.start()\n\
                  for t in threads: t.join()\n\
                  import os, posixpath\n\
                  print(os.path is posixpath, callable(posixpath.join))\n";
    for _ in 0..20 {
        assert_eq!(run_free_threaded(source), "True True\n");
    }
}
