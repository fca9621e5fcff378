use std::fmt::Write;

use serde::{Deserialize, Serialize};

/// What each task does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TaskKind {
    /// Pure-Python arithmetic: needs the GIL the whole time.
    Cpu,
    /// A blocking wait (`time.sleep`, standing in for a network reply): releases the GIL.
    Io,
    /// Half the arithmetic, the wait, then the other half.
    Mixed,
    /// `counter += 1` on one shared global: the race each Python version settles differently.
    Counter,
}

impl TaskKind {
    pub const ALL: [TaskKind; 4] =
        [TaskKind::Cpu, TaskKind::Io, TaskKind::Mixed, TaskKind::Counter];

    pub fn as_str(self) -> &'static str {
        match self {
            TaskKind::Cpu => "cpu",
            TaskKind::Io => "io",
            TaskKind::Mixed => "mixed",
            TaskKind::Counter => "counter",
        }
    }

    pub fn parse(text: &str) -> Option<TaskKind> {
        TaskKind::ALL.into_iter().find(|kind| kind.as_str() == text)
    }

    pub fn computes(self) -> bool {
        self != TaskKind::Io
    }

    pub fn waits(self) -> bool {
        matches!(self, TaskKind::Io | TaskKind::Mixed)
    }
}

/// The sliders' view of a workload: `tasks` identical tasks of one kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sliders {
    pub kind: TaskKind,
    pub tasks: u32,
    /// Loop rounds per task (CPU, mixed and counter tasks).
    pub rounds: u32,
    /// How long each task waits, in milliseconds (I/O and mixed tasks).
    pub io_ms: u32,
    /// Worker processes in the process pool.
    pub cores: u32,
    /// `sys.setswitchinterval`, in microseconds.
    pub switch_interval_us: u32,
}

impl Sliders {
    pub const MAX_TASKS: u32 = 16;
    pub const ROUNDS_STEP: u32 = 10_000;
    pub const MAX_ROUNDS: u32 = 3_000_000;
    pub const IO_MS_STEP: u32 = 10;
    pub const MAX_IO_MS: u32 = 1_000;
    pub const MAX_CORES: u32 = 16;
    pub const MIN_SWITCH_INTERVAL_US: u32 = 500;
    pub const MAX_SWITCH_INTERVAL_US: u32 = 50_000;
    /// CPython's default switch interval.
    pub const DEFAULT_SWITCH_INTERVAL_US: u32 = 5_000;

    /// The same sliders with every value brought into its slider's range.
    pub fn clamped(self) -> Sliders {
        let round_to = |value: u32, step: u32| value / step * step;
        Sliders {
            kind: self.kind,
            tasks: self.tasks.clamp(1, Self::MAX_TASKS),
            rounds: round_to(self.rounds, Self::ROUNDS_STEP)
                .clamp(Self::ROUNDS_STEP, Self::MAX_ROUNDS),
            io_ms: round_to(self.io_ms, Self::IO_MS_STEP).min(Self::MAX_IO_MS),
            cores: self.cores.clamp(1, Self::MAX_CORES),
            switch_interval_us: self
                .switch_interval_us
                .clamp(Self::MIN_SWITCH_INTERVAL_US, Self::MAX_SWITCH_INTERVAL_US),
        }
    }
}

impl Sliders {
    /// The first value its slider cannot show, as (field, value, the nearest it can), if any.
    pub fn out_of_range(self) -> Option<(&'static str, u32, u32)> {
        let c = self.clamped();
        [
            ("tasks", self.tasks, c.tasks),
            ("rounds", self.rounds, c.rounds),
            ("io_ms", self.io_ms, c.io_ms),
            ("cores", self.cores, c.cores),
            ("switch_interval_us", self.switch_interval_us, c.switch_interval_us),
        ]
        .into_iter()
        .find(|(_, value, allowed)| value != allowed)
    }
}

impl Default for Sliders {
    /// The seed benchmark: two CPU-bound tasks on two cores.
    fn default() -> Self {
        Sliders {
            kind: TaskKind::Cpu,
            tasks: 2,
            rounds: 500_000,
            io_ms: 100,
            cores: 2,
            switch_interval_us: Self::DEFAULT_SWITCH_INTERVAL_US,
        }
    }
}

/// `value` with its digits in groups of three: `group_digits(1234567, ',')` is `1,234,567`.
pub fn group_digits(value: u32, separator: char) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}

/// `1234567` as Python writes a readable literal: `1_234_567`.
fn python_int(value: u32) -> String {
    group_digits(value, '_')
}

/// Seconds as the shortest Python float literal: 5000 µs is `0.005`.
fn python_seconds(us: u32) -> String {
    format!("{:?}", f64::from(us) / 1e6)
}

fn plural(count: u32, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// The workload as a Python program: constants, `task(n)`, `atask(n)` for asyncio,
/// `report(results)`, and a main block that runs the tasks one after another.
pub fn workload_source(sliders: &Sliders) -> String {
    let s = sliders.clamped();
    let kind = s.kind;
    let mut py = String::new();
    let tasks = plural(s.tasks, "task", "tasks");
    let (title, why) = match kind {
        TaskKind::Cpu => (
            format!("{tasks}, CPU-bound: pure-Python arithmetic."),
            "A thread holds the GIL while it computes.",
        ),
        TaskKind::Io => (
            format!("{tasks}, I/O-bound: each waits, as for a network reply."),
            "A thread releases the GIL while it waits.",
        ),
        TaskKind::Mixed => (
            format!("{tasks} that compute, wait, and compute again."),
            "A thread holds the GIL while it computes and releases it while it waits.",
        ),
        TaskKind::Counter => (
            format!("{tasks} adding 1 to one shared counter."),
            "Does every increment survive? That depends on the Python version.",
        ),
    };
    let _ = writeln!(py, "\"\"\"{title}\n\n{why}");
    py.push_str(concat!(
        "Each mode of the playground runs task(n) for n in range(TASKS): one after\n",
        "another, in threads, in processes or as asyncio coroutines, then calls\n",
        "report(results). Run as it is, this file runs them one after another.\n",
        "\"\"\"\n",
    ));
    if kind.waits() {
        py.push_str("import asyncio\n");
    }
    py.push_str("import sys\n");
    if kind.waits() {
        py.push_str("import time\n");
    }
    py.push('\n');

    let mut constants = vec![(format!("TASKS = {}", s.tasks), "how many tasks".to_string())];
    if kind.computes() {
        let what = if kind == TaskKind::Counter { "increments" } else { "loop rounds" };
        let per = if kind == TaskKind::Mixed { " (half before the wait)" } else { "" };
        constants
            .push((format!("ROUNDS = {}", python_int(s.rounds)), format!("{what} per task{per}")));
    }
    if kind.waits() {
        constants.push((
            format!("IO_WAIT = {}", python_seconds(s.io_ms * 1000)),
            "seconds each task waits".to_string(),
        ));
    }
    constants
        .push((format!("CORES = {}", s.cores), "worker processes in the process pool".to_string()));
    let width = constants.iter().map(|(code, _)| code.len()).max().unwrap_or(0);
    for (code, comment) in constants {
        let _ = writeln!(py, "{code:<width$}  # {comment}");
    }
    let _ = writeln!(
        py,
        "\nsys.setswitchinterval({})  # how long a thread keeps the GIL while another waits",
        python_seconds(s.switch_interval_us)
    );

    if kind == TaskKind::Counter {
        py.push_str(concat!(
            "\ncounter = 0\n",
            "\n\n",
            "def task(n):\n",
            "    global counter\n",
            "    for _ in range(ROUNDS):\n",
            "        counter += 1  # read, add, write back: three steps, not one\n",
            "\n\n",
            "async def atask(n):\n",
            "    task(n)\n",
            "\n\n",
            "def report(results):\n",
            "    # A process has its own copy of counter: in processes mode this one stays 0.\n",
            "    print(f\"counter = {counter:,} (expected {TASKS * ROUNDS:,})\")\n",
        ));
    } else {
        if kind.computes() {
            py.push_str(concat!(
                "\n\n",
                "def compute(rounds):\n",
                "    total = 0\n",
                "    for i in range(rounds):\n",
                "        total += i * i % 7\n",
                "    return total\n",
            ));
        }
        let (task, atask) = match kind {
            TaskKind::Cpu => (
                "    return compute(ROUNDS)\n",
                concat!(
                    "    # Coroutines share the event loop's one thread: while one computes,\n",
                    "    # no other runs.\n",
                    "    return task(n)\n",
                ),
            ),
            TaskKind::Io => (
                concat!(
                    "    time.sleep(IO_WAIT)  # blocks this thread, not the others\n",
                    "    return n\n",
                ),
                concat!(
                    "    await asyncio.sleep(IO_WAIT)  # lets the event loop run the others\n",
                    "    return n\n",
                ),
            ),
            TaskKind::Mixed => (
                concat!(
                    "    total = compute(ROUNDS // 2)\n",
                    "    time.sleep(IO_WAIT)\n",
                    "    return total + compute(ROUNDS - ROUNDS // 2)\n",
                ),
                concat!(
                    "    total = compute(ROUNDS // 2)\n",
                    "    await asyncio.sleep(IO_WAIT)\n",
                    "    return total + compute(ROUNDS - ROUNDS // 2)\n",
                ),
            ),
            TaskKind::Counter => unreachable!("handled above"),
        };
        let _ = write!(py, "\n\ndef task(n):\n{task}\n\nasync def atask(n):\n{atask}");
        let report = if kind.computes() {
            "    print(f\"{len(results)} tasks done, checksum {sum(results)}\")\n"
        } else {
            "    print(f\"{len(results)} tasks done\")\n"
        };
        let _ = write!(py, "\n\ndef report(results):\n{report}");
    }
    py.push_str("\n\n");
    py.push_str(crate::variant::driver(crate::Mode::Sequential));
    py
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literals_read_as_python_writes_them() {
        assert_eq!(python_int(500_000), "500_000");
        assert_eq!(python_int(1_234_567), "1_234_567");
        assert_eq!(python_int(999), "999");
        assert_eq!(python_seconds(5_000), "0.005");
        assert_eq!(python_seconds(500), "0.0005");
        assert_eq!(python_seconds(100_000), "0.1");
        assert_eq!(python_seconds(1_000_000), "1.0");
    }

    #[test]
    fn constants_follow_the_sliders_and_unused_ones_are_left_out() {
        let io = workload_source(&Sliders {
            kind: TaskKind::Io,
            tasks: 3,
            io_ms: 250,
            ..Sliders::default()
        });
        assert!(io.contains("TASKS = 3 "), "{io}");
        assert!(io.contains("IO_WAIT = 0.25 "), "{io}");
        assert!(!io.contains("ROUNDS"), "an I/O task does no arithmetic:\n{io}");
        let cpu = workload_source(&Sliders::default());
        assert!(cpu.contains("ROUNDS = 500_000 "), "{cpu}");
        assert!(!cpu.contains("IO_WAIT") && !cpu.contains("import time"), "{cpu}");
        assert!(cpu.contains("sys.setswitchinterval(0.005)"), "{cpu}");
    }

    #[test]
    fn out_of_range_values_are_clamped_to_the_sliders() {
        let wild = Sliders {
            tasks: 0,
            rounds: 7,
            io_ms: 5_005,
            cores: 99,
            switch_interval_us: 1,
            ..Sliders::default()
        };
        let clamped = wild.clamped();
        assert_eq!((clamped.tasks, clamped.rounds, clamped.io_ms), (1, 10_000, 1_000));
        assert_eq!((clamped.cores, clamped.switch_interval_us), (16, 500));
        assert_eq!(workload_source(&wild), workload_source(&clamped));
    }
}
