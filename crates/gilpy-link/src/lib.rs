//! Share links: what a teacher set up, written into a URL fragment and read back exactly.
//!
//! A link's fragment is `v1.` followed by the [`SharedState`] as JSON, compressed with zlib and
//! written in base64url. The fragment never reaches a server, so the learner's code stays in
//! the link. zlib's Adler-32 checksum catches a link that was cut short or altered; after that
//! every field is checked, and a bad one is named ([`LinkError`]). A link only ever restores
//! settings and code into the page: nothing in it runs until the learner presses Run, and then
//! only as Python in the sandbox.
//!
//! The format is versioned by its prefix. Fields added later get serde defaults, so old links
//! keep opening; a change that old readers would misread takes a new prefix.
//!
//! This crate knows nothing of the page: text in, [`SharedState`] out.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::{DecodeError, Engine};
use gilpy_variants::{preset, Mode, RunMode, Sliders, PYTHON_VERSIONS};
use miniz_oxide::inflate::TINFLStatus;
use serde::{Deserialize, Serialize};

/// The prefix of the format this crate writes.
pub const VERSION_PREFIX: &str = "v1.";

/// Longest fragment read, in characters: far above any real link (code is capped below).
const MAX_FRAGMENT_CHARS: usize = 200_000;
/// Longest JSON a fragment may inflate to; stops a small link inflating to gigabytes.
const MAX_JSON_BYTES: usize = 512 * 1024;
/// Longest code a link may carry.
pub const MAX_CODE_BYTES: usize = 100_000;

/// Everything a link carries.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SharedState {
    pub sliders: Sliders,
    /// The modes Run runs, in `Mode::ALL` order.
    pub modes: Vec<Mode>,
    /// The Python version chosen, one of `PYTHON_VERSIONS`.
    pub python: String,
    /// The lesson chosen, if the learner has not moved away from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    /// The code, when the learner wrote it by hand; absent when the sliders write it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Where the learner is in a quiz, if one is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quiz: Option<QuizPosition>,
    /// Simulated, with its seed and virtual cores; absent for real cores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<RunMode>,
    /// On real cores, how many of the learner's the runs may use (the page takes at most as
    /// many as it has); absent: all of them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_cores: Option<usize>,
}

/// The most real cores a link may ask for.
pub const MAX_REAL_CORES: usize = 1024;

/// A quiz and a question in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizPosition {
    /// Where the quiz file is; absent for the built-in quiz.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The question shown, counting from 0.
    pub question: usize,
}

/// Why a link could not be read. Its `Display` completes "This link could not be read: ".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment does not start with a version this page reads.
    UnknownVersion(String),
    TooLong,
    NotBase64,
    /// The compressed data ends early: the link was cut short.
    Truncated,
    /// The data decompresses but its checksum does not match: the link was altered.
    Altered,
    /// The data is not zlib at all, or inflates past the limit.
    Damaged,
    /// A field is missing, of the wrong type or out of range; `field` is its path.
    BadField {
        field: String,
        problem: String,
    },
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::UnknownVersion(version) if version.is_empty() => {
                write!(f, "it does not start with a format version such as `{VERSION_PREFIX}`")
            }
            LinkError::UnknownVersion(version) => write!(
                f,
                "it was written in format `{version}`, which this version of the playground does not know"
            ),
            LinkError::TooLong => {
                write!(f, "it is longer than {MAX_FRAGMENT_CHARS} characters")
            }
            LinkError::NotBase64 => write!(
                f,
                "its data holds characters a share link never has (was it edited or wrapped?)"
            ),
            LinkError::Truncated => write!(f, "it was cut short (copy the whole link)"),
            LinkError::Altered => write!(f, "it was altered: its checksum does not match"),
            LinkError::Damaged => write!(f, "its data is damaged"),
            // serde_path_to_error's path of the top level is `.`.
            LinkError::BadField { field, problem } if field == "." => write!(f, "{problem}"),
            LinkError::BadField { field, problem } => write!(f, "`{field}` {problem}"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The fragment (without `#`) that restores `state`.
pub fn encode(state: &SharedState) -> String {
    let json = serde_json::to_vec(state).expect("the shared state always serializes");
    let compressed = miniz_oxide::deflate::compress_to_vec_zlib(&json, 9);
    format!("{VERSION_PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Reads a fragment written by [`encode`] (a leading `#` is allowed) and checks every field.
pub fn decode(fragment: &str) -> Result<SharedState, LinkError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong);
    }
    let Some(data) = fragment.strip_prefix(VERSION_PREFIX) else {
        let version = fragment.split_once('.').map_or("", |(version, _)| version);
        let looks_like_version = version.len() <= 8
            && version.starts_with('v')
            && version[1..].chars().all(|c| c.is_ascii_digit());
        return Err(LinkError::UnknownVersion(
            if looks_like_version { version } else { "" }.to_string(),
        ));
    };
    let compressed =
        URL_SAFE_NO_PAD.decode(data.trim_end_matches('=')).map_err(|error| match error {
            // A length or last character that cannot end base64: the link was cut.
            DecodeError::InvalidLength(_) | DecodeError::InvalidLastSymbol(..) => {
                LinkError::Truncated
            }
            _ => LinkError::NotBase64,
        })?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&compressed, MAX_JSON_BYTES)
        .map_err(|error| match error.status {
            TINFLStatus::FailedCannotMakeProgress => LinkError::Truncated,
            TINFLStatus::Adler32Mismatch => LinkError::Altered,
            _ => LinkError::Damaged,
        })?;
    let reader = &mut serde_json::Deserializer::from_slice(&json);
    let state: SharedState = serde_path_to_error::deserialize(reader).map_err(|error| {
        let field = error.path().to_string();
        let problem = error.into_inner().to_string();
        // serde_json ends its messages with a position in the JSON, which means nothing here.
        let problem = match problem.split(" at line ").next().unwrap_or(&problem) {
            // What serde_json says of a number where a name (an enum) belongs.
            "expected value" => "holds a value of the wrong type",
            problem => problem,
        };
        bad(&field, problem)
    })?;
    check(&state)?;
    Ok(state)
}

fn bad(field: &str, problem: &str) -> LinkError {
    LinkError::BadField { field: field.to_string(), problem: problem.to_string() }
}

/// The checks serde's types cannot express: ranges, known names, sizes.
fn check(state: &SharedState) -> Result<(), LinkError> {
    if let Some((name, value, allowed)) = state.sliders.out_of_range() {
        return Err(bad(
            &format!("sliders.{name}"),
            &format!("is {value}, which its slider cannot show (nearest: {allowed})"),
        ));
    }
    for (i, mode) in state.modes.iter().enumerate() {
        if state.modes[..i].contains(mode) {
            return Err(bad(&format!("modes[{i}]"), &format!("repeats `{}`", mode.as_str())));
        }
    }
    if !PYTHON_VERSIONS.contains(&state.python.as_str()) {
        return Err(bad(
            "python",
            &format!("is `{}`, not one of {}", state.python, PYTHON_VERSIONS.join(", ")),
        ));
    }
    if let Some(id) = &state.preset {
        if preset(id).is_none() {
            return Err(bad("preset", &format!("names no lesson (`{id}`)")));
        }
    }
    if let Some(problem) = state.run.and_then(RunMode::out_of_range) {
        return Err(bad("run", &problem));
    }
    if let Some(cores) = state.real_cores.filter(|n| !(1..=MAX_REAL_CORES).contains(n)) {
        return Err(bad("real_cores", &format!("is {cores}, not 1 to {MAX_REAL_CORES}")));
    }
    if state.code.as_ref().is_some_and(|code| code.len() > MAX_CODE_BYTES) {
        return Err(bad("code", &format!("is longer than {MAX_CODE_BYTES} bytes")));
    }
    if let Some(QuizPosition { url: Some(url), .. }) = &state.quiz {
        if !is_quiz_address(url) {
            return Err(bad("quiz.url", "is neither an http(s) address nor a path on this site"));
        }
    }
    Ok(())
}

/// Whether `url` may be fetched as a quiz: an http(s) address or a path on this site, never a
/// `javascript:` or `data:` one.
pub fn is_quiz_address(url: &str) -> bool {
    let web = url.starts_with("https://") || url.starts_with("http://");
    !url.is_empty() && (web || !url.contains(':'))
}

#[cfg(test)]
mod tests;
