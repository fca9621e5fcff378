//! Quizzes: predict, run, explain.
//!
//! A quiz file is JSON (`www/quiz.schema.json` documents it): a list of questions in the seeds'
//! shape `{q, choices, answer, explain}`, either bare or under `{"title", "questions"}`. A
//! question may carry a workload to [`run`](Question::run) and a [`Check`] that reads the
//! measured run and says which choice it bears out, so the page can set the learner's
//! prediction against what really happened. [`parse`] checks every field and names the bad one.
//!
//! This crate knows nothing of the page or the runner: text in, [`Quiz`] out, and figures in,
//! a choice out.

mod check;
mod format;

pub use check::{measured_choice, ModeFigures};
pub use format::{parse, Check, Question, Quiz, QuizError, QuizRun, SliderValues};

/// The quiz the page opens with.
pub const BUILTIN_QUIZ: &str = include_str!("../builtin.json");

pub fn builtin() -> Quiz {
    parse(BUILTIN_QUIZ).expect("the built-in quiz is valid (a test checks it)")
}

#[cfg(test)]
mod tests;
