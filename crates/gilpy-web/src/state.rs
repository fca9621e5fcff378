//! The page's state as plain data and a reducer: no DOM, no worker, so it is tested natively.

use std::rc::Rc;

use gilpy_protocol::{
    append_output, FromRunner, OutputChunk, PythonOutcome, PythonRequest, RunRequest,
    MAX_POOL_CORES,
};
use gilpy_runtime::gil::DEFAULT_SWITCH_INTERVAL_US;
use gilpy_runtime::{Mode, Progress, RunTrace, TaskKind, WorkloadParams};
use yew::Reducible;

/// What the learner chose with the controls.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub params: WorkloadParams,
    pub cores: usize,
    pub switch_interval_us: u64,
    /// Which modes Run executes, in `Mode::ALL` order.
    pub modes: Vec<Mode>,
}

impl Settings {
    pub const MIN_SWITCH_INTERVAL_US: u64 = 500;
    pub const MAX_SWITCH_INTERVAL_US: u64 = 50_000;

    pub fn request(&self) -> RunRequest {
        RunRequest {
            workload: self.params.workload(),
            modes: self.modes.clone(),
            cores: self.cores,
            switch_interval_us: self.switch_interval_us,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            params: WorkloadParams::default(),
            cores: 2,
            switch_interval_us: DEFAULT_SWITCH_INTERVAL_US,
            modes: Mode::ALL.to_vec(),
        }
    }
}

/// The program in the editor, the Python it runs as, and its latest run.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramPanel {
    pub source: String,
    pub python: String,
    pub output: Vec<OutputChunk>,
    pub outcome: Option<PythonOutcome>,
    /// Microseconds since the running program started, as the runner last reported.
    pub elapsed_us: u64,
}

/// The versions the select offers, newest first; `t` is the free-threaded build.
pub const PYTHON_VERSIONS: [&str; 6] = ["3.13", "3.13t", "3.12", "3.11", "3.10", "3.9"];

pub const DEFAULT_PROGRAM: &str = r#"# Two threads counting down: under the GIL they take turns, so two
# threads are no faster than one. Try 3.13t (free-threaded) in the select.
import threading
import time

def count_down(n):
    while n > 0:
        n -= 1

N = 1_000_000

start = time.perf_counter()
count_down(N)
count_down(N)
sequential = time.perf_counter() - start
print(f"one after another: {sequential:.3f} s")

start = time.perf_counter()
threads = [threading.Thread(target=count_down, args=(N,)) for _ in range(2)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
threaded = time.perf_counter() - start
print(f"two threads:       {threaded:.3f} s ({sequential / threaded:.2f}x)")
"#;

impl Default for ProgramPanel {
    fn default() -> Self {
        ProgramPanel {
            source: DEFAULT_PROGRAM.to_string(),
            python: PYTHON_VERSIONS[0].to_string(),
            output: Vec::new(),
            outcome: None,
            elapsed_us: 0,
        }
    }
}

impl ProgramPanel {
    pub fn request(&self) -> PythonRequest {
        PythonRequest { source: self.source.clone(), python: self.python.clone() }
    }
}

/// Whether the runner worker can take work.
#[derive(Clone, Debug, PartialEq)]
pub enum RunnerStatus {
    Starting,
    Ready {
        cores: usize,
    },
    /// Real cores cannot work here (no cross-origin isolation); the reason is shown as is.
    Unavailable {
        reason: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActiveRun {
    pub run_id: u64,
    /// A program from the editor rather than the workload's modes.
    pub program: bool,
    pub modes: Vec<Mode>,
    pub progress: Option<(Mode, Progress)>,
    pub stop_requested: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    pub settings: Settings,
    pub program: ProgramPanel,
    pub runner: RunnerStatus,
    pub active: Option<ActiveRun>,
    /// Results of the latest run, in the order the modes finished.
    pub results: Vec<RunTrace>,
    pub last_run_stopped: bool,
    /// An error to show until the next run (a crashed runner, an unreadable message).
    pub error: Option<String>,
    /// Runs that reached their end (finished or stopped), shown as `data-completed-runs`.
    pub completed_runs: u64,
    next_run_id: u64,
}

impl Default for Playground {
    fn default() -> Self {
        Playground {
            settings: Settings::default(),
            program: ProgramPanel::default(),
            runner: RunnerStatus::Starting,
            active: None,
            results: Vec::new(),
            last_run_stopped: false,
            error: None,
            completed_runs: 0,
            next_run_id: 1,
        }
    }
}

impl Playground {
    pub fn can_run(&self) -> bool {
        self.can_run_program() && !self.settings.modes.is_empty()
    }

    pub fn can_run_program(&self) -> bool {
        matches!(self.runner, RunnerStatus::Ready { .. }) && self.active.is_none()
    }

    /// The id the next `RunStarted` will carry.
    pub fn next_run_id(&self) -> u64 {
        self.next_run_id
    }

    pub fn wall_us(&self, mode: Mode) -> Option<u64> {
        self.results.iter().find(|trace| trace.mode == mode).map(|trace| trace.wall_us)
    }

    /// Sequential wall time over this mode's: how many times faster than one core.
    pub fn speedup(&self, mode: Mode) -> Option<f64> {
        let sequential = self.wall_us(Mode::Sequential)? as f64;
        let this = self.wall_us(mode)? as f64;
        (this > 0.0).then(|| sequential / this)
    }

    /// The shared time axis: the longest wall time among the results.
    pub fn axis_end_us(&self) -> u64 {
        self.results.iter().map(|trace| trace.wall_us).max().unwrap_or(0).max(1)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetTasks(u32),
    SetKind(TaskKind),
    SetWorkMops(u32),
    SetIoMs(u32),
    SetCores(usize),
    SetSwitchIntervalUs(u64),
    SetModeEnabled(Mode, bool),
    SetSource(String),
    SetPython(String),
    /// The page posted the editor's program to the runner with this id.
    ProgramStarted {
        run_id: u64,
    },
    /// The page posted a run with this id to the runner.
    RunStarted {
        run_id: u64,
        modes: Vec<Mode>,
    },
    StopRequested,
    Runner(FromRunner),
    RunnerUnavailable(String),
    /// The runner died (crash or uncaught error) and a new one is starting.
    RunnerRestarting(String),
}

impl Reducible for Playground {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        Rc::new(next)
    }
}

impl Playground {
    pub fn apply(&mut self, action: Action) {
        let pool_cores = self.pool_cores();
        let settings = &mut self.settings;
        match action {
            Action::SetTasks(tasks) => {
                settings.params.tasks = tasks.clamp(1, WorkloadParams::MAX_TASKS)
            }
            Action::SetKind(kind) => settings.params.kind = kind,
            Action::SetWorkMops(mops) => {
                settings.params.work_mops = mops.clamp(1, WorkloadParams::MAX_WORK_MOPS)
            }
            Action::SetIoMs(ms) => settings.params.io_ms = ms.min(WorkloadParams::MAX_IO_MS),
            Action::SetCores(cores) => settings.cores = cores.clamp(1, pool_cores),
            Action::SetSwitchIntervalUs(us) => {
                settings.switch_interval_us =
                    us.clamp(Settings::MIN_SWITCH_INTERVAL_US, Settings::MAX_SWITCH_INTERVAL_US)
            }
            Action::SetModeEnabled(mode, enabled) => {
                settings.modes.retain(|m| *m != mode);
                if enabled {
                    settings.modes.push(mode);
                }
                settings.modes.sort_by_key(|m| Mode::ALL.iter().position(|x| x == m));
            }
            Action::SetSource(source) => self.program.source = source,
            Action::SetPython(python) => {
                if PYTHON_VERSIONS.contains(&python.as_str()) {
                    self.program.python = python;
                }
            }
            Action::ProgramStarted { run_id } => {
                self.next_run_id = run_id + 1;
                self.active = Some(ActiveRun {
                    run_id,
                    program: true,
                    modes: Vec::new(),
                    progress: None,
                    stop_requested: false,
                });
                self.program.output.clear();
                self.program.outcome = None;
                self.program.elapsed_us = 0;
                self.error = None;
            }
            Action::RunStarted { run_id, modes } => {
                self.next_run_id = run_id + 1;
                self.active = Some(ActiveRun {
                    run_id,
                    program: false,
                    modes,
                    progress: None,
                    stop_requested: false,
                });
                self.results.clear();
                self.last_run_stopped = false;
                self.error = None;
            }
            Action::StopRequested => {
                if let Some(active) = &mut self.active {
                    active.stop_requested = true;
                }
            }
            Action::Runner(message) => self.apply_runner_message(message),
            Action::RunnerUnavailable(reason) => {
                self.runner = RunnerStatus::Unavailable { reason };
                self.active = None;
            }
            Action::RunnerRestarting(message) => {
                self.runner = RunnerStatus::Starting;
                if self.active.take().is_some() {
                    self.last_run_stopped = true;
                    self.completed_runs += 1;
                }
                self.error = Some(message);
            }
        }
    }

    fn pool_cores(&self) -> usize {
        match self.runner {
            RunnerStatus::Ready { cores } => cores,
            _ => MAX_POOL_CORES,
        }
    }

    fn is_current(&self, run_id: u64) -> bool {
        self.active.as_ref().is_some_and(|active| active.run_id == run_id)
    }

    fn apply_runner_message(&mut self, message: FromRunner) {
        match message {
            FromRunner::Ready { cores, .. } => {
                self.runner = RunnerStatus::Ready { cores };
                self.settings.cores = self.settings.cores.clamp(1, cores);
            }
            FromRunner::Progress { run_id, mode, progress } if self.is_current(run_id) => {
                if let Some(active) = &mut self.active {
                    active.progress = Some((mode, progress));
                }
            }
            FromRunner::ModeDone { run_id, trace } if self.is_current(run_id) => {
                self.results.retain(|t| t.mode != trace.mode);
                self.results.push(trace);
            }
            FromRunner::RunDone { run_id, stopped } if self.is_current(run_id) => {
                self.active = None;
                self.last_run_stopped = stopped;
                self.completed_runs += 1;
            }
            FromRunner::Output { run_id, chunks, elapsed_us } if self.is_current(run_id) => {
                for chunk in chunks {
                    append_output(&mut self.program.output, chunk.stream, &chunk.text);
                }
                self.program.elapsed_us = elapsed_us;
            }
            FromRunner::PythonDone { run_id, outcome } if self.is_current(run_id) => {
                self.active = None;
                self.program.outcome = Some(outcome);
                self.completed_runs += 1;
            }
            FromRunner::Unavailable { reason } => self.apply(Action::RunnerUnavailable(reason)),
            // The runner client restarts the worker and sends `RunnerRestarting`.
            FromRunner::Crashed { .. } => {}
            // Messages about a run the page no longer waits for (it was restarted).
            FromRunner::Progress { .. }
            | FromRunner::ModeDone { .. }
            | FromRunner::RunDone { .. }
            | FromRunner::Output { .. }
            | FromRunner::PythonDone { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gilpy_runtime::{Mode, RunTrace};

    fn trace(mode: Mode, wall_us: u64) -> RunTrace {
        RunTrace {
            mode,
            cores: 2,
            switch_interval_us: 5_000,
            wall_us,
            tasks: vec![],
            gil_switches: 0,
            stopped: false,
        }
    }

    fn ready() -> Playground {
        let mut state = Playground::default();
        state.apply(Action::Runner(FromRunner::Ready { protocol_version: 1, cores: 4 }));
        state
    }

    #[test]
    fn sliders_change_the_workload_the_run_sends() {
        let mut state = ready();
        state.apply(Action::SetTasks(5));
        state.apply(Action::SetKind(TaskKind::Io));
        state.apply(Action::SetIoMs(250));
        let request = state.settings.request();
        assert_eq!(request.workload.tasks.len(), 5);
        assert_eq!(request.workload.tasks[0].steps, vec![gilpy_runtime::Step::Io { ms: 250 }]);
    }

    #[test]
    fn values_are_clamped_to_what_the_controls_allow() {
        let mut state = ready();
        state.apply(Action::SetCores(64));
        assert_eq!(state.settings.cores, 4);
        state.apply(Action::SetTasks(0));
        assert_eq!(state.settings.params.tasks, 1);
        state.apply(Action::SetSwitchIntervalUs(10));
        assert_eq!(state.settings.switch_interval_us, Settings::MIN_SWITCH_INTERVAL_US);
    }

    #[test]
    fn modes_stay_in_canonical_order_and_none_selected_disables_run() {
        let mut state = ready();
        state.apply(Action::SetModeEnabled(Mode::Sequential, false));
        state.apply(Action::SetModeEnabled(Mode::Sequential, true));
        assert_eq!(state.settings.modes, Mode::ALL.to_vec());
        for mode in Mode::ALL {
            state.apply(Action::SetModeEnabled(mode, false));
        }
        assert!(!state.can_run());
    }

    #[test]
    fn a_run_collects_results_and_computes_speedups() {
        let mut state = ready();
        assert!(state.can_run());
        let run_id = state.next_run_id();
        state.apply(Action::RunStarted { run_id, modes: Mode::ALL.to_vec() });
        assert!(!state.can_run());
        state.apply(Action::Runner(FromRunner::ModeDone {
            run_id,
            trace: trace(Mode::Sequential, 200),
        }));
        state.apply(Action::Runner(FromRunner::ModeDone {
            run_id,
            trace: trace(Mode::Parallel, 100),
        }));
        // A stale message from an earlier run changes nothing.
        state.apply(Action::Runner(FromRunner::ModeDone {
            run_id: run_id - 1,
            trace: trace(Mode::SingleLock, 9),
        }));
        state.apply(Action::Runner(FromRunner::RunDone { run_id, stopped: false }));
        assert_eq!(state.speedup(Mode::Parallel), Some(2.0));
        assert_eq!(state.speedup(Mode::SingleLock), None);
        assert_eq!(state.axis_end_us(), 200);
        assert!(state.can_run());
        assert_eq!(state.next_run_id(), run_id + 1);
        assert_eq!(state.completed_runs, 1);
    }

    #[test]
    fn a_program_run_collects_output_in_order_and_its_outcome() {
        use gilpy_protocol::{OutputChunk, SourcePosition, Stream};
        let mut state = ready();
        state.apply(Action::SetPython("3.13t".into()));
        state.apply(Action::SetPython("2.7".into()));
        assert_eq!(state.program.request().python, "3.13t", "an unknown version is ignored");
        let run_id = state.next_run_id();
        state.apply(Action::ProgramStarted { run_id });
        assert!(!state.can_run_program());
        let chunk = |stream, text: &str| OutputChunk { stream, text: text.into() };
        for chunks in [vec![chunk(Stream::Stdout, "1\n")], vec![chunk(Stream::Stdout, "2\n")]] {
            state.apply(Action::Runner(FromRunner::Output { run_id, chunks, elapsed_us: 5 }));
        }
        let outcome = PythonOutcome {
            exit_code: 1,
            wall_us: 10,
            stopped: false,
            error_at: Some(SourcePosition { line: 3, column: 0 }),
            syntax_error: false,
            trace: trace(Mode::SingleLock, 10),
        };
        state.apply(Action::Runner(FromRunner::PythonDone { run_id, outcome: outcome.clone() }));
        assert_eq!(state.program.output, [chunk(Stream::Stdout, "1\n2\n")]);
        assert_eq!(state.program.outcome, Some(outcome));
        assert!(state.can_run_program());
        // Output of an older run is not mixed in.
        state.apply(Action::Runner(FromRunner::Output {
            run_id,
            chunks: vec![chunk(Stream::Stderr, "late")],
            elapsed_us: 0,
        }));
        assert_eq!(state.program.output.len(), 1);
    }

    #[test]
    fn a_crashed_runner_ends_the_run_and_shows_why() {
        let mut state = ready();
        state.apply(Action::RunStarted { run_id: 1, modes: vec![Mode::Parallel] });
        state.apply(Action::RunnerRestarting("the engine crashed: boom".into()));
        assert!(state.active.is_none());
        assert_eq!(state.runner, RunnerStatus::Starting);
        assert_eq!(state.error.as_deref(), Some("the engine crashed: boom"));
    }
}
