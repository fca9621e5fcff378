use serde::{Deserialize, Serialize};

use crate::run::Mode;

/// What one task was doing during one interval of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpanKind {
    /// On a core, doing CPU work (holding the GIL in single-lock mode).
    Running,
    /// On a core, waiting in `take_gil` (or for the switch in `drop_gil`).
    WaitingForLock,
    /// Blocked on I/O; holds no core and no lock (except in sequential mode, where the one
    /// thread waits).
    BlockedIo,
    /// Runnable, but every core was busy.
    Ready,
    /// Pickling or unpickling what crosses to or from another process (arguments, results,
    /// queue items): CPU work, under the GIL.
    Serializing,
    /// A new process starting up: its interpreter made and its main module run again (spawn),
    /// before its target runs.
    Starting,
}

/// `[start_us, end_us)` relative to the start of the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub kind: SpanKind,
    pub start_us: u64,
    pub end_us: u64,
    /// The core the task was on, for spans that hold one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub core: Option<u16>,
}

impl Span {
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start_us < other.end_us && other.start_us < self.end_us
    }

    pub fn duration_us(&self) -> u64 {
        self.end_us - self.start_us
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskTrace {
    pub name: String,
    /// In time order, never overlapping one another.
    pub spans: Vec<Span>,
    /// False when the run was stopped before this task finished.
    pub finished: bool,
}

impl TaskTrace {
    pub fn total_us(&self, kind: SpanKind) -> u64 {
        self.spans.iter().filter(|span| span.kind == kind).map(Span::duration_us).sum()
    }

    pub fn spans_of(&self, kind: SpanKind) -> impl Iterator<Item = &Span> {
        self.spans.iter().filter(move |span| span.kind == kind)
    }
}

/// Everything a run produced: the page draws it, the tests check it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunTrace {
    pub mode: Mode,
    pub cores: usize,
    pub switch_interval_us: u64,
    pub wall_us: u64,
    pub tasks: Vec<TaskTrace>,
    /// How many times the GIL changed hands (CPython's `switch_number`); 0 without a GIL.
    pub gil_switches: u64,
    pub stopped: bool,
}

impl RunTrace {
    /// Whether a span of `kind` in one task overlaps a span of `kind` in another.
    pub fn any_cross_task_overlap(&self, kind: SpanKind) -> bool {
        self.tasks.iter().enumerate().any(|(index, task)| {
            self.tasks[index + 1..].iter().any(|other| {
                task.spans_of(kind).any(|span| other.spans_of(kind).any(|o| span.overlaps(o)))
            })
        })
    }

    /// Checks the invariants every trace keeps; returns the first broken one.
    pub fn check_consistency(&self) -> Result<(), String> {
        for task in &self.tasks {
            let mut previous_end = 0;
            for span in &task.spans {
                if span.start_us > span.end_us {
                    return Err(format!("{}: span ends before it starts: {span:?}", task.name));
                }
                if span.start_us < previous_end {
                    return Err(format!(
                        "{}: spans overlap or are out of order at {span:?}",
                        task.name
                    ));
                }
                if span.end_us > self.wall_us {
                    return Err(format!("{}: span ends after the run: {span:?}", task.name));
                }
                previous_end = span.end_us;
            }
            if !self.stopped && !task.finished {
                return Err(format!("{} did not finish in a run that was not stopped", task.name));
            }
        }
        Ok(())
    }
}
