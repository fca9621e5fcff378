//! One card per mode, side by side: wall time, speedup against one after another, how many
//! cores were busy, the program's output, its timeline, and the program itself on demand.
//! Cards carry `data-mode`, `data-wall-ms`, `data-exit-code` and `data-run` (`real` or
//! `simulated`, whose times are virtual), a stable hook for tests and embedders (see README).

use gilpy_runtime::SpanKind;
use gilpy_variants::{Mode, RunMode};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::console::Console;
use crate::components::mode_summary;
use crate::components::timeline::{format_ms, python_span_kinds, Legend, Timeline};
use crate::state::{Action, ModeResult, MAX_TIMELINE_ZOOM};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub results: Vec<ModeResult>,
    /// The mode running now, if any.
    pub running: Option<Mode>,
    pub axis_end_us: u64,
    /// Sequential wall time, when sequential ran to its end, for speedups.
    pub sequential_wall_us: Option<u64>,
    pub zoom: u32,
    pub on_action: Callback<Action>,
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    if props.results.is_empty() {
        return html! {
            <section class="results empty" aria-label="Results">
                <p>{ "Press Run every mode to see each mode's wall time, output and timeline here." }</p>
            </section>
        };
    }
    let on_zoom = props.on_action.reform(|event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        Action::SetTimelineZoom(input.value_as_number() as u32)
    });
    html! {
        <section class="results" aria-label="Results" style={format!("--zoom: {}", props.zoom)}>
            <div class="results-head">
                <Legend kinds={python_span_kinds(props.results.iter().filter_map(|r| r.outcome.as_ref().map(|o| &o.trace)))} />
                <label class="zoom" for="timeline-zoom">
                    { "Zoom" }
                    <input type="range" id="timeline-zoom" min="1" max={MAX_TIMELINE_ZOOM.to_string()} step="1"
                        value={props.zoom.to_string()} aria-valuetext={format!("{}x", props.zoom)} oninput={on_zoom} />
                    <output for="timeline-zoom">{ format!("{}×", props.zoom) }</output>
                </label>
            </div>
            <div class="cards">
                { for props.results.iter().map(|result| html! {
                    <ResultCard result={result.clone()} running={props.running == Some(result.mode)}
                        axis_end_us={props.axis_end_us} sequential_wall_us={props.sequential_wall_us} />
                }) }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ResultCardProps {
    result: ModeResult,
    running: bool,
    axis_end_us: u64,
    sequential_wall_us: Option<u64>,
}

#[component]
fn ResultCard(props: &ResultCardProps) -> Html {
    let result = &props.result;
    let mode = result.mode;
    let outcome = result.outcome.as_ref();
    let wall_us = result.finished_wall_us();
    let speedup = props
        .sequential_wall_us
        .zip(wall_us)
        .filter(|(_, wall)| *wall > 0)
        .map(|(sequential, wall)| sequential as f64 / wall as f64);
    // Time spent running Python on any thread, over the wall time: how many cores were busy.
    let busy_cores = outcome.filter(|o| o.wall_us > 0).map(|o| {
        // Time on a core: running Python, starting a process, pickling for one.
        let on_core = [SpanKind::Running, SpanKind::Starting, SpanKind::Serializing];
        let running: u64 =
            o.trace.tasks.iter().flat_map(|task| on_core.map(|kind| task.total_us(kind))).sum();
        running as f64 / o.wall_us as f64
    });
    let heading_id = format!("result-{}", mode.as_str());
    let (run_kind, wall_label, run_on) = match result.request.run {
        RunMode::Real => match result.request.real_cores {
            Some(cores) => {
                ("real", "Wall time", format!("{cores} real {}", super::sweep::cores_word(cores)))
            }
            None => ("real", "Wall time", "real cores".to_string()),
        },
        RunMode::Simulated { seed, cores } => {
            ("simulated", "Virtual time", format!("{cores} virtual, seed {seed}"))
        }
    };
    let state = match (outcome, &result.not_derived) {
        (_, Some(why)) => html! { <p class="not-derived">{ format!("Not run: {why}.") }</p> },
        (None, None) if props.running => html! { <p class="pending">{ "Running…" }</p> },
        (None, None) => html! { <p class="pending">{ "Waiting for its turn." }</p> },
        (Some(o), None) if o.stopped => {
            html! { <p class="stopped">{ "Stopped (KeyboardInterrupt)." }</p> }
        }
        (Some(o), None) if o.exit_code != 0 => {
            html! { <p class="failed">{ format!("Ended with exit code {}: see the traceback below.", o.exit_code) }</p> }
        }
        (Some(_), None) => html! {},
    };
    html! {
        <article class="card" id={format!("card-{}", mode.as_str())} tabindex="-1" data-mode={mode.as_str()}
            data-wall-ms={wall_us.map(|us| format!("{:.3}", us as f64 / 1000.0))}
            data-exit-code={outcome.map(|o| o.exit_code.to_string())} data-run={run_kind}
            aria-labelledby={heading_id.clone()} aria-busy={props.running.to_string()}>
            <header class="card-head">
                <div>
                    <h3 id={heading_id}>{ mode.title() }</h3>
                    <p class="summary">{ mode_summary(mode) }</p>
                </div>
                <dl class="figures">
                    <div><dt>{ wall_label }</dt><dd class="wall">{ wall_us.map_or("–".into(), format_ms) }</dd></div>
                    <div><dt>{ "Speedup" }</dt><dd class="speedup">{
                        speedup.map_or("–".to_string(), |s| format!("{s:.2}×"))
                    }</dd></div>
                    <div><dt>{ "Cores busy" }</dt><dd class="busy">{
                        busy_cores.map_or("–".to_string(), |c| format!("{c:.1}"))
                    }</dd></div>
                    <div><dt>{ "Python" }</dt><dd>{ &result.request.python }</dd></div>
                    <div><dt>{ "Cores" }</dt><dd class="run-on">{ run_on }</dd></div>
                </dl>
            </header>
            { state }
            if !result.output.is_empty() {
                <Console output={result.output.clone()} label={format!("{} output", mode.title())} />
            }
            if let Some(trace) = outcome.map(|o| &o.trace).filter(|t| !t.tasks.is_empty()) {
                <Timeline trace={trace.clone()} axis_end_us={props.axis_end_us} />
            }
            if result.not_derived.is_none() {
                <details class="variant-code">
                    <summary>{ "The program this mode ran" }</summary>
                    <pre class="code"><code>{ &result.request.source }</code></pre>
                </details>
            }
        </article>
    }
}
