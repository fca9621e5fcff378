use std::fmt;

use serde::{Deserialize, Serialize};

/// The Python the free-threaded mode runs on, whatever version the learner chose.
pub const FREE_THREADED_PYTHON: &str = "3.13t";

/// The Python versions the playground offers, newest first; `t` is the free-threaded build.
pub const PYTHON_VERSIONS: [&str; 6] =
    ["3.13", FREE_THREADED_PYTHON, "3.12", "3.11", "3.10", "3.9"];

/// A way to run the workload's tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    Sequential,
    /// A thread per task, under the GIL.
    Threads,
    /// The same threads on the free-threaded build.
    FreeThreaded,
    /// A `ProcessPoolExecutor` of `CORES` processes.
    Processes,
    /// One coroutine per task, gathered on one event loop.
    Asyncio,
}

impl Mode {
    pub const ALL: [Mode; 5] =
        [Mode::Sequential, Mode::Threads, Mode::FreeThreaded, Mode::Processes, Mode::Asyncio];

    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Sequential => "sequential",
            Mode::Threads => "threads",
            Mode::FreeThreaded => "free-threaded",
            Mode::Processes => "processes",
            Mode::Asyncio => "asyncio",
        }
    }

    pub fn parse(text: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|mode| mode.as_str() == text)
    }

    pub fn title(self) -> &'static str {
        match self {
            Mode::Sequential => "One after another",
            Mode::Threads => "Threads (GIL)",
            Mode::FreeThreaded => "Threads, free-threaded",
            Mode::Processes => "Processes",
            Mode::Asyncio => "asyncio",
        }
    }

    /// The Python version this mode runs on when the learner chose `chosen`: the free-threaded
    /// mode always runs on 3.13t, and the others keep their GIL (3.13t becomes 3.13).
    pub fn python(self, chosen: &str) -> String {
        match self {
            Mode::FreeThreaded => FREE_THREADED_PYTHON.to_string(),
            _ => chosen.strip_suffix('t').unwrap_or(chosen).to_string(),
        }
    }

    /// The names the mode's main block uses, which the workload must define.
    fn needs(self) -> &'static [&'static str] {
        match self {
            Mode::Processes => &["def task(", "def report(", "TASKS =", "CORES ="],
            Mode::Asyncio => &["async def atask(", "def report(", "TASKS ="],
            _ => &["def task(", "def report(", "TASKS ="],
        }
    }
}

/// Why a mode's program cannot be derived from the code in the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VariantError {
    /// There is no `if __name__ == "__main__":` line to replace.
    NoMainBlock,
    /// The workload (above the main block) lacks a name the mode uses, such as `def task(`.
    Missing { mode: Mode, what: &'static str },
}

impl fmt::Display for VariantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VariantError::NoMainBlock => f.write_str(
                "the code has no `if __name__ == \"__main__\":` block, so the modes cannot replace it \
                 with their own; use Run as written",
            ),
            VariantError::Missing { mode, what } => write!(
                f,
                "{} needs `{}` above the main block",
                mode.title(),
                what.trim_end_matches(['(', ' ', '='])
            ),
        }
    }
}

/// Whether `line` opens the main block: `if __name__ == "__main__":`, with either quote.
fn is_main_guard(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    !line.starts_with(char::is_whitespace)
        && (compact == "if__name__==\"__main__\":" || compact == "if__name__=='__main__':")
}

/// The program `mode` runs: everything in `source` above its main block, then the mode's own.
pub fn variant(source: &str, mode: Mode) -> Result<String, VariantError> {
    let mut workload_end = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        if is_main_guard(line.trim_end()) {
            workload_end = Some(offset);
            break;
        }
        offset += line.len();
    }
    let workload = &source[..workload_end.ok_or(VariantError::NoMainBlock)?];
    for what in mode.needs() {
        if !workload.lines().any(|line| line.starts_with(what)) {
            return Err(VariantError::Missing { mode, what });
        }
    }
    Ok(format!("{workload}{}", driver(mode)))
}

/// Each mode's main block. The processes' pool is `CORES` wide; threads get one per task.
pub(crate) fn driver(mode: Mode) -> &'static str {
    match mode {
        Mode::Sequential => concat!(
            "if __name__ == \"__main__\":\n",
            "    results = [task(n) for n in range(TASKS)]\n",
            "    report(results)\n",
        ),
        Mode::Threads | Mode::FreeThreaded => concat!(
            "if __name__ == \"__main__\":\n",
            "    from concurrent.futures import ThreadPoolExecutor\n",
            "\n",
            "    # A thread per task, all in this one process.\n",
            "    with ThreadPoolExecutor(max_workers=TASKS) as pool:\n",
            "        results = list(pool.map(task, range(TASKS)))\n",
            "    report(results)\n",
        ),
        Mode::Processes => concat!(
            "if __name__ == \"__main__\":\n",
            "    from concurrent.futures import ProcessPoolExecutor\n",
            "\n",
            "    # CORES processes, each with its own interpreter and GIL. Each task's argument\n",
            "    # and result are pickled on the way there and back.\n",
            "    with ProcessPoolExecutor(max_workers=CORES) as pool:\n",
            "        results = list(pool.map(task, range(TASKS)))\n",
            "    report(results)\n",
        ),
        Mode::Asyncio => concat!(
            "if __name__ == \"__main__\":\n",
            "    import asyncio\n",
            "\n",
            "    # A coroutine per task, all on one thread's event loop.\n",
            "    async def main():\n",
            "        return await asyncio.gather(*(atask(n) for n in range(TASKS)))\n",
            "\n",
            "    report(asyncio.run(main()))\n",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{workload_source, Sliders};

    #[test]
    fn the_sliders_program_is_its_own_sequential_variant() {
        let source = workload_source(&Sliders::default());
        assert_eq!(variant(&source, Mode::Sequential).unwrap(), source);
    }

    #[test]
    fn a_variant_keeps_the_hand_edited_workload_and_replaces_the_main_block() {
        let edited = "TASKS = 3\nCORES = 1\n\ndef task(n):\n    return n * 2\n\ndef report(r):\n    print(r)\n\n\
                      if __name__ == '__main__':\n    print('mine')\n";
        let threads = variant(edited, Mode::Threads).unwrap();
        assert!(threads.starts_with("TASKS = 3\nCORES = 1\n\ndef task(n):\n    return n * 2\n"));
        assert!(threads.contains("ThreadPoolExecutor(max_workers=TASKS)"));
        assert!(!threads.contains("'mine'"));
        assert_eq!(
            variant(edited, Mode::Asyncio),
            Err(VariantError::Missing { mode: Mode::Asyncio, what: "async def atask(" })
        );
        assert_eq!(
            VariantError::Missing { mode: Mode::Asyncio, what: "async def atask(" }.to_string(),
            "asyncio needs `async def atask` above the main block"
        );
    }

    #[test]
    fn without_a_main_block_no_mode_can_be_derived() {
        assert_eq!(variant("print('hi')\n", Mode::Sequential), Err(VariantError::NoMainBlock));
        // An indented guard is not the module's main block.
        let nested = "def f():\n    if __name__ == \"__main__\":\n        pass\n";
        assert_eq!(variant(nested, Mode::Threads), Err(VariantError::NoMainBlock));
    }

    #[test]
    fn free_threaded_always_runs_on_the_free_threaded_build() {
        assert_eq!(Mode::FreeThreaded.python("3.9"), "3.13t");
        assert_eq!(Mode::Threads.python("3.13t"), "3.13");
        assert_eq!(Mode::Processes.python("3.12"), "3.12");
    }
}
