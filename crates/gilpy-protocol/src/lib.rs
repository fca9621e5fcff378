//! The page and the runner worker talk only through these types. Each message travels as one
//! JSON string through `postMessage`; both sides are built from this crate, so they always
//! agree, and [`PROTOCOL_VERSION`] catches a stale cached worker.

use gilpy_runtime::RunTrace;
pub use gilpy_variants::RunMode;
use serde::{Deserialize, Serialize};

pub const PROTOCOL_VERSION: u32 = 5;

/// The most cores the page asks the runner for, whatever `navigator.hardwareConcurrency` says:
/// each core is a web worker with its own copy of the wasm instance.
pub const MAX_POOL_CORES: usize = 8;

/// A Python program to run as written, as `gilpy run` would.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PythonRequest {
    pub source: String,
    /// `3.9` .. `3.13`, or `3.13t` for the free-threaded build.
    pub python: String,
    /// Real cores, or simulated: then every time in the outcome is virtual.
    #[serde(default)]
    pub run: RunMode,
    /// Real mode: at most this many threads (of all its processes) run Python at once, as on a
    /// machine with that many cores (a sweep's point); `None`: every core the pool has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_cores: Option<usize>,
}

/// Which stream a piece of output went to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Output in the order the program wrote it; consecutive writes to one stream are merged.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutputChunk {
    pub stream: Stream,
    pub text: String,
}

/// Appends `text` to `chunks`, merged into the last chunk when that went to the same stream.
pub fn append_output(chunks: &mut Vec<OutputChunk>, stream: Stream, text: &str) {
    match chunks.last_mut() {
        Some(last) if last.stream == stream => last.text.push_str(text),
        _ if text.is_empty() => {}
        _ => chunks.push(OutputChunk { stream, text: text.to_string() }),
    }
}

/// A place in the program's source, 1-based as CPython reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourcePosition {
    pub line: u32,
    pub column: u32,
}

/// A coloured run of source text, by UTF-8 byte offsets; text between runs is plain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Highlight {
    pub start: u32,
    pub end: u32,
    pub class: TokenClass,
}

/// What a run of source is, as the VM's tokenizer reads it (`gilpy_vm::highlight`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TokenClass {
    Keyword,
    Constant,
    Builtin,
    Definition,
    Decorator,
    String,
    Number,
    Comment,
}

/// Why a program would not compile, and where: CPython's words (`'(' was never closed`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyntaxProblem {
    pub at: SourcePosition,
    /// `SyntaxError`, `IndentationError`, ...
    pub kind: String,
    pub message: String,
}

/// How a Python program ended.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PythonOutcome {
    /// CPython's exit code: 0, 1 for an uncaught exception or syntax error, or `sys.exit`'s.
    pub exit_code: i32,
    pub wall_us: u64,
    /// Ended by Stop (KeyboardInterrupt).
    pub stopped: bool,
    /// Where it failed to compile (the column is meaningful) or, for an uncaught exception,
    /// the innermost line of the program in the traceback (column 0).
    pub error_at: Option<SourcePosition>,
    pub syntax_error: bool,
    /// One row per thread of every process: when each ran, waited for the GIL, or was blocked.
    /// `mode` is single-lock under a GIL, parallel on a free-threaded build.
    pub trace: RunTrace,
}

/// Page to runner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ToRunner {
    /// Start the thread pool with this many cores (0: none, simulated programs only). Sent
    /// once, first.
    Init { cores: usize },
    /// Run a Python program; its output streams back, then `PythonDone`.
    RunPython { run_id: u64, request: PythonRequest },
    /// Read `source` as `python` would (no running): its colours and its first syntax error.
    /// The page sends one per edit; the answer is [`FromRunner::Checked`].
    Check { check_id: u64, source: String, python: String },
    /// Stop run `run_id` at its next check point; its partial traces still come back. A Python
    /// program gets KeyboardInterrupt.
    Stop { run_id: u64 },
}

/// Runner to page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum FromRunner {
    /// The runner takes programs. With `real_unavailable` (why), its pool of `cores` web
    /// workers could not start, and it runs only simulated programs, on its own thread.
    Ready {
        protocol_version: u32,
        cores: usize,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        real_unavailable: Option<String>,
    },
    /// What a Python program wrote since the last `Output` (sent about every 100 ms).
    Output {
        run_id: u64,
        chunks: Vec<OutputChunk>,
        elapsed_us: u64,
    },
    PythonDone {
        run_id: u64,
        outcome: PythonOutcome,
    },
    /// What `Check` found. `source` is the text it read, so the page can tell whether the
    /// editor still holds it.
    Checked {
        check_id: u64,
        source: String,
        highlights: Vec<Highlight>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        syntax_error: Option<SyntaxProblem>,
    },
    /// The runner itself could not start: nothing runs, and restarting will not help.
    Unavailable {
        reason: String,
    },
    /// The engine crashed or a message was unreadable: the page shows it and starts a new runner.
    Crashed {
        message: String,
    },
}

pub fn encode<T: Serialize>(message: &T) -> String {
    // Every message type here serialises infallibly (no maps with non-string keys).
    serde_json::to_string(message).expect("protocol messages always serialise")
}

pub fn decode<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, String> {
    serde_json::from_str(text)
        .map_err(|error| format!("unreadable message from the other side: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_requests_round_trip() {
        let request = PythonRequest {
            source: "print(1)\n".into(),
            python: "3.13t".into(),
            run: RunMode::Simulated { seed: 7, cores: 4 },
            real_cores: None,
        };
        let message = ToRunner::RunPython { run_id: 7, request };
        let text = encode(&message);
        assert!(text.starts_with(r#"{"type":"run-python","run_id":7"#), "{text}");
        assert!(text.contains(r#""run":{"kind":"simulated","seed":7,"cores":4}"#), "{text}");
        assert_eq!(decode::<ToRunner>(&text).unwrap(), message);
    }

    #[test]
    fn output_keeps_the_order_of_writes_and_merges_runs_of_one_stream() {
        let mut chunks = Vec::new();
        append_output(&mut chunks, Stream::Stdout, "a");
        append_output(&mut chunks, Stream::Stdout, "b\n");
        append_output(&mut chunks, Stream::Stderr, "");
        append_output(&mut chunks, Stream::Stderr, "Traceback");
        append_output(&mut chunks, Stream::Stdout, "c");
        let texts: Vec<_> = chunks.iter().map(|c| (c.stream, c.text.as_str())).collect();
        assert_eq!(
            texts,
            [(Stream::Stdout, "ab\n"), (Stream::Stderr, "Traceback"), (Stream::Stdout, "c")]
        );
    }

    #[test]
    fn a_bad_message_is_an_error_not_a_panic() {
        let error = decode::<FromRunner>(r#"{"type":"teleport"}"#).unwrap_err();
        assert!(error.contains("unknown variant `teleport`"), "{error}");
        assert!(decode::<ToRunner>("not json").is_err());
    }
}
