//! The quiz file format and its validation.

use std::fmt;

use gilpy_variants::{preset, Mode, PresetContent, Sliders, TaskKind, PYTHON_VERSIONS};
use serde::{Deserialize, Serialize};
use serde_json::error::Category;

/// Largest quiz file read, in bytes.
pub const MAX_QUIZ_BYTES: usize = 1024 * 1024;
const MAX_QUESTIONS: usize = 200;
const MAX_CHOICES: usize = 8;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    /// Where an editor finds the schema; the page ignores it.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default = "untitled")]
    pub title: String,
    pub questions: Vec<Question>,
}

fn untitled() -> String {
    "Quiz".to_string()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Names the question in the learner's saved progress; `q1`, `q2`… when absent.
    #[serde(default)]
    pub id: String,
    /// The question.
    pub q: String,
    pub choices: Vec<String>,
    /// The expected choice, counting from 0.
    pub answer: usize,
    /// Why, shown once the learner has answered.
    pub explain: String,
    /// A workload to run after the learner predicts; absent for a question answered by thought.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<QuizRun>,
}

/// The workload a question runs, and how its result picks a choice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizRun {
    /// A lesson to load (its sliders or its program); or give `sliders` and/or `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// Slider values; those left out keep the playground's defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sliders: Option<SliderValues>,
    /// The program, when the sliders do not write it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The modes to run; the `check` reads them.
    pub modes: Vec<Mode>,
    /// The Python version; 3.13 when absent.
    #[serde(default = "default_python")]
    pub python: String,
    pub check: Check,
    /// The mode whose timeline shows why; the check's mode (or the fastest's first) if absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub look_at: Option<Mode>,
}

fn default_python() -> String {
    PYTHON_VERSIONS[0].to_string()
}

/// Slider values a question sets; the others keep `Sliders::default()`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SliderValues {
    pub kind: Option<TaskKind>,
    pub tasks: Option<u32>,
    pub rounds: Option<u32>,
    pub io_ms: Option<u32>,
    pub cores: Option<u32>,
    pub switch_interval_us: Option<u32>,
}

impl SliderValues {
    pub fn sliders(self) -> Sliders {
        let d = Sliders::default();
        Sliders {
            kind: self.kind.unwrap_or(d.kind),
            tasks: self.tasks.unwrap_or(d.tasks),
            rounds: self.rounds.unwrap_or(d.rounds),
            io_ms: self.io_ms.unwrap_or(d.io_ms),
            cores: self.cores.unwrap_or(d.cores),
            switch_interval_us: self.switch_interval_us.unwrap_or(d.switch_interval_us),
        }
    }
}

/// Which choice a measured run bears out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// Choice `i` is "mode `i` of this list finishes first".
    Fastest(Vec<Mode>),
    /// The mode's speedup against sequential, cut at `bounds` (ascending): choice `i` is the
    /// `i`-th interval, so there is one bound fewer than choices.
    Speedup { mode: Mode, bounds: Vec<f64> },
    /// Choice `i` is "the mode's stdout contains `contains[i]`" (the first that matches); with
    /// one string fewer than choices, the last choice is "none of them".
    Output { mode: Mode, contains: Vec<String> },
}

impl Check {
    /// The mode the check reads first.
    pub fn mode(&self) -> Option<Mode> {
        match self {
            Check::Fastest(modes) => modes.first().copied(),
            Check::Speedup { mode, .. } | Check::Output { mode, .. } => Some(*mode),
        }
    }
}

impl QuizRun {
    /// The sliders and the program the run loads: a lesson's, or its own; no program means the
    /// sliders write it.
    pub fn workload(&self) -> (Sliders, Option<String>) {
        match self.preset.as_deref().and_then(preset).map(|lesson| lesson.content) {
            Some(PresetContent::Sliders(sliders)) => (sliders, None),
            Some(PresetContent::Program(code)) => (Sliders::default(), Some(code.to_string())),
            None => (self.sliders.unwrap_or_default().sliders(), self.code.clone()),
        }
    }
}

impl Question {
    /// The mode whose timeline the explanation points at: `look_at`, else the mode the check
    /// reads, else (for `fastest`) the expected answer's mode.
    pub fn look_at(&self) -> Option<Mode> {
        let run = self.run.as_ref()?;
        run.look_at.or_else(|| match &run.check {
            Check::Fastest(modes) => modes.get(self.answer).copied(),
            check => check.mode(),
        })
    }
}

/// What is wrong with a quiz file: the field's path (`questions[2].answer`) and the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizError {
    pub field: String,
    pub problem: String,
}

impl fmt::Display for QuizError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "`{}` {}", self.field, self.problem)
        }
    }
}

impl std::error::Error for QuizError {}

fn error(field: impl Into<String>, problem: impl Into<String>) -> QuizError {
    QuizError { field: field.into(), problem: problem.into() }
}

/// Reads a quiz file and checks every field.
pub fn parse(text: &str) -> Result<Quiz, QuizError> {
    if text.len() > MAX_QUIZ_BYTES {
        return Err(error("", format!("the file is larger than {} KB", MAX_QUIZ_BYTES / 1024)));
    }
    let reader = &mut serde_json::Deserializer::from_str(text);
    // The seeds' shape is a bare list of questions.
    let bare_list = text.trim_start().starts_with('[');
    let parsed = if bare_list {
        serde_path_to_error::deserialize(reader).map(|questions| Quiz {
            schema: None,
            title: untitled(),
            questions,
        })
    } else {
        serde_path_to_error::deserialize(reader)
    };
    let mut quiz = parsed.map_err(|e| {
        let mut field = e.path().to_string();
        if field == "." {
            field.clear();
        } else if bare_list {
            field = format!("questions{field}");
        }
        let json_error = e.into_inner();
        let message = json_error.to_string();
        let without_position = message.split(" at line ").next().unwrap_or(&message);
        let problem = match json_error.classify() {
            // Broken JSON: the author needs the line and column to find it.
            Category::Syntax => message.clone(),
            Category::Eof => format!("{without_position} (is the file cut short?)"),
            // What serde_json says of a number where a name (an enum) belongs.
            _ if without_position == "expected value" => "holds a value of the wrong type".into(),
            _ => without_position.to_string(),
        };
        error(field, problem)
    })?;
    for (i, question) in quiz.questions.iter_mut().enumerate() {
        if question.id.is_empty() {
            question.id = format!("q{}", i + 1);
        }
    }
    check_quiz(&quiz)?;
    Ok(quiz)
}

fn check_quiz(quiz: &Quiz) -> Result<(), QuizError> {
    if quiz.questions.is_empty() {
        return Err(error("questions", "is empty: a quiz needs at least one question"));
    }
    if quiz.questions.len() > MAX_QUESTIONS {
        return Err(error("questions", format!("has more than {MAX_QUESTIONS} questions")));
    }
    for (i, question) in quiz.questions.iter().enumerate() {
        let at = |field: &str| format!("questions[{i}].{field}");
        if quiz.questions[..i].iter().any(|earlier| earlier.id == question.id) {
            return Err(error(at("id"), format!("repeats `{}`; ids must differ", question.id)));
        }
        if question.q.trim().is_empty() {
            return Err(error(at("q"), "is empty"));
        }
        let count = question.choices.len();
        if !(2..=MAX_CHOICES).contains(&count) {
            return Err(error(
                at("choices"),
                format!("has {count}; a question needs 2 to {MAX_CHOICES}"),
            ));
        }
        if let Some(j) = question.choices.iter().position(|choice| choice.trim().is_empty()) {
            return Err(error(at(&format!("choices[{j}]")), "is empty"));
        }
        if question.answer >= count {
            return Err(error(
                at("answer"),
                format!("is {}, but choices count from 0 to {}", question.answer, count - 1),
            ));
        }
        if let Some(run) = &question.run {
            check_run(run, count, &at("run"))?;
        }
    }
    Ok(())
}

fn check_run(run: &QuizRun, choices: usize, at: &str) -> Result<(), QuizError> {
    let field = |name: &str| format!("{at}.{name}");
    if let Some(id) = &run.preset {
        if preset(id).is_none() {
            return Err(error(field("preset"), format!("names no lesson (`{id}`)")));
        }
        if run.sliders.is_some() || run.code.is_some() {
            return Err(error(field("preset"), "cannot go with `sliders` or `code`: choose one"));
        }
    }
    if let Some((name, value, allowed)) = run.sliders.and_then(|v| v.sliders().out_of_range()) {
        return Err(error(
            field(&format!("sliders.{name}")),
            format!("is {value}, which its slider cannot show (nearest: {allowed})"),
        ));
    }
    if run.modes.is_empty() {
        return Err(error(field("modes"), "is empty: name the modes to run"));
    }
    for (i, mode) in run.modes.iter().enumerate() {
        if run.modes[..i].contains(mode) {
            return Err(error(
                field(&format!("modes[{i}]")),
                format!("repeats `{}`", mode.as_str()),
            ));
        }
    }
    if !PYTHON_VERSIONS.contains(&run.python.as_str()) {
        return Err(error(
            field("python"),
            format!("is `{}`, not one of {}", run.python, PYTHON_VERSIONS.join(", ")),
        ));
    }
    let ran = |mode: Mode, path: String| {
        if run.modes.contains(&mode) {
            Ok(())
        } else {
            Err(error(path, format!("reads `{}`, which `{at}.modes` does not run", mode.as_str())))
        }
    };
    match &run.check {
        Check::Fastest(modes) => {
            if modes.len() != choices {
                return Err(error(
                    field("check.fastest"),
                    format!(
                        "names {} modes for {choices} choices; it needs one per choice",
                        modes.len()
                    ),
                ));
            }
            for (i, mode) in modes.iter().enumerate() {
                ran(*mode, field(&format!("check.fastest[{i}]")))?;
            }
        }
        Check::Speedup { mode, bounds } => {
            ran(*mode, field("check.speedup.mode"))?;
            ran(Mode::Sequential, field("check.speedup"))?;
            if bounds.len() + 1 != choices {
                return Err(error(
                    field("check.speedup.bounds"),
                    format!(
                        "has {} bounds for {choices} choices; it needs one fewer than choices",
                        bounds.len()
                    ),
                ));
            }
            if bounds.windows(2).any(|pair| pair[0] >= pair[1])
                || bounds.iter().any(|b| b.is_nan() || *b <= 0.0)
            {
                return Err(error(field("check.speedup.bounds"), "must be positive and ascending"));
            }
        }
        Check::Output { mode, contains } => {
            ran(*mode, field("check.output.mode"))?;
            if contains.len() != choices && contains.len() + 1 != choices {
                return Err(error(
                    field("check.output.contains"),
                    format!(
                        "has {} texts for {choices} choices; it needs one per choice, or one fewer",
                        contains.len()
                    ),
                ));
            }
            if let Some(i) = contains.iter().position(String::is_empty) {
                return Err(error(field(&format!("check.output.contains[{i}]")), "is empty"));
            }
        }
    }
    if let Some(mode) = run.look_at {
        ran(mode, field("look_at"))?;
    }
    Ok(())
}
