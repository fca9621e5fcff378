//! "Does adding cores help?": each selected mode's program on 1, 2, 4, ... cores, and its
//! speedup over the sequential program at each count. Simulated on virtual cores, it runs
//! anywhere, repeats exactly for a seed, and can ask for more cores than the machine has; on
//! real cores, the runner lets only that many of the program's threads run at once, so it
//! measures what each of this machine's cores brings.

use gilpy_variants::{Mode, RunMode};

/// The core counts a sweep up to `most` measures: the powers of two below it, and `most`.
pub fn core_counts(most: usize) -> Vec<usize> {
    let mut counts: Vec<usize> =
        std::iter::successors(Some(1), |n| Some(n * 2)).take_while(|n| *n < most).collect();
    counts.push(most.max(1));
    counts
}

/// The fewest virtual cores a sweep goes up to: enough to pass a lesson's 4 tasks.
pub const SWEEP_AT_LEAST: usize = 8;

/// One program of the sweep: a mode on a number of virtual cores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SweepPoint {
    pub mode: Mode,
    pub cores: usize,
}

/// A sweep's measurements so far, and what it measured.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CoreSweep {
    pub core_counts: Vec<usize>,
    pub modes: Vec<Mode>,
    /// On real cores (the runner's core limit), or simulated on virtual ones with `seed`.
    pub real: bool,
    pub seed: u64,
    /// The code and Python version swept, to say when the editor has moved on.
    pub source: String,
    pub python: String,
    /// Wall time of each finished point; `None` if its program failed or was stopped.
    pub walls: Vec<(SweepPoint, Option<u64>)>,
    /// The cores each point's run had, as the runner reports them (its trace's).
    pub ran_on: Vec<(SweepPoint, usize)>,
}

impl CoreSweep {
    /// The programs to run: sequential and asyncio once (one thread: cores change nothing),
    /// the other modes at each core count.
    pub fn points(&self) -> Vec<SweepPoint> {
        let mut points = Vec::new();
        for &mode in &self.modes {
            if uses_one_core(mode) {
                points.push(SweepPoint { mode, cores: 1 });
            } else {
                points.extend(self.core_counts.iter().map(|&cores| SweepPoint { mode, cores }));
            }
        }
        points
    }

    pub fn run_mode(&self, point: SweepPoint) -> RunMode {
        match self.real {
            true => RunMode::Real,
            false => RunMode::Simulated { seed: self.seed, cores: point.cores },
        }
    }

    /// The real cores a point runs on, for the runner's core limit.
    pub fn real_cores(&self, point: SweepPoint) -> Option<usize> {
        self.real.then_some(point.cores)
    }

    /// "real" or "virtual", for what the page says of the cores.
    pub fn kind_of_cores(&self) -> &'static str {
        if self.real {
            "real"
        } else {
            "virtual"
        }
    }

    /// The cores the run of `mode` at `cores` had, once it ran.
    pub fn ran_on(&self, mode: Mode, cores: usize) -> Option<usize> {
        let cores = if uses_one_core(mode) { 1 } else { cores };
        self.ran_on.iter().find(|(p, _)| p.mode == mode && p.cores == cores).map(|(_, n)| *n)
    }

    fn wall(&self, mode: Mode, cores: usize) -> Option<u64> {
        let cores = if uses_one_core(mode) { 1 } else { cores };
        self.walls.iter().find(|(p, _)| p.mode == mode && p.cores == cores).and_then(|(_, w)| *w)
    }

    /// `mode`'s speedup over the sequential program on `cores` virtual cores, once both ran.
    pub fn speedup(&self, mode: Mode, cores: usize) -> Option<f64> {
        let sequential = self.wall(Mode::Sequential, 1)? as f64;
        let this = self.wall(mode, cores)? as f64;
        (this > 0.0).then(|| sequential / this)
    }
}

/// Modes whose program runs on one thread whatever the cores.
pub fn uses_one_core(mode: Mode) -> bool {
    matches!(mode, Mode::Sequential | Mode::Asyncio)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sweep_doubles_the_cores_up_to_the_most() {
        assert_eq!(core_counts(1), [1]);
        assert_eq!(core_counts(8), [1, 2, 4, 8]);
        assert_eq!(core_counts(12), [1, 2, 4, 8, 12]);
        assert_eq!(core_counts(64), [1, 2, 4, 8, 16, 32, 64]);
    }

    #[test]
    fn one_thread_modes_run_once_and_speedups_compare_with_sequential() {
        let mut sweep = CoreSweep {
            core_counts: core_counts(4),
            modes: vec![Mode::Sequential, Mode::FreeThreaded, Mode::Asyncio],
            seed: 1,
            ..CoreSweep::default()
        };
        let points = sweep.points();
        assert_eq!(points.len(), 1 + 3 + 1);
        assert_eq!(points[1], SweepPoint { mode: Mode::FreeThreaded, cores: 1 });
        sweep.walls = vec![
            (SweepPoint { mode: Mode::Sequential, cores: 1 }, Some(400)),
            (SweepPoint { mode: Mode::FreeThreaded, cores: 4 }, Some(100)),
            (SweepPoint { mode: Mode::FreeThreaded, cores: 2 }, None),
            (SweepPoint { mode: Mode::Asyncio, cores: 1 }, Some(400)),
        ];
        assert_eq!(sweep.speedup(Mode::FreeThreaded, 4), Some(4.0));
        assert_eq!(sweep.speedup(Mode::FreeThreaded, 2), None);
        assert_eq!(sweep.speedup(Mode::Asyncio, 4), Some(1.0));
    }
}
