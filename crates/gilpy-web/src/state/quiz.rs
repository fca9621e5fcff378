//! The quiz beside the workbench: which quiz is open, the question shown, the learner's
//! prediction and what the run measured. Plain data; the page loads files and saves progress.

use std::collections::BTreeMap;
use std::rc::Rc;

use gilpy_link::{QuizPosition, SharedState};
use gilpy_quiz::{Question, Quiz};
use serde::{Deserialize, Serialize};

/// Where the open quiz came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuizSource {
    Builtin,
    /// Fetched from this address; a share link can carry it.
    Url(String),
    /// Read from a file the learner chose; a link cannot carry it.
    File(String),
}

impl QuizSource {
    /// The key the learner's progress is saved under.
    pub fn storage_key(&self) -> String {
        match self {
            QuizSource::Builtin => "gilpy-quiz:builtin".to_string(),
            QuizSource::Url(url) => format!("gilpy-quiz:url:{url}"),
            QuizSource::File(name) => format!("gilpy-quiz:file:{name}"),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            QuizSource::Builtin => "the built-in quiz".to_string(),
            QuizSource::Url(url) => format!("the quiz at {url}"),
            QuizSource::File(name) => format!("the quiz file {name}"),
        }
    }
}

/// What the learner answered to one question; saved between visits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedAnswer {
    pub predicted: usize,
    /// The choice the run bore out; None for a question without a run, or a run that
    /// measured nothing usable.
    pub measured: Option<usize>,
    pub correct: bool,
}

/// The question shown, once the learner has committed to a prediction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The question's workload is running.
    Running {
        predicted: usize,
    },
    Answered(SavedAnswer),
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuizPanel {
    pub quiz: Rc<Quiz>,
    pub source: QuizSource,
    /// The question shown, counting from 0.
    pub at: usize,
    /// The choice selected for the question shown, before it is submitted.
    pub picked: Option<usize>,
    pub verdict: Option<Verdict>,
    /// Answers by question id.
    pub progress: BTreeMap<String, SavedAnswer>,
    /// A quiz the page must fetch, and the question to show then (from a link, or typed in).
    pub wanted_url: Option<(String, usize)>,
    /// Why the last quiz file or address could not be used; the open quiz stays.
    pub load_problem: Option<String>,
    /// Whether the panel is expanded.
    pub open: bool,
}

impl Default for QuizPanel {
    fn default() -> Self {
        QuizPanel {
            quiz: Rc::new(gilpy_quiz::builtin()),
            source: QuizSource::Builtin,
            at: 0,
            picked: None,
            verdict: None,
            progress: BTreeMap::new(),
            wanted_url: None,
            load_problem: None,
            open: false,
        }
    }
}

impl QuizPanel {
    pub fn question(&self) -> &Question {
        &self.quiz.questions[self.at]
    }

    pub fn correct_count(&self) -> usize {
        let ids = self.quiz.questions.iter().map(|q| &q.id);
        ids.filter(|id| self.progress.get(*id).is_some_and(|a| a.correct)).count()
    }

    pub fn answered_count(&self) -> usize {
        self.quiz.questions.iter().filter(|q| self.progress.contains_key(&q.id)).count()
    }

    /// Shows question `at` (clamped), with the learner's earlier answer if there is one.
    pub fn go_to(&mut self, at: usize) {
        self.at = at.min(self.quiz.questions.len() - 1);
        let saved = self.progress.get(&self.question().id).copied();
        self.picked = saved.map(|answer| answer.predicted);
        self.verdict = saved.map(Verdict::Answered);
    }

    pub fn loaded(&mut self, source: QuizSource, quiz: Quiz, at: usize) {
        self.quiz = Rc::new(quiz);
        self.source = source;
        self.progress.clear();
        self.load_problem = None;
        self.open = true;
        self.go_to(at);
    }

    /// Where a share link puts the learner back; None when nothing about the quiz needs saying.
    pub fn position(&self) -> Option<QuizPosition> {
        let url = match &self.source {
            QuizSource::Url(url) => Some(url.clone()),
            _ => None,
        };
        (self.open || url.is_some()).then_some(QuizPosition { url, question: self.at })
    }

    /// Records the answer to the question shown.
    pub fn answer(&mut self, predicted: usize, measured: Option<usize>) {
        let question = self.question();
        // A run decides when it measured something; otherwise the author's answer does.
        let correct = predicted == measured.unwrap_or(question.answer);
        let saved = SavedAnswer { predicted, measured, correct };
        self.progress.insert(question.id.clone(), saved);
        self.verdict = Some(Verdict::Answered(saved));
    }
}

/// The playground's state for a question's workload, as a share link would carry it.
pub fn workload_of(question: &Question, current: &SharedState) -> Option<SharedState> {
    let run = question.run.as_ref()?;
    let (sliders, code) = run.workload();
    Some(SharedState {
        sliders,
        code,
        modes: run.modes.clone(),
        python: run.python.clone(),
        preset: run.preset.clone(),
        quiz: current.quiz.clone(),
        // Where it runs stays the learner's choice.
        run: current.run,
        real_cores: current.real_cores,
    })
}
