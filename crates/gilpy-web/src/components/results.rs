//! One card per mode, side by side: wall time, speedup against sequential, the timeline, and
//! the same numbers as a table for screen readers. Cards carry `data-mode` and `data-wall-ms`,
//! a stable hook for tests and embedders (see README).

use gilpy_runtime::{Mode, RunTrace};
use yew::prelude::*;

use crate::components::timeline::{format_ms, Legend, Timeline, SPAN_STYLES};
use crate::components::{mode_summary, mode_title};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub results: Vec<RunTrace>,
    pub axis_end_us: u64,
    /// Sequential wall time, when sequential ran, for speedups.
    pub sequential_wall_us: Option<u64>,
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    if props.results.is_empty() {
        return html! {
            <section class="results empty" aria-label="Results">
                <p>{ "Press Run to see each mode's wall time and timeline here." }</p>
            </section>
        };
    }
    let mut ordered: Vec<&RunTrace> = props.results.iter().collect();
    ordered.sort_by_key(|trace| Mode::ALL.iter().position(|mode| *mode == trace.mode));
    html! {
        <section class="results" aria-label="Results">
            <Legend />
            <div class="cards">
                { for ordered.into_iter().map(|trace| html! {
                    <ResultCard trace={trace.clone()} axis_end_us={props.axis_end_us}
                        sequential_wall_us={props.sequential_wall_us} />
                }) }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ResultCardProps {
    trace: RunTrace,
    axis_end_us: u64,
    sequential_wall_us: Option<u64>,
}

#[component]
fn ResultCard(props: &ResultCardProps) -> Html {
    let trace = &props.trace;
    let mode = trace.mode;
    let speedup = props
        .sequential_wall_us
        .filter(|_| trace.wall_us > 0 && !trace.stopped)
        .map(|sequential| sequential as f64 / trace.wall_us as f64);
    let heading_id = format!("result-{}", mode.as_str());
    let cores =
        if trace.cores == 1 { "1 core".to_string() } else { format!("{} cores", trace.cores) };
    html! {
        <article class="card" data-mode={mode.as_str()} data-wall-ms={format!("{:.3}", trace.wall_us as f64 / 1000.0)}
            aria-labelledby={heading_id.clone()}>
            <header class="card-head">
            <div>
                <h3 id={heading_id}>{ mode_title(mode) }</h3>
                <p class="summary">{ mode_summary(mode) }</p>
            </div>
            <dl class="figures">
                <div><dt>{ "Wall time" }</dt><dd class="wall">{ format_ms(trace.wall_us) }</dd></div>
                <div><dt>{ "Speedup" }</dt><dd class="speedup">{
                    speedup.map_or("–".to_string(), |s| format!("{s:.2}×"))
                }</dd></div>
                <div><dt>{ "Cores" }</dt><dd>{ cores }</dd></div>
                if mode == Mode::SingleLock {
                    <div><dt>{ "Lock switches" }</dt><dd>{ trace.gil_switches }</dd></div>
                }
            </dl>
            </header>
            if trace.stopped {
                <p class="stopped">{ "Stopped before every task finished." }</p>
            }
            <Timeline trace={trace.clone()} axis_end_us={props.axis_end_us} />
            <details>
                <summary>{ "Time per task" }</summary>
                <table>
                    <thead><tr>
                        <th scope="col">{ "Task" }</th>
                        { for SPAN_STYLES.iter().map(|style| html! { <th scope="col">{ style.label }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for trace.tasks.iter().map(|task| html! {
                            <tr>
                                <th scope="row">{ &task.name }</th>
                                { for SPAN_STYLES.iter().map(|style| html! {
                                    <td>{ format_ms(task.total_us(style.kind)) }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </article>
    }
}
