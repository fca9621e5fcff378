//! Which choice a measured run bears out.

use gilpy_variants::Mode;

use crate::format::{Check, Question};

/// What a mode's run measured, as the check reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct ModeFigures {
    pub mode: Mode,
    /// None if the mode did not finish on its own (stopped, or not run).
    pub wall_us: Option<u64>,
    pub stdout: String,
}

/// The choice the question's run bears out, or None if the question has no run or the figures
/// it needs are missing (a mode was stopped or failed to start).
pub fn measured_choice(question: &Question, figures: &[ModeFigures]) -> Option<usize> {
    let of = |mode: Mode| figures.iter().find(|f| f.mode == mode);
    let choice = match &question.run.as_ref()?.check {
        Check::Fastest(modes) => {
            let walls: Option<Vec<u64>> = modes.iter().map(|m| of(*m)?.wall_us).collect();
            let walls = walls?;
            (0..walls.len()).min_by_key(|&i| walls[i])
        }
        Check::Speedup { mode, bounds } => {
            let sequential = of(Mode::Sequential)?.wall_us? as f64;
            let this = of(*mode)?.wall_us?.max(1) as f64;
            let speedup = sequential / this;
            Some(bounds.iter().filter(|bound| speedup >= **bound).count())
        }
        Check::Output { mode, contains } => {
            let figures = of(*mode)?;
            figures.wall_us?;
            contains
                .iter()
                .position(|text| figures.stdout.contains(text.as_str()))
                .or(Some(contains.len()))
        }
    };
    choice.filter(|&choice| choice < question.choices.len())
}
