//! The page's state as plain data and a reducer: no DOM, no worker, so it is tested natively.

use std::rc::Rc;

mod quiz;
mod sweep;

pub use quiz::{workload_of, QuizPanel, QuizSource, SavedAnswer, Verdict};
pub use sweep::{core_counts, CoreSweep, SweepPoint, SWEEP_AT_LEAST};

use std::collections::BTreeMap;

use gilpy_link::{QuizPosition, SharedState};
use gilpy_protocol::{
    append_output, FromRunner, Highlight, OutputChunk, PythonOutcome, PythonRequest, Stream,
    SyntaxProblem, MAX_POOL_CORES,
};
use gilpy_quiz::{measured_choice, ModeFigures, Quiz};
use gilpy_variants::{
    preset, variant, workload_source, Mode, PresetContent, RunMode, Sliders, TaskKind, MAX_SEED,
    MAX_SIMULATED_CORES, PYTHON_VERSIONS,
};
use yew::Reducible;

/// What the learner chose with the controls.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub sliders: Sliders,
    /// Which modes Run executes, in `Mode::ALL` order.
    pub modes: Vec<Mode>,
    /// The preset last chosen, if the learner has not moved away from it.
    pub preset: Option<&'static str>,
    pub run: RunChoice,
}

/// Real cores or simulated, with the simulation's seed and virtual cores (kept while real
/// cores are chosen, so switching back finds them as they were).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunChoice {
    pub simulated: bool,
    pub seed: u64,
    pub cores: usize,
    /// On real cores, how many of the runner's the programs may use; `None`: all of them.
    pub real_cores: Option<usize>,
}

impl Default for RunChoice {
    fn default() -> Self {
        RunChoice { simulated: false, seed: 1, cores: 4, real_cores: None }
    }
}

impl RunChoice {
    pub fn clamped(self) -> RunChoice {
        RunChoice {
            simulated: self.simulated,
            seed: self.seed.min(MAX_SEED),
            cores: self.cores.clamp(1, MAX_SIMULATED_CORES),
            real_cores: self.real_cores.map(|cores| cores.clamp(1, MAX_POOL_CORES)),
        }
    }

    /// Simulated with these settings, whatever `simulated` says.
    pub fn simulation(self) -> RunMode {
        RunMode::Simulated { seed: self.seed, cores: self.cores }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            sliders: Sliders::default(),
            modes: Mode::ALL.to_vec(),
            preset: Some("seed-benchmark"),
            run: RunChoice::default(),
        }
    }
}

/// The code in the editor, the Python it runs as, and its latest run as written.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgramPanel {
    pub source: String,
    pub python: String,
    /// The sliders wrote the code and still do; false once the learner edits it by hand.
    pub driven_by_sliders: bool,
    pub output: Vec<OutputChunk>,
    pub outcome: Option<PythonOutcome>,
    /// The runner's latest reading of the code (colours, syntax error); it may lag the editor.
    pub check: Option<SourceCheck>,
    /// The last run as written ended without an outcome: the runner stopped, and why.
    pub lost_run: Option<String>,
}

/// What the runner's tokenizer and compiler made of `source`, without running it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SourceCheck {
    /// Answers can arrive out of order (the runner may first fetch its table of `\N{...}`
    /// names): an older check never replaces a newer one.
    pub check_id: u64,
    pub source: String,
    pub highlights: Vec<Highlight>,
    pub syntax_error: Option<SyntaxProblem>,
}

impl SourceCheck {
    /// The syntax error, if this check read exactly `source`.
    pub fn syntax_error_in(&self, source: &str) -> Option<&SyntaxProblem> {
        self.syntax_error.as_ref().filter(|_| self.source == source)
    }
}

impl Default for ProgramPanel {
    fn default() -> Self {
        ProgramPanel {
            source: workload_source(&Settings::default().sliders),
            python: PYTHON_VERSIONS[0].to_string(),
            driven_by_sliders: true,
            output: Vec::new(),
            outcome: None,
            check: None,
            lost_run: None,
        }
    }
}

/// One mode's run of the workload: the program derived for it, and what it did.
#[derive(Clone, Debug, PartialEq)]
pub struct ModeResult {
    pub mode: Mode,
    pub request: PythonRequest,
    pub output: Vec<OutputChunk>,
    /// None while it runs (or if it never ran).
    pub outcome: Option<PythonOutcome>,
    /// Why the mode's program could not be derived from the code; then nothing ran.
    pub not_derived: Option<String>,
}

impl ModeResult {
    /// Wall time of a run that finished on its own, and well: a speedup against a traceback
    /// or a stopped run would mean nothing.
    pub fn finished_wall_us(&self) -> Option<u64> {
        self.outcome.as_ref().filter(|o| !o.stopped && o.exit_code == 0).map(|o| o.wall_us)
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

/// What a run is running.
#[derive(Clone, Debug, PartialEq)]
pub enum RunKind {
    /// The editor's code, as written.
    AsWritten,
    /// Each mode's program in turn. `pending` are yet to be sent; `current` runs now (None
    /// between two: the app then sends the next).
    Modes { total: usize, pending: Vec<(Mode, PythonRequest)>, current: Option<Mode> },
    /// A sweep of core counts ([`CoreSweep`]), sent one program at a time as `Modes` is.
    Sweep { total: usize, pending: Vec<(SweepPoint, PythonRequest)>, current: Option<SweepPoint> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActiveRun {
    /// The id of the Python run in flight (each mode's program gets its own).
    pub run_id: u64,
    pub kind: RunKind,
    /// Microseconds since the running program started, as the runner last reported.
    pub elapsed_us: u64,
    pub stop_requested: bool,
}

impl ActiveRun {
    /// The program the app must send next, if the run is between two of its programs.
    pub fn next_mode(&self) -> Option<(Mode, PythonRequest)> {
        match &self.kind {
            _ if self.stop_requested => None,
            RunKind::Modes { pending, current: None, .. } => pending.first().cloned(),
            RunKind::Sweep { pending, current: None, .. } => {
                pending.first().map(|(point, request)| (point.mode, request.clone()))
            }
            _ => None,
        }
    }

    pub fn is_modes(&self) -> bool {
        matches!(self.kind, RunKind::Modes { .. })
    }

    pub fn is_as_written(&self) -> bool {
        matches!(self.kind, RunKind::AsWritten)
    }

    /// Between two of its programs: nothing in flight would answer a Stop.
    fn between_programs(&self) -> bool {
        matches!(
            self.kind,
            RunKind::Modes { current: None, .. } | RunKind::Sweep { current: None, .. }
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Playground {
    pub settings: Settings,
    pub program: ProgramPanel,
    pub runner: RunnerStatus,
    pub active: Option<ActiveRun>,
    /// The latest run of the modes, in `Mode::ALL` order.
    pub results: Vec<ModeResult>,
    pub last_run_stopped: bool,
    /// An error to show until the next run (a crashed runner, an unreadable message).
    pub error: Option<String>,
    /// What could not be restored from the link the page was opened with; shown until dismissed.
    pub link_problem: Option<String>,
    /// Runs that reached their end (finished or stopped), shown as `data-completed-runs`.
    pub completed_runs: u64,
    /// Of those, the runs of the modes (what an embedding page hears about).
    pub completed_mode_runs: u64,
    /// How many times wider than the card the timelines are drawn (1 to `MAX_TIMELINE_ZOOM`).
    pub timeline_zoom: u32,
    pub quiz: QuizPanel,
    /// Why real cores cannot run here (no cross-origin isolation, no worker pool): then every
    /// run is simulated.
    pub real_unavailable: Option<String>,
    /// The latest sweep of core counts, while it runs and after.
    pub sweep: Option<CoreSweep>,
    next_run_id: u64,
}

pub const MAX_TIMELINE_ZOOM: u32 = 16;

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
            link_problem: None,
            completed_runs: 0,
            completed_mode_runs: 0,
            timeline_zoom: 1,
            quiz: QuizPanel::default(),
            real_unavailable: None,
            sweep: None,
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

    /// How the next run runs: as chosen, or simulated where real cores are unavailable.
    pub fn run_mode(&self) -> RunMode {
        match self.settings.run {
            choice if choice.simulated || self.real_unavailable.is_some() => choice.simulation(),
            _ => RunMode::Real,
        }
    }

    /// The editor's program, as written.
    pub fn program_request(&self) -> PythonRequest {
        PythonRequest {
            source: self.program.source.clone(),
            python: self.program.python.clone(),
            run: self.run_mode(),
            real_cores: self.real_cores(),
        }
    }

    /// The id the next run will carry.
    pub fn next_run_id(&self) -> u64 {
        self.next_run_id
    }

    pub fn result(&self, mode: Mode) -> Option<&ModeResult> {
        self.results.iter().find(|result| result.mode == mode)
    }

    /// Sequential wall time over this mode's: how many times faster than one after another.
    pub fn speedup(&self, mode: Mode) -> Option<f64> {
        let sequential = self.result(Mode::Sequential)?.finished_wall_us()? as f64;
        let this = self.result(mode)?.finished_wall_us()? as f64;
        (this > 0.0).then(|| sequential / this)
    }

    /// The shared time axis: the longest wall time among the results.
    pub fn axis_end_us(&self) -> u64 {
        let walls = self.results.iter().filter_map(|r| r.outcome.as_ref().map(|o| o.wall_us));
        walls.max().unwrap_or(0).max(1)
    }

    /// Each selected mode's program, or why it cannot be derived.
    fn mode_programs(&self) -> Vec<(Mode, Result<PythonRequest, String>)> {
        let (chosen, run, real_cores) = (&self.program.python, self.run_mode(), self.real_cores());
        let derive = |mode: Mode| {
            variant(&self.program.source, mode)
                .map(|source| PythonRequest {
                    source,
                    python: mode.python(chosen),
                    run,
                    real_cores,
                })
                .map_err(|why| why.to_string())
        };
        self.settings.modes.iter().map(|&mode| (mode, derive(mode))).collect()
    }

    /// What a share link carries of this state.
    pub fn shared(&self) -> SharedState {
        SharedState {
            sliders: self.settings.sliders,
            modes: self.settings.modes.clone(),
            python: self.program.python.clone(),
            preset: self.settings.preset.map(str::to_string),
            code: (!self.program.driven_by_sliders).then(|| self.program.source.clone()),
            quiz: self.quiz.position(),
            run: self.settings.run.simulated.then(|| self.settings.run.simulation()),
            real_cores: self.settings.run.real_cores.filter(|_| !self.settings.run.simulated),
        }
    }

    /// What each mode's run measured, as a quiz check reads it. A run that failed or was
    /// stopped measured nothing.
    pub fn figures(&self) -> Vec<ModeFigures> {
        let figures = |result: &ModeResult| ModeFigures {
            mode: result.mode,
            wall_us: result
                .outcome
                .as_ref()
                .filter(|o| !o.stopped && o.exit_code == 0)
                .map(|o| o.wall_us),
            stdout: result
                .output
                .iter()
                .filter(|chunk| chunk.stream == Stream::Stdout)
                .map(|chunk| chunk.text.as_str())
                .collect(),
        };
        self.results.iter().map(figures).collect()
    }

    fn restore_quiz(&mut self, position: QuizPosition) {
        self.quiz.open = true;
        match position.url {
            Some(url) if self.quiz.source != QuizSource::Url(url.clone()) => {
                self.quiz.wanted_url = Some((url, position.question));
            }
            Some(_) => self.quiz.go_to(position.question),
            None if self.quiz.source != QuizSource::Builtin => {
                self.quiz.loaded(QuizSource::Builtin, gilpy_quiz::builtin(), position.question);
            }
            None => self.quiz.go_to(position.question),
        }
    }

    fn restore(&mut self, shared: SharedState) {
        self.settings.sliders = shared.sliders.clamped();
        self.settings.modes =
            Mode::ALL.into_iter().filter(|mode| shared.modes.contains(mode)).collect();
        self.settings.preset = shared.preset.as_deref().and_then(preset).map(|p| p.id);
        self.program.python = shared.python;
        match shared.run {
            Some(RunMode::Simulated { seed, cores }) => {
                self.settings.run =
                    RunChoice { simulated: true, seed, cores, ..self.settings.run }.clamped();
            }
            Some(RunMode::Real) | None => self.settings.run.simulated = false,
        }
        self.settings.run =
            RunChoice { real_cores: shared.real_cores, ..self.settings.run }.clamped();
        match shared.code {
            Some(code) => {
                self.program.source = code;
                self.program.driven_by_sliders = false;
            }
            None => {
                self.program.driven_by_sliders = true;
                self.rewrite_from_sliders();
            }
        }
        self.program.output.clear();
        self.program.outcome = None;
        if self.active.is_none() {
            self.results.clear();
        }
    }

    fn rewrite_from_sliders(&mut self) {
        if self.program.driven_by_sliders {
            self.program.source = workload_source(&self.settings.sliders);
        }
    }
}

/// One slider or choice moved. The reducer applies it to the sliders as they are then, not to
/// a copy a control kept from an earlier render: two changes in quick succession (a seed, then
/// the cores) must both survive.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SliderEdit {
    Kind(TaskKind),
    Tasks(u32),
    Rounds(u32),
    IoMs(u32),
    Cores(u32),
    SwitchIntervalUs(u32),
}

impl SliderEdit {
    fn apply(self, sliders: Sliders) -> Sliders {
        match self {
            SliderEdit::Kind(kind) => Sliders { kind, ..sliders },
            SliderEdit::Tasks(tasks) => Sliders { tasks, ..sliders },
            SliderEdit::Rounds(rounds) => Sliders { rounds, ..sliders },
            SliderEdit::IoMs(io_ms) => Sliders { io_ms, ..sliders },
            SliderEdit::Cores(cores) => Sliders { cores, ..sliders },
            SliderEdit::SwitchIntervalUs(switch_interval_us) => {
                Sliders { switch_interval_us, ..sliders }
            }
        }
    }
}

/// One part of the run choice changed, applied likewise to the choice as it is then.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RunEdit {
    Simulated(bool),
    Seed(u64),
    Cores(usize),
    /// `None`: all of the pool's cores.
    RealCores(Option<usize>),
}

impl RunEdit {
    fn apply(self, run: RunChoice) -> RunChoice {
        match self {
            RunEdit::Simulated(simulated) => RunChoice { simulated, ..run },
            RunEdit::Seed(seed) => RunChoice { seed, ..run },
            RunEdit::Cores(cores) => RunChoice { cores, ..run },
            RunEdit::RealCores(real_cores) => RunChoice { real_cores, ..run },
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetSliders(Sliders),
    EditSliders(SliderEdit),
    EditRun(RunEdit),
    SetModeEnabled(Mode, bool),
    ChoosePreset(String),
    /// The learner edited the code.
    SetSource(String),
    /// Let the sliders write the code again.
    ResetToSliders,
    SetPython(String),
    /// Real cores or simulated, with the simulation's seed and cores.
    SetRun(RunChoice),
    /// Real cores cannot run here, and why: every run is simulated from now on.
    RealUnavailable(String),
    SetTimelineZoom(u32),
    /// Open a share link: what it carries, or why it could not be read.
    OpenLink(Result<SharedState, String>),
    DismissLinkProblem,
    QuizOpen(bool),
    QuizPick(usize),
    /// Commit to the picked prediction: check it, or run the question's workload first.
    QuizSubmit,
    QuizGo(usize),
    /// A quiz file or address was read: the quiz and the question to show, or the problem.
    QuizLoaded {
        source: QuizSource,
        result: Result<Quiz, String>,
        at: usize,
    },
    /// Fetch the quiz at this address.
    QuizWantUrl(String),
    QuizUseBuiltin,
    /// The learner's saved answers to the open quiz, read from storage.
    QuizProgressLoaded(BTreeMap<String, SavedAnswer>),
    /// The page posted the editor's program, as written, with this id.
    ProgramStarted {
        run_id: u64,
    },
    /// Run every selected mode: derive their programs and queue them.
    RunModes,
    /// Sweep the core counts: simulate each selected mode on 1 to `most` virtual cores.
    SweepCores {
        most: usize,
    },
    /// The page posted the next mode's program with this id.
    ModeStarted {
        run_id: u64,
        mode: Mode,
    },
    StopRequested,
    Runner(FromRunner),
    RunnerUnavailable(String),
    /// The runner died (crash, uncaught error, no answer to Stop), and why: a new one is starting.
    RunnerRestarting(String),
}

impl Action {
    /// Whether applying it may start a run (see `app::dispatch_in_own_task`).
    pub fn starts_run(&self) -> bool {
        matches!(self, Action::RunModes | Action::SweepCores { .. } | Action::QuizSubmit)
    }
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
        match action {
            Action::SetSliders(sliders) => {
                let sliders = sliders.clamped();
                if sliders != self.settings.sliders {
                    self.settings.sliders = sliders;
                    self.settings.preset = None;
                    self.rewrite_from_sliders();
                }
            }
            Action::EditSliders(edit) => {
                let sliders = edit.apply(self.settings.sliders);
                self.apply(Action::SetSliders(sliders));
            }
            Action::EditRun(edit) => self.settings.run = edit.apply(self.settings.run).clamped(),
            Action::SetModeEnabled(mode, enabled) => {
                self.settings.modes.retain(|m| *m != mode);
                if enabled {
                    self.settings.modes.push(mode);
                }
                self.settings.modes.sort_by_key(|m| Mode::ALL.iter().position(|x| x == m));
            }
            Action::ChoosePreset(id) => {
                let Some(chosen) = preset(&id) else { return };
                self.settings.preset = Some(chosen.id);
                match chosen.content {
                    PresetContent::Sliders(sliders) => {
                        self.settings.sliders = sliders;
                        self.program.driven_by_sliders = true;
                        self.rewrite_from_sliders();
                    }
                    PresetContent::Program(source) => {
                        self.program.source = source.to_string();
                        self.program.driven_by_sliders = false;
                    }
                }
                self.program.outcome = None;
                self.program.output.clear();
            }
            Action::SetSource(source) => {
                // Typing the sliders' code back in hands the code back to them.
                self.program.driven_by_sliders = source == workload_source(&self.settings.sliders);
                self.program.source = source;
            }
            Action::ResetToSliders => {
                self.program.driven_by_sliders = true;
                self.rewrite_from_sliders();
            }
            Action::SetPython(python) => {
                if PYTHON_VERSIONS.contains(&python.as_str()) {
                    self.program.python = python;
                }
            }
            Action::SetRun(choice) => self.settings.run = choice.clamped(),
            Action::RealUnavailable(reason) => self.real_unavailable = Some(reason),
            Action::SetTimelineZoom(zoom) => self.timeline_zoom = zoom.clamp(1, MAX_TIMELINE_ZOOM),
            Action::OpenLink(Ok(mut shared)) => {
                if let Some(position) = shared.quiz.take() {
                    self.restore_quiz(position);
                }
                self.restore(shared);
                self.link_problem = None;
            }
            Action::QuizOpen(open) => self.quiz.open = open,
            Action::QuizPick(choice) => {
                if self.quiz.verdict.is_none() && choice < self.quiz.question().choices.len() {
                    self.quiz.picked = Some(choice);
                }
            }
            Action::QuizSubmit => self.submit_prediction(),
            Action::QuizGo(at) => {
                if !matches!(self.quiz.verdict, Some(Verdict::Running { .. })) {
                    self.quiz.go_to(at);
                }
            }
            Action::QuizLoaded { source, result, at } => {
                self.quiz.wanted_url = None;
                match result {
                    Ok(quiz) => self.quiz.loaded(source, quiz, at),
                    Err(problem) => {
                        self.quiz.load_problem = Some(format!(
                            "{} could not be used: {problem}. {} stays open.",
                            capitalized(&source.describe()),
                            capitalized(&self.quiz.source.describe()),
                        ));
                    }
                }
            }
            Action::QuizWantUrl(url) => {
                let url = url.trim().to_string();
                if gilpy_link::is_quiz_address(&url) {
                    self.quiz.wanted_url = Some((url, 0));
                    self.quiz.load_problem = None;
                } else {
                    self.quiz.load_problem =
                        Some(format!("`{url}` is not an http(s) address or a path on this site."));
                }
            }
            Action::QuizUseBuiltin => {
                self.quiz.loaded(QuizSource::Builtin, gilpy_quiz::builtin(), 0);
            }
            Action::QuizProgressLoaded(progress) => {
                self.quiz.progress = progress;
                if !matches!(self.quiz.verdict, Some(Verdict::Running { .. })) {
                    self.quiz.go_to(self.quiz.at);
                }
            }
            // The page as it is stays: a bad link loses nothing.
            Action::OpenLink(Err(problem)) => self.link_problem = Some(problem),
            Action::DismissLinkProblem => self.link_problem = None,
            Action::ProgramStarted { run_id } => {
                self.start(run_id, RunKind::AsWritten);
                self.program.output.clear();
                self.program.outcome = None;
                self.program.lost_run = None;
            }
            Action::RunModes => {
                if !self.can_run() {
                    return;
                }
                let mut pending = Vec::new();
                self.results.clear();
                for (mode, program) in self.mode_programs() {
                    let (request, not_derived) = match program {
                        Ok(request) => {
                            pending.push((mode, request.clone()));
                            (request, None)
                        }
                        Err(why) => (
                            PythonRequest {
                                source: String::new(),
                                python: mode.python(&self.program.python),
                                run: self.run_mode(),
                                real_cores: self.real_cores(),
                            },
                            Some(why),
                        ),
                    };
                    self.results.push(ModeResult {
                        mode,
                        request,
                        output: Vec::new(),
                        outcome: None,
                        not_derived,
                    });
                }
                self.last_run_stopped = false;
                self.error = None;
                if !pending.is_empty() {
                    let total = pending.len();
                    // The run id is set when the first mode's program is posted.
                    let kind = RunKind::Modes { total, pending, current: None };
                    self.active =
                        Some(ActiveRun { run_id: 0, kind, elapsed_us: 0, stop_requested: false });
                }
            }
            Action::SweepCores { most } => self.start_sweep(most),
            Action::ModeStarted { run_id, mode } => {
                self.next_run_id = run_id + 1;
                if let Some(ActiveRun {
                    run_id: current_id,
                    kind: RunKind::Sweep { pending, current, .. },
                    elapsed_us,
                    ..
                }) = &mut self.active
                {
                    if pending.first().is_some_and(|(point, _)| point.mode == mode) {
                        *current = Some(pending.remove(0).0);
                        *current_id = run_id;
                        *elapsed_us = 0;
                    }
                }
                if let Some(ActiveRun {
                    run_id: current_id,
                    kind: RunKind::Modes { pending, current, .. },
                    elapsed_us,
                    ..
                }) = &mut self.active
                {
                    pending.retain(|(m, _)| *m != mode);
                    *current = Some(mode);
                    *current_id = run_id;
                    *elapsed_us = 0;
                }
            }
            Action::StopRequested => {
                let Some(active) = &mut self.active else { return };
                active.stop_requested = true;
                // Between two programs nothing is in flight to answer the stop: end the run here.
                if active.between_programs() {
                    self.finish(true);
                }
            }
            Action::Runner(message) => self.apply_runner_message(message),
            Action::RunnerUnavailable(reason) => {
                self.runner = RunnerStatus::Unavailable { reason };
                self.active = None;
            }
            Action::RunnerRestarting(why) => {
                let message = format!(
                    "The runner stopped ({why}). A new one is taking its place; what was running \
                     did not finish."
                );
                self.runner = RunnerStatus::Starting;
                if matches!(self.quiz.verdict, Some(Verdict::Running { .. })) {
                    self.quiz.verdict = None;
                }
                if let Some(active) = self.active.take() {
                    if active.is_as_written() {
                        self.program.lost_run = Some(why);
                    }
                    self.last_run_stopped = true;
                    self.completed_runs += 1;
                }
                self.error = Some(message);
            }
        }
    }

    fn submit_prediction(&mut self) {
        let Some(predicted) = self.quiz.picked else { return };
        if self.quiz.verdict.is_some() {
            return;
        }
        match workload_of(self.quiz.question(), &self.shared()) {
            None => self.quiz.answer(predicted, None),
            Some(workload) => {
                if !self.can_run_program() {
                    return;
                }
                self.restore(workload);
                self.apply(Action::RunModes);
                if self.active.is_some() {
                    self.quiz.verdict = Some(Verdict::Running { predicted });
                }
            }
        }
    }

    fn start(&mut self, run_id: u64, kind: RunKind) {
        self.next_run_id = run_id + 1;
        self.active = Some(ActiveRun { run_id, kind, elapsed_us: 0, stop_requested: false });
        self.error = None;
    }

    /// The runner's cores, once it is ready (0 before).
    pub fn pool_cores(&self) -> usize {
        match self.runner {
            RunnerStatus::Ready { cores } => cores,
            _ => 0,
        }
    }

    /// On real cores, the fewer cores the learner chose for every run; `None`: all of them.
    pub fn real_cores(&self) -> Option<usize> {
        let chosen = self.settings.run.real_cores?;
        (self.run_mode() == RunMode::Real && chosen < self.pool_cores()).then_some(chosen)
    }

    /// The most cores a sweep goes up to: the browser's, on real cores (at most the pool's);
    /// virtual, the run settings' cores and never fewer than [`SWEEP_AT_LEAST`].
    pub fn sweep_most(&self) -> usize {
        match (self.run_mode(), &self.runner) {
            (RunMode::Real, RunnerStatus::Ready { cores }) => (*cores).max(1),
            _ => self.settings.run.cores.max(SWEEP_AT_LEAST),
        }
    }

    fn is_sweeping(&self) -> bool {
        self.active.as_ref().is_some_and(|active| matches!(active.kind, RunKind::Sweep { .. }))
    }

    fn is_current(&self, run_id: u64) -> bool {
        self.active.as_ref().is_some_and(|active| active.run_id == run_id)
    }

    /// Where the running program's output and outcome go.
    fn current_mode(&self) -> Option<Mode> {
        match self.active.as_ref()?.kind {
            RunKind::Modes { current, .. } => current,
            RunKind::AsWritten | RunKind::Sweep { .. } => None,
        }
    }

    fn start_sweep(&mut self, most: usize) {
        if !self.can_run() {
            return;
        }
        let mut modes = self.settings.modes.clone();
        if !modes.contains(&Mode::Sequential) {
            // Every speedup is against it.
            modes.insert(0, Mode::Sequential);
        }
        // Real cores go up to the pool's; virtual ones as far as asked.
        let real = self.run_mode() == RunMode::Real;
        let most = match (real, &self.runner) {
            (true, RunnerStatus::Ready { cores }) => most.clamp(1, (*cores).max(1)),
            _ => most.clamp(1, MAX_SIMULATED_CORES),
        };
        let mut sweep = CoreSweep {
            core_counts: core_counts(most),
            modes,
            real,
            seed: self.settings.run.seed,
            source: self.program.source.clone(),
            python: self.program.python.clone(),
            walls: Vec::new(),
            ran_on: Vec::new(),
        };
        let mut pending = Vec::new();
        for point in sweep.points() {
            match variant(&self.program.source, point.mode) {
                Ok(source) => {
                    let python = point.mode.python(&self.program.python);
                    let (run, real_cores) = (sweep.run_mode(point), sweep.real_cores(point));
                    pending.push((point, PythonRequest { source, python, run, real_cores }));
                }
                Err(_) => sweep.walls.push((point, None)),
            }
        }
        self.sweep = Some(sweep);
        self.error = None;
        let total = pending.len();
        let kind = RunKind::Sweep { total, pending, current: None };
        self.active = Some(ActiveRun { run_id: 0, kind, elapsed_us: 0, stop_requested: false });
    }

    /// A sweep's program ended: its wall time, if it ran to the end.
    fn sweep_point_done(&mut self, outcome: PythonOutcome) {
        let Some(active) = &mut self.active else { return };
        let RunKind::Sweep { pending, current, .. } = &mut active.kind else { return };
        let Some(point) = current.take() else { return };
        let finished = !outcome.stopped && outcome.exit_code == 0;
        if let Some(sweep) = &mut self.sweep {
            sweep.walls.push((point, finished.then_some(outcome.wall_us)));
            sweep.ran_on.push((point, outcome.trace.cores));
        }
        let stop = active.stop_requested || outcome.stopped;
        if stop || pending.is_empty() {
            self.finish(stop);
        }
    }

    fn finish(&mut self, stopped: bool) {
        if self.active.as_ref().is_some_and(ActiveRun::is_modes) {
            self.completed_mode_runs += 1;
        }
        self.active = None;
        self.last_run_stopped = stopped;
        self.completed_runs += 1;
        if let Some(Verdict::Running { predicted }) = self.quiz.verdict {
            if stopped {
                // Nothing was measured: the learner may run it again.
                self.quiz.verdict = None;
            } else {
                let measured = measured_choice(self.quiz.question(), &self.figures());
                self.quiz.answer(predicted, measured);
            }
        }
    }

    fn apply_runner_message(&mut self, message: FromRunner) {
        match message {
            FromRunner::Ready { cores, real_unavailable, .. } => {
                self.runner = RunnerStatus::Ready { cores };
                // The page's own reason, when it has one, says more than the runner's.
                if self.real_unavailable.is_none() {
                    self.real_unavailable = real_unavailable;
                }
            }
            FromRunner::Output { run_id, elapsed_us, .. }
                if self.is_current(run_id) && self.is_sweeping() =>
            {
                // A sweep keeps times, not output.
                if let Some(active) = &mut self.active {
                    active.elapsed_us = elapsed_us;
                }
            }
            FromRunner::PythonDone { run_id, outcome }
                if self.is_current(run_id) && self.is_sweeping() =>
            {
                self.sweep_point_done(outcome)
            }
            FromRunner::Output { run_id, chunks, elapsed_us } if self.is_current(run_id) => {
                let mode = self.current_mode();
                let output = match mode {
                    Some(mode) => match self.results.iter_mut().find(|r| r.mode == mode) {
                        Some(result) => &mut result.output,
                        None => return,
                    },
                    None => &mut self.program.output,
                };
                for chunk in chunks {
                    append_output(output, chunk.stream, &chunk.text);
                }
                if let Some(active) = &mut self.active {
                    active.elapsed_us = elapsed_us;
                }
            }
            FromRunner::PythonDone { run_id, outcome } if self.is_current(run_id) => {
                let stopped = outcome.stopped;
                match self.current_mode() {
                    None => {
                        self.program.outcome = Some(outcome);
                        self.finish(stopped);
                    }
                    Some(mode) => {
                        if let Some(result) = self.results.iter_mut().find(|r| r.mode == mode) {
                            result.outcome = Some(outcome);
                        }
                        let Some(active) = &mut self.active else { return };
                        let RunKind::Modes { pending, current, .. } = &mut active.kind else {
                            return;
                        };
                        *current = None;
                        let stop = active.stop_requested || stopped;
                        if stop || pending.is_empty() {
                            self.finish(stop);
                        }
                    }
                }
            }
            FromRunner::Checked { check_id, source, highlights, syntax_error } => {
                if self.program.check.as_ref().is_some_and(|newer| newer.check_id > check_id) {
                    return;
                }
                let check = SourceCheck { check_id, source, highlights, syntax_error };
                self.program.check = Some(check);
            }
            FromRunner::Unavailable { reason } => self.apply(Action::RunnerUnavailable(reason)),
            // The runner client restarts the worker and sends `RunnerRestarting`.
            FromRunner::Crashed { .. } => {}
            // Messages about a run the page no longer waits for.
            FromRunner::Output { .. } | FromRunner::PythonDone { .. } => {}
        }
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use gilpy_protocol::{OutputChunk, SourcePosition, Stream};
    use gilpy_runtime::{Mode as TraceMode, RunTrace};

    #[test]
    fn each_edit_applies_to_the_settings_as_they_are_then() {
        // A seed typed and then the cores moved, before the controls redraw: both stay.
        let mut learner = Playground::default();
        learner.apply(Action::EditRun(RunEdit::Simulated(true)));
        learner.apply(Action::EditRun(RunEdit::Seed(7)));
        learner.apply(Action::EditRun(RunEdit::Cores(2)));
        let run = learner.settings.run;
        assert_eq!((run.simulated, run.seed, run.cores), (true, 7, 2));
        learner.apply(Action::EditSliders(SliderEdit::Tasks(3)));
        learner.apply(Action::EditSliders(SliderEdit::Kind(TaskKind::Io)));
        learner.apply(Action::EditSliders(SliderEdit::IoMs(40)));
        let sliders = learner.settings.sliders;
        assert_eq!((sliders.tasks, sliders.kind, sliders.io_ms), (3, TaskKind::Io, 40));
        assert!(learner.program.source.contains("TASKS = 3"), "{}", learner.program.source);
    }

    fn outcome(wall_us: u64) -> PythonOutcome {
        PythonOutcome {
            exit_code: 0,
            wall_us,
            stopped: false,
            error_at: None,
            syntax_error: false,
            trace: RunTrace {
                mode: TraceMode::SingleLock,
                cores: 2,
                switch_interval_us: 5_000,
                wall_us,
                tasks: vec![],
                gil_switches: 0,
                stopped: false,
            },
        }
    }

    fn ready() -> Playground {
        let mut state = Playground::default();
        state.apply(Action::Runner(FromRunner::Ready {
            protocol_version: 1,
            cores: 4,
            real_unavailable: None,
        }));
        state
    }

    fn chunk(stream: Stream, text: &str) -> OutputChunk {
        OutputChunk { stream, text: text.into() }
    }

    /// Plays the app's part: posts each pending mode's program and answers it.
    fn run_modes(state: &mut Playground, walls: &[(Mode, u64)]) {
        state.apply(Action::RunModes);
        while let Some((mode, _)) = state.active.as_ref().and_then(|a| a.next_mode()) {
            let run_id = state.next_run_id();
            state.apply(Action::ModeStarted { run_id, mode });
            let wall = walls.iter().find(|(m, _)| *m == mode).map_or(1_000, |(_, w)| *w);
            let chunks = vec![chunk(Stream::Stdout, mode.as_str())];
            state.apply(Action::Runner(FromRunner::Output { run_id, chunks, elapsed_us: 1 }));
            state.apply(Action::Runner(FromRunner::PythonDone { run_id, outcome: outcome(wall) }));
        }
    }

    #[test]
    fn sliders_rewrite_the_code_until_it_is_edited_by_hand() {
        let mut state = ready();
        let sliders = Sliders { kind: TaskKind::Io, tasks: 5, ..state.settings.sliders };
        state.apply(Action::SetSliders(sliders));
        assert!(state.program.source.contains("TASKS = 5 "));
        assert!(state.program.source.contains("time.sleep(IO_WAIT)"));
        assert_eq!(state.settings.preset, None, "moving a slider leaves the preset");

        let edited = state.program.source.replace("TASKS = 5 ", "TASKS = 7 ");
        state.apply(Action::SetSource(edited.clone()));
        assert!(!state.program.driven_by_sliders);
        state.apply(Action::SetSliders(Sliders { tasks: 2, ..sliders }));
        assert_eq!(state.program.source, edited, "the learner's code is never overwritten");

        state.apply(Action::ResetToSliders);
        assert!(state.program.driven_by_sliders);
        assert!(state.program.source.contains("TASKS = 2 "));
    }

    #[test]
    fn presets_set_the_sliders_or_a_program_of_their_own() {
        let mut state = ready();
        state.apply(Action::ChoosePreset("io-threads".into()));
        assert_eq!(state.settings.sliders.kind, TaskKind::Io);
        assert!(state.program.driven_by_sliders);
        state.apply(Action::ChoosePreset("pool-map".into()));
        assert!(!state.program.driven_by_sliders);
        assert!(state.program.source.contains("multiprocessing.Pool"));
        state.apply(Action::ChoosePreset("no-such-lesson".into()));
        assert_eq!(state.settings.preset, Some("pool-map"), "an unknown preset changes nothing");
    }

    #[test]
    fn a_run_posts_each_mode_in_turn_and_computes_speedups() {
        let mut state = ready();
        run_modes(
            &mut state,
            &[(Mode::Sequential, 200), (Mode::Threads, 210), (Mode::FreeThreaded, 100)],
        );
        assert!(state.active.is_none());
        assert_eq!(state.completed_runs, 1);
        let modes: Vec<Mode> = state.results.iter().map(|r| r.mode).collect();
        assert_eq!(modes, Mode::ALL);
        assert_eq!(state.speedup(Mode::FreeThreaded), Some(2.0));
        assert_eq!(state.axis_end_us(), 1_000);
        let free = state.result(Mode::FreeThreaded).unwrap();
        assert_eq!(free.request.python, "3.13t");
        assert!(free.request.source.contains("ThreadPoolExecutor"));
        assert_eq!(
            free.output,
            [chunk(Stream::Stdout, "free-threaded")],
            "output goes to its own mode"
        );
        assert!(state.program.output.is_empty());
    }

    #[test]
    fn a_mode_that_cannot_be_derived_says_why_and_the_others_run() {
        let mut state = ready();
        let source = workload_source(&state.settings.sliders)
            .replace("async def atask(", "async def other(");
        state.apply(Action::SetSource(source));
        run_modes(&mut state, &[]);
        let asyncio = state.result(Mode::Asyncio).unwrap();
        assert_eq!(
            asyncio.not_derived.as_deref(),
            Some("asyncio needs `async def atask` above the main block")
        );
        assert!(asyncio.outcome.is_none());
        assert!(state.result(Mode::Processes).unwrap().outcome.is_some());
    }

    #[test]
    fn stop_ends_the_run_after_the_current_mode() {
        let mut state = ready();
        state.apply(Action::RunModes);
        let run_id = state.next_run_id();
        state.apply(Action::ModeStarted { run_id, mode: Mode::Sequential });
        state.apply(Action::StopRequested);
        assert_eq!(state.active.as_ref().unwrap().next_mode(), None, "nothing more is posted");
        state.apply(Action::Runner(FromRunner::PythonDone {
            run_id,
            outcome: PythonOutcome { stopped: true, ..outcome(5) },
        }));
        assert!(state.active.is_none());
        assert!(state.last_run_stopped);
        assert_eq!(state.speedup(Mode::Sequential), None, "a stopped run has no speedup");
    }

    #[test]
    fn stop_between_two_modes_ends_the_run_at_once() {
        let mut state = ready();
        state.apply(Action::RunModes);
        let run_id = state.next_run_id();
        state.apply(Action::ModeStarted { run_id, mode: Mode::Sequential });
        state.apply(Action::Runner(FromRunner::PythonDone { run_id, outcome: outcome(5) }));
        assert!(state.active.as_ref().unwrap().next_mode().is_some(), "the next mode is due");
        state.apply(Action::StopRequested);
        assert!(state.active.is_none(), "no program is running to report the stop");
        assert!(state.last_run_stopped);
        assert!(state.can_run());
    }

    #[test]
    fn a_program_run_as_written_collects_output_in_order_and_its_outcome() {
        let mut state = ready();
        state.apply(Action::SetPython("3.13t".into()));
        state.apply(Action::SetPython("2.7".into()));
        assert_eq!(state.program_request().python, "3.13t", "an unknown version is ignored");
        let run_id = state.next_run_id();
        state.apply(Action::ProgramStarted { run_id });
        assert!(!state.can_run_program());
        for chunks in [vec![chunk(Stream::Stdout, "1\n")], vec![chunk(Stream::Stdout, "2\n")]] {
            state.apply(Action::Runner(FromRunner::Output { run_id, chunks, elapsed_us: 5 }));
        }
        let done = PythonOutcome {
            exit_code: 1,
            error_at: Some(SourcePosition { line: 3, column: 0 }),
            ..outcome(10)
        };
        state.apply(Action::Runner(FromRunner::PythonDone { run_id, outcome: done.clone() }));
        assert_eq!(state.program.output, [chunk(Stream::Stdout, "1\n2\n")]);
        assert_eq!(state.program.outcome, Some(done));
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
    fn a_share_link_restores_exactly_what_it_carries() {
        let mut teacher = ready();
        teacher.apply(Action::ChoosePreset("counter-race".into()));
        teacher.apply(Action::SetModeEnabled(Mode::Asyncio, false));
        teacher.apply(Action::SetPython("3.9".into()));
        teacher.apply(Action::SetRun(RunChoice { real_cores: Some(1), ..teacher.settings.run }));
        let link = gilpy_link::encode(&teacher.shared());
        let mut learner = ready();
        learner.apply(Action::OpenLink(gilpy_link::decode(&link).map_err(|e| e.to_string())));
        assert_eq!(learner.settings, teacher.settings);
        assert_eq!(learner.program, teacher.program);

        let edited = format!("{}\n# mine\n", teacher.program.source);
        teacher.apply(Action::SetSource(edited.clone()));
        let link = gilpy_link::encode(&teacher.shared());
        learner.apply(Action::OpenLink(gilpy_link::decode(&link).map_err(|e| e.to_string())));
        assert_eq!(learner.program.source, edited);
        assert!(!learner.program.driven_by_sliders);

        learner.apply(Action::OpenLink(Err("it was cut short".into())));
        assert_eq!(learner.program.source, edited, "a bad link loses nothing");
        assert_eq!(learner.link_problem.as_deref(), Some("it was cut short"));
    }

    #[test]
    fn the_run_mode_goes_into_every_request_and_into_links() {
        let mut teacher = ready();
        assert_eq!(teacher.program_request().run, RunMode::Real);
        let choice = RunChoice { simulated: true, seed: 7, cores: 500, real_cores: None };
        teacher.apply(Action::SetRun(choice));
        let simulated = RunMode::Simulated { seed: 7, cores: MAX_SIMULATED_CORES };
        assert_eq!(teacher.run_mode(), simulated, "cores are clamped");
        teacher.apply(Action::RunModes);
        let (_, request) = teacher.active.as_ref().and_then(|a| a.next_mode()).unwrap();
        assert_eq!(request.run, simulated);

        let link = gilpy_link::encode(&teacher.shared());
        let mut learner = ready();
        learner.apply(Action::OpenLink(gilpy_link::decode(&link).map_err(|e| e.to_string())));
        assert_eq!(learner.run_mode(), simulated);
        // Back to real cores: the seed and cores stay for the next time.
        learner.apply(Action::SetRun(RunChoice { simulated: false, ..learner.settings.run }));
        assert_eq!(learner.run_mode(), RunMode::Real);
        assert_eq!(learner.shared().run, None);
        assert_eq!(learner.settings.run.seed, 7);

        // Where real cores cannot run, everything is simulated, whatever was chosen.
        let mut framed = Playground::default();
        framed.apply(Action::RealUnavailable("not isolated".into()));
        framed.apply(Action::Runner(FromRunner::Ready {
            protocol_version: 2,
            cores: 0,
            real_unavailable: Some("the runner's own words".into()),
        }));
        assert_eq!(framed.real_unavailable.as_deref(), Some("not isolated"));
        assert!(framed.can_run());
        assert_eq!(framed.program_request().run, RunChoice::default().simulation());
    }

    fn go_to_question(state: &mut Playground, id: &str) {
        let at = state.quiz.quiz.questions.iter().position(|q| q.id == id).unwrap();
        state.apply(Action::QuizGo(at));
    }

    #[test]
    fn a_question_without_a_run_checks_the_prediction_at_once() {
        let mut state = ready();
        go_to_question(&mut state, "gil-guarantee");
        state.apply(Action::QuizSubmit);
        assert_eq!(state.quiz.verdict, None, "nothing picked, nothing checked");
        state.apply(Action::QuizPick(2));
        state.apply(Action::QuizSubmit);
        let wrong = SavedAnswer { predicted: 2, measured: None, correct: false };
        assert_eq!(state.quiz.verdict, Some(Verdict::Answered(wrong)));
        state.apply(Action::QuizPick(0));
        assert_eq!(state.quiz.picked, Some(2), "an answer is final");
        assert_eq!(state.quiz.answered_count(), 1);
        assert_eq!(state.quiz.correct_count(), 0);
        assert!(state.active.is_none(), "nothing ran");
    }

    #[test]
    fn a_question_with_a_run_loads_its_workload_and_checks_the_measured_result() {
        let mut state = ready();
        go_to_question(&mut state, "cpu-threads");
        state.apply(Action::QuizPick(1));
        state.apply(Action::QuizSubmit);
        assert_eq!(state.quiz.verdict, Some(Verdict::Running { predicted: 1 }));
        assert_eq!(state.settings.modes, [Mode::Sequential, Mode::Threads, Mode::Processes]);
        assert_eq!(state.settings.sliders.rounds, 1_000_000);
        assert!(state.program.source.contains("ROUNDS = 1_000_000"));
        run_modes(
            &mut state,
            &[(Mode::Sequential, 500), (Mode::Threads, 510), (Mode::Processes, 290)],
        );
        let answer = SavedAnswer { predicted: 1, measured: Some(2), correct: false };
        assert_eq!(state.quiz.verdict, Some(Verdict::Answered(answer)));

        // Stopped, the run measured nothing: the learner may run it again.
        go_to_question(&mut state, "free-threaded-cpu");
        state.apply(Action::QuizPick(1));
        state.apply(Action::QuizSubmit);
        let run_id = state.next_run_id();
        state.apply(Action::ModeStarted { run_id, mode: Mode::Threads });
        state.apply(Action::StopRequested);
        state.apply(Action::Runner(FromRunner::PythonDone {
            run_id,
            outcome: PythonOutcome { stopped: true, ..outcome(5) },
        }));
        assert_eq!(state.quiz.verdict, None);
        assert_eq!(state.quiz.picked, Some(1));
    }

    #[test]
    fn a_share_link_carries_the_quiz_position() {
        let mut teacher = ready();
        teacher.apply(Action::QuizOpen(true));
        go_to_question(&mut teacher, "counter-3.9");
        let link = gilpy_link::encode(&teacher.shared());
        let mut learner = ready();
        learner.apply(Action::OpenLink(gilpy_link::decode(&link).map_err(|e| e.to_string())));
        assert!(learner.quiz.open);
        assert_eq!(learner.quiz.question().id, "counter-3.9");

        let mut shared = teacher.shared();
        shared.quiz =
            Some(QuizPosition { url: Some("https://example.org/q.json".into()), question: 3 });
        learner.apply(Action::OpenLink(Ok(shared)));
        assert_eq!(learner.quiz.wanted_url, Some(("https://example.org/q.json".into(), 3)));
        learner.apply(Action::QuizLoaded {
            source: QuizSource::Url("https://example.org/q.json".into()),
            result: Err("`questions[0].answer` is 9".into()),
            at: 3,
        });
        assert_eq!(
            learner.quiz.load_problem.as_deref(),
            Some("The quiz at https://example.org/q.json could not be used: `questions[0].answer` is 9. The built-in quiz stays open.")
        );
        assert_eq!(learner.quiz.source, QuizSource::Builtin);
    }

    #[test]
    fn a_sweep_simulates_each_mode_on_more_and_more_cores_without_touching_the_cards() {
        let mut state = ready();
        state.apply(Action::SetRun(RunChoice { simulated: true, ..state.settings.run }));
        run_modes(&mut state, &[(Mode::Sequential, 800)]);
        let cards = state.results.clone();
        state.apply(Action::SweepCores { most: 4 });
        let mut posted = Vec::new();
        while let Some((mode, request)) = state.active.as_ref().and_then(|a| a.next_mode()) {
            let RunMode::Simulated { cores, .. } = request.run else { panic!("simulated") };
            posted.push((mode, cores));
            let run_id = state.next_run_id();
            state.apply(Action::ModeStarted { run_id, mode });
            let chunks = vec![chunk(Stream::Stdout, "swept")];
            state.apply(Action::Runner(FromRunner::Output { run_id, chunks, elapsed_us: 1 }));
            // Free-threaded work divides among the cores; the rest takes as long as one core.
            let wall = if mode == Mode::FreeThreaded { 800 / cores as u64 } else { 800 };
            state.apply(Action::Runner(FromRunner::PythonDone { run_id, outcome: outcome(wall) }));
        }
        assert!(state.active.is_none());
        assert_eq!(posted.iter().filter(|(mode, _)| *mode == Mode::Sequential).count(), 1);
        assert!(posted.contains(&(Mode::FreeThreaded, 4)));
        let sweep = state.sweep.as_ref().unwrap();
        assert_eq!(sweep.core_counts, [1, 2, 4]);
        assert_eq!(sweep.speedup(Mode::FreeThreaded, 4), Some(4.0));
        assert_eq!(sweep.speedup(Mode::Threads, 4), Some(1.0));
        assert_eq!(state.results, cards, "the mode cards keep the last run of the modes");
        assert!(state.program.output.is_empty(), "a sweep's output goes nowhere");
    }

    #[test]
    fn on_real_cores_a_sweep_asks_the_runner_for_one_to_all_of_its_cores() {
        let mut state = ready();
        assert_eq!(state.run_mode(), RunMode::Real);
        assert_eq!(state.sweep_most(), 4, "the runner's cores");
        // However many are asked for, a real sweep stops at the cores there are.
        state.apply(Action::SweepCores { most: 64 });
        let mut posted = Vec::new();
        while let Some((mode, request)) = state.active.as_ref().and_then(|a| a.next_mode()) {
            assert_eq!(request.run, RunMode::Real);
            posted.push((mode, request.real_cores));
            let run_id = state.next_run_id();
            state.apply(Action::ModeStarted { run_id, mode });
            state.apply(Action::Runner(FromRunner::PythonDone { run_id, outcome: outcome(100) }));
        }
        let sweep = state.sweep.as_ref().unwrap();
        assert!(sweep.real);
        assert_eq!(sweep.core_counts, [1, 2, 4]);
        assert!(posted.contains(&(Mode::FreeThreaded, Some(4))));
        assert!(posted.contains(&(Mode::Sequential, Some(1))));
        // The mode cards' own runs use every core.
        assert_eq!(state.program_request().real_cores, None);
    }

    #[test]
    fn fewer_real_cores_go_with_every_real_run_and_none_with_all_or_simulated() {
        let mut state = ready();
        let run = state.settings.run;
        state.apply(Action::SetRun(RunChoice { real_cores: Some(2), ..run }));
        assert_eq!(state.program_request().real_cores, Some(2));
        let programs = state.mode_programs();
        assert!(programs.iter().all(|(_, p)| p.as_ref().unwrap().real_cores == Some(2)));
        // All four of the runner's cores is no limit; simulated runs have virtual cores.
        state.apply(Action::SetRun(RunChoice { real_cores: Some(4), ..run }));
        assert_eq!(state.program_request().real_cores, None);
        state.apply(Action::SetRun(RunChoice { real_cores: Some(2), simulated: true, ..run }));
        assert_eq!(state.program_request().real_cores, None);
    }

    #[test]
    fn a_crashed_runner_ends_the_run_and_shows_why() {
        let mut state = ready();
        state.apply(Action::ProgramStarted { run_id: 1 });
        state.apply(Action::RunnerRestarting("the engine crashed: boom".into()));
        assert!(state.active.is_none());
        assert_eq!(state.runner, RunnerStatus::Starting);
        assert_eq!(
            state.error.as_deref(),
            Some("The runner stopped (the engine crashed: boom). A new one is taking its place; what was running did not finish.")
        );
        // The code panel, whose run it was, says so too.
        assert_eq!(state.program.lost_run.as_deref(), Some("the engine crashed: boom"));
        state.apply(Action::ProgramStarted { run_id: 2 });
        assert_eq!(state.program.lost_run, None);
    }

    #[test]
    fn an_older_check_never_replaces_a_newer_one() {
        let mut state = ready();
        let checked = |check_id: u64, source: &str| {
            Action::Runner(FromRunner::Checked {
                check_id,
                source: source.into(),
                highlights: vec![],
                syntax_error: None,
            })
        };
        state.apply(checked(2, "print('\\N{BLACK STAR}')"));
        state.apply(checked(3, "x = 1"));
        // Check 2 waited for the names table; a late answer is dropped.
        state.apply(checked(2, "print('\\N{BLACK STAR}')"));
        assert_eq!(state.program.check.as_ref().map(|check| check.source.as_str()), Some("x = 1"));
        state.apply(checked(4, "x = 2"));
        assert_eq!(state.program.check.map(|check| check.check_id), Some(4));
    }
}
