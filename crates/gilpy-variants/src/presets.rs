use crate::{Sliders, TaskKind};

/// A lesson from the seed articles, ready to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Preset {
    /// Stable, for share links and tests.
    pub id: &'static str,
    pub title: &'static str,
    /// What to look for, in a sentence or two.
    pub lesson: &'static str,
    pub content: PresetContent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresetContent {
    /// The sliders write the code.
    Sliders(Sliders),
    /// A program of its own, which the sliders do not drive. Its workload follows the
    /// conventions of [`crate::variant`] where the lesson allows.
    Program(&'static str),
}

pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|preset| preset.id == id)
}

const fn sliders(kind: TaskKind, tasks: u32, rounds: u32, io_ms: u32) -> PresetContent {
    PresetContent::Sliders(Sliders {
        kind,
        tasks,
        rounds,
        io_ms,
        cores: 2,
        switch_interval_us: Sliders::DEFAULT_SWITCH_INTERVAL_US,
    })
}

pub const PRESETS: &[Preset] = &[
    Preset {
        id: "seed-benchmark",
        title: "The seed benchmark: two CPU-bound tasks",
        lesson: "Two threads under the GIL take about as long as doing the work twice in a row; two \
                 processes or two free-threaded threads take about half.",
        content: sliders(TaskKind::Cpu, 2, 500_000, 100),
    },
    Preset {
        id: "cpu-threads",
        title: "CPU-bound threads",
        lesson: "Four threads of arithmetic take turns holding the GIL: the timeline shows one running \
                 and the others waiting for it.",
        content: sliders(TaskKind::Cpu, 4, 300_000, 100),
    },
    Preset {
        id: "io-threads",
        title: "I/O-bound threads",
        lesson: "A thread releases the GIL while it waits, so four waits of 0.2 s overlap and take \
                 0.2 s in all, with the GIL or without it.",
        content: sliders(TaskKind::Io, 4, 100_000, 200),
    },
    Preset {
        id: "counter-race",
        title: "The counter race",
        lesson: "Two threads add 1 to one counter. Python 3.9 can switch threads in the middle of \
                 `counter += 1` and lose updates; 3.10 to 3.13 switch only at calls and loop jumps, \
                 so this loop keeps every one; free-threaded 3.13t has no GIL and loses them again.",
        content: sliders(TaskKind::Counter, 2, 1_000_000, 100),
    },
    Preset {
        id: "pool-map",
        title: "Processes with Pool.map",
        lesson: "Each worker process has its own interpreter and its own GIL, so CPU-bound tasks run \
                 in parallel; starting the processes and pickling the work costs time up front.",
        content: PresetContent::Program(POOL_MAP),
    },
    Preset {
        id: "chunked-executor",
        title: "Many small tasks: chunksize",
        lesson: "Sending 2,000 tiny tasks to processes one by one pays for pickling and messaging \
                 2,000 times; chunksize=100 sends them in batches.",
        content: PresetContent::Program(CHUNKED_EXECUTOR),
    },
    Preset {
        id: "asyncio-gather",
        title: "asyncio.gather",
        lesson: "Ten coroutines wait at once on one thread: asyncio overlaps the waits as threads \
                 do, without starting any thread.",
        content: sliders(TaskKind::Io, 10, 100_000, 200),
    },
    Preset {
        id: "missing-main-guard",
        title: "The missing main guard",
        lesson: "Under the spawn start method each worker process begins by importing the main \
                 file. Without `if __name__ == \"__main__\":` that import tries to start a pool of \
                 its own, and Python stops it. Run it as written.",
        content: PresetContent::Program(MISSING_MAIN_GUARD),
    },
];

const POOL_MAP: &str = r#""""CPU-bound tasks in a pool of worker processes, with multiprocessing.Pool.map.

Each worker is a separate interpreter with its own GIL. Pool.map pickles each
argument, sends it to a worker, and pickles the result on its way back.
"""
import multiprocessing

TASKS = 4        # how many tasks
ROUNDS = 300_000  # loop rounds per task
CORES = 2        # worker processes


def task(n):
    total = 0
    for i in range(ROUNDS):
        total += i * i % 7
    return total


async def atask(n):
    return task(n)


def report(results):
    print(f"{len(results)} tasks done, checksum {sum(results)}")


if __name__ == "__main__":
    with multiprocessing.Pool(processes=CORES) as pool:
        results = pool.map(task, range(TASKS))
    report(results)
"#;

const CHUNKED_EXECUTOR: &str = r#""""Many tiny tasks sent to processes, one by one and then in chunks.

Every task's argument and result are pickled and sent between processes. With
chunksize=100, pool.map sends a hundred at a time, so that cost is paid less often.
"""
import time
from concurrent.futures import ProcessPoolExecutor

TASKS = 2_000  # how many tasks
CORES = 2      # worker processes


def task(n):
    return n * n


async def atask(n):
    return task(n)


def report(results):
    print(f"{len(results)} tasks done, checksum {sum(results)}")


if __name__ == "__main__":
    for chunksize in (1, 100):
        start = time.perf_counter()
        with ProcessPoolExecutor(max_workers=CORES) as pool:
            results = list(pool.map(task, range(TASKS), chunksize=chunksize))
        print(f"chunksize={chunksize:>3}: {time.perf_counter() - start:.3f} s")
    report(results)
"#;

const MISSING_MAIN_GUARD: &str = r#""""A process pool started at the top level of the main file, without the main guard.

The "spawn" start method (the default on Windows and macOS) starts each worker by
importing this file. Watch "importing" print once per process.
"""
import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def square(n):
    return n * n


print("importing", __name__)
spawn = multiprocessing.get_context("spawn")
with ProcessPoolExecutor(max_workers=2, mp_context=spawn) as pool:
    print(list(pool.map(square, range(4))))
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{variant, Mode, VariantError};

    #[test]
    fn ids_are_unique_and_found() {
        for each in PRESETS {
            assert_eq!(preset(each.id), Some(each));
        }
        assert_eq!(preset("nope"), None);
    }

    #[test]
    fn program_presets_derive_every_mode_except_the_missing_guard() {
        for preset in PRESETS {
            let PresetContent::Program(source) = preset.content else { continue };
            for mode in Mode::ALL {
                let derived = variant(source, mode);
                if preset.id == "missing-main-guard" {
                    assert_eq!(derived, Err(VariantError::NoMainBlock));
                } else {
                    assert!(derived.is_ok(), "{}: {mode:?}: {derived:?}", preset.id);
                }
            }
        }
    }
}
