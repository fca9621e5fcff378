//! The simulated mode: the same programs, every thread on one host thread in virtual time.
//! Same seed, same output and same trace; races of the right class per version; threads take
//! GIL turns of a switch interval; cores limit what runs at once; sleeps overlap; a deadlock is
//! reported with what each thread waits for; a stop ends even a program that never waits.

mod common;

use std::sync::Arc;

use common::host::ThreadedHost;
use gilpy_runtime::SpanKind;
use gilpy_vm::simulate::SimConfig;
use gilpy_vm::version::PythonVersion;
use gilpy_vm::{EvalBreaker, Outcome};

struct Simulated {
    stdout: String,
    stderr: String,
    outcome: Outcome,
}

fn simulate_with(
    source: &str,
    version: &str,
    cores: usize,
    seed: u64,
    breaker: Arc<EvalBreaker>,
) -> Simulated {
    let version = PythonVersion::parse(version).expect("a version");
    let program = gilpy_vm::compile(source, "simulated.py", version).expect("compiles");
    let host = Arc::new(ThreadedHost::new());
    let config = SimConfig { cores, seed };
    let outcome = gilpy_vm::run_simulated(&program, version, host.clone(), vec![], config, breaker);
    let stdout = host.stdout.lock().unwrap().clone();
    let stderr = host.stderr.lock().unwrap().clone();
    Simulated { stdout, stderr, outcome }
}

fn simulate(source: &str, version: &str, cores: usize, seed: u64) -> Simulated {
    let run = simulate_with(source, version, cores, seed, Arc::default());
    assert_eq!(run.outcome.exit_code, 0, "stderr: {}", run.stderr);
    run
}

fn printed_number(run: &Simulated) -> f64 {
    run.stdout.trim().parse().unwrap_or_else(|_| panic!("a number, not {:?}", run.stdout))
}

const RACE: &str = "import threading\n\
    counter = 0\n\
    def work():\n    global counter\n    for _ in range(1_000_000):\n        counter += 1\n\
    threads = [threading.Thread(target=work) for _ in range(2)]\n\
    for t in threads: t.start()\n\
    for t in threads: t.join()\n\
    print(counter)\n";

#[test]
fn the_same_seed_gives_the_same_output_and_the_same_trace() {
    for version in ["3.13", "3.13t", "3.9"] {
        let first = simulate(RACE, version, 4, 42);
        let second = simulate(RACE, version, 4, 42);
        assert_eq!(first.stdout, second.stdout, "{version}");
        let (a, b) = (first.outcome.trace.to_chrome_json(), second.outcome.trace.to_chrome_json());
        assert!(a.len() > 200, "a real trace: {a}");
        assert_eq!(a, b, "{version}: the traces differ");
    }
}

#[test]
fn a_simulation_run_in_pieces_is_the_same_run() {
    // The page's runner answers its messages between pieces; pausing must change nothing.
    let version = PythonVersion::parse("3.9").unwrap();
    let program = gilpy_vm::compile(RACE, "simulated.py", version).expect("compiles");
    let host = Arc::new(ThreadedHost::new());
    let config = SimConfig { cores: 2, seed: 42 };
    let mut simulation =
        gilpy_vm::Simulation::new(&program, version, host.clone(), vec![], config, Arc::default());
    let (mut pieces, mut slices) = (0, 0);
    let outcome = loop {
        let pause = || {
            slices += 1;
            slices % 50 == 0
        };
        match simulation.advance(pause) {
            Some(outcome) => break outcome,
            None => pieces += 1,
        }
    };
    assert!(pieces > 10, "it paused {pieces} times");
    let whole = simulate(RACE, "3.9", 2, 42);
    assert_eq!(*host.stdout.lock().unwrap(), whole.stdout);
    assert_eq!(outcome.trace.to_chrome_json(), whole.outcome.trace.to_chrome_json());
    assert!(simulation.virtual_ns() > 1_000_000, "virtual time passed");
}

#[test]
fn counter_races_have_the_class_of_result_cpython_gives() {
    // CPython: `counter += 1` loses updates on 3.9, never on 3.10+ (no check site between the
    // load and the store), and on 3.13t (no GIL at all).
    let total = |version, seed| printed_number(&simulate(RACE, version, 2, seed));
    for seed in [1, 2] {
        assert!(total("3.9", seed) < 2_000_000.0, "3.9 loses updates");
        assert_eq!(total("3.13", seed), 2_000_000.0, "3.13 keeps every update");
        assert!(total("3.13t", seed) < 2_000_000.0, "3.13t loses updates");
    }
    assert_ne!(total("3.13t", 1), total("3.13t", 2), "the seed decides the interleaving");
    // A call between the load and the store is a check site on every version.
    let with_call =
        RACE.replace("counter += 1", "counter = counter + one()") + "def one():\n    return 1\n";
    let with_call = with_call.replace("threads = [", "def one():\n    return 1\nthreads = [");
    assert!(printed_number(&simulate(&with_call, "3.13", 2, 1)) < 2_000_000.0);
}

const TWO_CPU_THREADS: &str = "import threading, time\n\
    def count(n):\n    while n > 0:\n        n -= 1\n\
    start = time.perf_counter()\n\
    threads = [threading.Thread(target=count, args=(200_000,), name=f'counter-{i}') for i in range(THREADS)]\n\
    for t in threads: t.start()\n\
    for t in threads: t.join()\n\
    threaded = time.perf_counter() - start\n\
    start = time.perf_counter()\n\
    count(200_000)\n\
    alone = time.perf_counter() - start\n\
    print(round(threaded / alone, 2))\n";

fn slowdown(version: &str, threads: usize, cores: usize) -> f64 {
    let source = TWO_CPU_THREADS.replace("THREADS", &threads.to_string());
    printed_number(&simulate(&source, version, cores, 7))
}

#[test]
fn cpu_threads_take_turns_under_the_gil_and_share_the_cores_without_it() {
    // Two counting threads take twice as long as one under a GIL, on any number of cores.
    let under_gil = slowdown("3.13", 2, 4);
    assert!((1.9..2.2).contains(&under_gil), "3.13: {under_gil}");
    // Free-threaded, they run at once on two cores...
    let free = slowdown("3.13t", 2, 2);
    assert!((0.95..1.1).contains(&free), "3.13t on 2 cores: {free}");
    // ...but four threads on two cores take twice as long as one.
    let crowded = slowdown("3.13t", 4, 2);
    assert!((1.9..2.2).contains(&crowded), "3.13t, 4 threads on 2 cores: {crowded}");
}

#[test]
fn gil_turns_last_a_switch_interval() {
    let turns = |interval: &str| {
        let source = format!(
            "import sys\nsys.setswitchinterval({interval})\n{}",
            TWO_CPU_THREADS.replace("THREADS", "2").replace("200_000", "2_000_000")
        );
        let run = simulate(&source, "3.13", 2, 3);
        let trace = &run.outcome.trace;
        let counter = trace.threads.iter().find(|t| t.task.name == "counter-0").expect("traced");
        let running: Vec<u64> =
            counter.task.spans_of(SpanKind::Running).map(|s| s.end_us - s.start_us).collect();
        let other = trace.threads.iter().find(|t| t.task.name == "counter-1").expect("traced");
        for span in counter.task.spans_of(SpanKind::Running) {
            assert!(
                !other.task.spans_of(SpanKind::Running).any(|o| o.overlaps(span)),
                "under the GIL no two threads run at once"
            );
        }
        // The middle turns: the first and the last are cut by start and end.
        let middle = &running[1..running.len() - 1];
        middle.iter().sum::<u64>() / middle.len() as u64
    };
    let default = turns("0.005");
    assert!((4_900..5_300).contains(&default), "a 5 ms interval gives turns of {default} us");
    let short = turns("0.001");
    assert!((950..1_150).contains(&short), "a 1 ms interval gives turns of {short} us");
}

#[test]
fn threads_that_run_generators_take_gil_turns_too() {
    // The seed articles' CPU task, and a for loop over a generator function: the generator
    // runs in the thread's own eval loop, so the simulator can switch threads inside it.
    for work in [
        "sum(i * i for i in range(200_000))",
        "[x for x in squares(200_000)]",
        "any(x < 0 for x in squares(200_000))",
        "','.join(str(x) for x in squares(100_000))",
        "sorted(range(60_000), key=lambda x: -x)",
        "max(range(60_000), key=lambda x: x % 1000)",
        "list(range(60_000)).sort(key=lambda x: -x)",
        "list(map(lambda x: x * x, range(100_000)))",
        "sum(filter(lambda x: x % 3, range(100_000)))",
        "sum(map(lambda a, b: a * b, range(50_000), range(50_000)))",
    ] {
        let source = [
            "import sys, threading\nsys.setswitchinterval(0.0005)",
            "def squares(n):\n    for i in range(n):\n        yield i * i",
            &format!("def task():\n    return {work}"),
            "threads = [threading.Thread(target=task, name=f'worker-{i}') for i in range(2)]",
            "for t in threads: t.start()",
            "for t in threads: t.join()\n",
        ]
        .join("\n");
        let run = simulate(&source, "3.13", 2, 5);
        for name in ["worker-0", "worker-1"] {
            let thread = run.outcome.trace.threads.iter().find(|t| t.task.name == name).unwrap();
            let turns = thread.task.spans_of(SpanKind::Running).count();
            assert!(turns >= 5, "{work}: {name} ran in {turns} turns");
        }
    }
}

#[test]
fn built_ins_take_virtual_time_for_the_items_they_go_through() {
    // CPython 3.13 takes about 12 ms for `sum(range(1_000_000))` and 9 ms for `max` of a
    // million-item list; a built-in is one instruction, but its items cost time too.
    for work in ["sum(range(1_000_000))", "max(items)", "sorted(items, reverse=True)"] {
        let source = format!(
            "import time\nitems = list(range(1_000_000))\nstart = time.perf_counter()\n{work}\nprint(time.perf_counter() - start)\n"
        );
        let seconds = printed_number(&simulate(&source, "3.13", 1, 1));
        assert!((0.005..0.05).contains(&seconds), "{work} took {seconds} s of virtual time");
    }
}

#[test]
fn sleeping_threads_overlap_in_virtual_time() {
    let source = "import threading, time\n\
        start = time.perf_counter()\n\
        threads = [threading.Thread(target=time.sleep, args=(0.5,)) for _ in range(100)]\n\
        for t in threads: t.start()\n\
        for t in threads: t.join()\n\
        print(round(time.perf_counter() - start, 2))\n";
    // A hundred half-second sleeps take half a second of virtual time (plus thread starts).
    assert_eq!(printed_number(&simulate(source, "3.13", 2, 1)), 0.51);
}

#[test]
fn a_deadlock_is_reported_with_what_each_thread_waits_for() {
    let source = "import threading\n\
        a, b = threading.Lock(), threading.Lock()\n\
        def grab(first, second):\n    with first:\n        time.sleep(0.01)\n        with second:\n            pass\n\
        import time\n\
        t = threading.Thread(target=grab, args=(b, a), name='worker')\n\
        t.start()\n\
        grab(a, b)\n";
    let run = simulate_with(source, "3.13", 2, 1, Arc::default());
    assert_eq!(run.outcome.exit_code, 1);
    assert!(run.stderr.starts_with("Deadlock: every thread waits"), "{}", run.stderr);
    assert!(run.stderr.contains("MainThread waits for a lock (line 6)"), "{}", run.stderr);
    assert!(run.stderr.contains("worker waits for a lock (line 6)"), "{}", run.stderr);
}

#[test]
fn a_stop_interrupts_a_program_that_never_waits() {
    let breaker = Arc::new(EvalBreaker::default());
    let stopper = {
        let breaker = breaker.clone();
        std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(200));
            breaker.set(EvalBreaker::ASYNC_EXCEPTION);
        })
    };
    let source = "import threading\n\
        def spin():\n    while True:\n        pass\n\
        threading.Thread(target=spin, daemon=True).start()\n\
        spin()\n";
    let run = simulate_with(source, "3.13", 2, 1, breaker);
    stopper.join().unwrap();
    assert_eq!(run.outcome.exit_code, 1);
    assert!(run.stderr.trim_end().ends_with("KeyboardInterrupt"), "{}", run.stderr);
}

#[test]
fn os_cpu_count_is_the_number_of_virtual_cores() {
    let run = simulate("import os\nprint(os.cpu_count())\n", "3.13", 64, 1);
    assert_eq!(run.stdout, "64\n");
}

const PROCESSES: &str = "import multiprocessing as mp, os, time\n\
    def work(n, q):\n    total = 0\n    for i in range(n):\n        total += i\n    q.put((os.getpid(), total))\n\
    if __name__ == '__main__':\n\
    \x20   q = mp.Queue()\n\
    \x20   start = time.perf_counter()\n\
    \x20   ps = [mp.Process(target=work, args=(300_000, q)) for _ in range(2)]\n\
    \x20   for p in ps: p.start()\n\
    \x20   got = sorted(q.get() for _ in ps)\n\
    \x20   for p in ps: p.join()\n\
    \x20   print(time.perf_counter() - start)\n\
    \x20   print([total for _, total in got], len({pid for pid, _ in got}), os.getpid() not in {pid for pid, _ in got})\n\
    \x20   print([p.exitcode for p in ps], sorted(p.pid for p in ps) == sorted(pid for pid, _ in got))\n";

#[test]
fn processes_have_their_own_gils_and_run_at_once_on_the_cores() {
    let run = |cores| simulate(PROCESSES, "3.13", cores, 5);
    let (one_core, two_cores) = (run(1), run(2));
    let report = |run: &Simulated| run.stdout.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(report(&two_cores), "[44999850000, 44999850000] 2 True\n[0, 0] True");
    assert_eq!(report(&one_core), report(&two_cores));
    let seconds = |run: &Simulated| run.stdout.lines().next().unwrap().parse::<f64>().unwrap();
    // Each child costs a spawn's start-up (40 ms) and then computes; under a GIL of its own,
    // so two children on two cores compute at once, and on one core take turns.
    let (serial, parallel) = (seconds(&one_core), seconds(&two_cores));
    assert!(parallel > 0.04, "the spawn start-up is paid: {parallel}");
    let computing = (serial - 0.04) / (parallel - 0.04);
    assert!((1.7..2.3).contains(&computing), "one core {serial} s, two {parallel} s");
    // The same seed gives the same pids, output and trace.
    let again = run(2);
    assert_eq!(again.stdout, two_cores.stdout);
    assert_eq!(again.outcome.trace.to_chrome_json(), two_cores.outcome.trace.to_chrome_json());
    let rows = two_cores.outcome.trace.threads.len();
    assert_eq!(rows, 3, "the main thread and each child's");
}
