//! Where a program runs: on the browser's real cores, or simulated in virtual time.

use serde::{Deserialize, Serialize};

/// The most virtual cores the page offers: enough to see where adding cores stops helping.
pub const MAX_SIMULATED_CORES: usize = 64;

/// The largest seed the page takes: every seed fits exactly in a JavaScript number, so a seed
/// typed in, kept in a link and shown again stays the same.
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// How the runner runs a program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RunMode {
    /// Python threads on web workers sharing one memory, under a real GIL: needs
    /// cross-origin isolation.
    #[default]
    Real,
    /// Every thread on one worker in virtual time (`gilpy run --simulate`): runs anywhere, and
    /// the same seed gives the same output and timeline.
    Simulated { seed: u64, cores: usize },
}

impl RunMode {
    pub fn is_simulated(self) -> bool {
        matches!(self, RunMode::Simulated { .. })
    }

    /// Why this mode cannot be asked for, if its seed or cores are out of range.
    pub fn out_of_range(self) -> Option<String> {
        match self {
            RunMode::Simulated { seed, .. } if seed > MAX_SEED => {
                Some(format!("has seed {seed}, above the largest, {MAX_SEED}"))
            }
            RunMode::Simulated { cores, .. } if !(1..=MAX_SIMULATED_CORES).contains(&cores) => {
                Some(format!("has {cores} virtual cores, not 1 to {MAX_SIMULATED_CORES}"))
            }
            _ => None,
        }
    }
}
