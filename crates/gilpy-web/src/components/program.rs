//! The code panel: the editor, the Python version, Run as written / Stop, and the program's
//! console (stdout and stderr in the order written; tracebacks shown as CPython prints them).

use gilpy_protocol::PythonOutcome;
use gilpy_variants::PYTHON_VERSIONS;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::console::Console;
use crate::components::editor::Editor;
use crate::components::timeline::{format_ms, python_span_kinds, Legend, Timeline};
use crate::state::{Action, ProgramPanel};

#[derive(Properties, PartialEq)]
pub struct ProgramProps {
    pub program: ProgramPanel,
    pub can_run: bool,
    pub running: bool,
    pub stop_requested: bool,
    /// How long the program running as written has run.
    pub elapsed_us: u64,
    pub on_action: Callback<Action>,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
}

#[component]
pub fn Program(props: &ProgramProps) -> Html {
    let program = &props.program;
    // Kept from one render to the next, so that the editor redraws only when its text or
    // colours change.
    let on_source = use_callback(props.on_action.clone(), |source, on_action| {
        on_action.emit(Action::SetSource(source))
    });
    let on_python = props.on_action.reform(|event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        Action::SetPython(select.value())
    });
    let on_run = props.on_run.reform(|_: MouseEvent| ());
    let on_stop = props.on_stop.reform(|_: MouseEvent| ());
    // A syntax error in the code as it stands now comes before what the last run reported.
    let syntax_error =
        program.check.as_ref().and_then(|check| check.syntax_error_in(&program.source));
    let error_line = syntax_error
        .map(|error| error.at.line)
        .or_else(|| program.outcome.as_ref().and_then(|o| o.error_at).map(|at| at.line));
    let described_by =
        if syntax_error.is_some() { "program-keys syntax-problem" } else { "program-keys" };
    let status = status_text(props.running, props.stop_requested, props.elapsed_us, program);
    html! {
        <section class="program" aria-labelledby="program-title"
            data-run-state={if props.running { "running" } else { "idle" }}>
            <div class="program-head">
                <h2 id="program-title">{ "The code" }</h2>
                <label class="python-select">
                    { "Python " }
                    <select id="python-version" onchange={on_python}>
                        { for PYTHON_VERSIONS.iter().map(|version| html! {
                            <option value={*version} selected={program.python == *version}>
                                { version_label(version) }
                            </option>
                        }) }
                    </select>
                </label>
                <div class="buttons">
                    <button class="run" id="run-program" disabled={!props.can_run} onclick={on_run}>
                        { "Run as written" }
                    </button>
                    <button id="stop-program" disabled={!props.running} onclick={on_stop}>{ "Stop" }</button>
                </div>
            </div>
            <Editor source={AttrValue::from(program.source.clone())} error_line={error_line}
                check={program.check.clone()} described_by={described_by} on_change={on_source} />
            if let Some(error) = syntax_error {
                <p class="syntax-problem" id="syntax-problem"
                    data-line={error.at.line.to_string()} data-column={error.at.column.to_string()}>
                    <strong>{ format!("{}: ", error.kind) }</strong>{ &error.message }
                    { format!(" (line {}, column {})", error.at.line, error.at.column) }
                </p>
            }
            <small id="program-keys" class="hint">
                { "Tab indents and Shift+Tab dedents; press Esc, then Tab, to move on from the editor." }
            </small>
            <p class="program-status" role="status" aria-live="polite"
                data-exit-code={program.outcome.as_ref().map(|o| o.exit_code.to_string())}
                data-wall-us={program.outcome.as_ref().map(|o| o.wall_us.to_string())}>
                { status }
            </p>
            if !program.output.is_empty() {
                <Console id="program-output" output={program.output.clone()} label="Program output" />
            }
            if let Some(trace) = program.outcome.as_ref().map(|o| &o.trace).filter(|t| !t.tasks.is_empty()) {
                <div class="program-timeline">
                    <h3>{ "What each thread did" }</h3>
                    <Legend kinds={python_span_kinds([trace])} />
                    <Timeline trace={trace.clone()} axis_end_us={trace.wall_us} />
                </div>
            }
        </section>
    }
}

fn version_label(version: &str) -> String {
    match version.strip_suffix('t') {
        Some(base) => format!("{base} free-threaded ({version})"),
        None => version.to_string(),
    }
}

fn status_text(
    running: bool,
    stop_requested: bool,
    elapsed_us: u64,
    program: &ProgramPanel,
) -> String {
    if running {
        let stopping = if stop_requested { "; stopping…" } else { "" };
        return format!("Running… {} elapsed{stopping}", format_ms(elapsed_us));
    }
    match (&program.outcome, &program.lost_run) {
        (Some(outcome), _) => outcome_text(outcome),
        (None, Some(why)) => format!("The run did not finish ({why})."),
        (None, None) => String::new(),
    }
}

fn outcome_text(outcome: &PythonOutcome) -> String {
    let took = format_ms(outcome.wall_us);
    match (outcome.stopped, outcome.syntax_error, outcome.error_at, outcome.exit_code) {
        (true, ..) => format!("Stopped after {took} (KeyboardInterrupt)."),
        (_, true, Some(at), _) => format!(
            "The program did not compile: line {}, column {}. Nothing ran.",
            at.line, at.column
        ),
        (_, _, Some(at), code) => {
            format!(
                "Ended with an uncaught exception at line {} after {took} (exit code {code}).",
                at.line
            )
        }
        (_, _, None, 0) => format!("Finished in {took}."),
        (_, _, None, code) => format!("Finished in {took} with exit code {code}."),
    }
}
