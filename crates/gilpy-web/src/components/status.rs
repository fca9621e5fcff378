//! What the runner is doing: starting, ready with N cores, unavailable and why, or running
//! (which mode, for how long). A polite live region, so screen readers hear it too.

use gilpy_variants::RunMode;
use yew::prelude::*;

use crate::components::timeline::format_ms;
use crate::state::{ActiveRun, RunKind, RunnerStatus};

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub runner: RunnerStatus,
    pub active: Option<ActiveRun>,
    pub last_run_stopped: bool,
    pub has_results: bool,
    pub error: Option<String>,
    pub hardware_cores: usize,
    pub run_mode: RunMode,
    /// Why real cores cannot run here (runs are simulated then).
    pub real_unavailable: Option<String>,
}

#[component]
pub fn Status(props: &StatusProps) -> Html {
    let runner = match (&props.runner, props.run_mode) {
        (RunnerStatus::Starting, _) => html! { <p>{ "Starting the worker threads…" }</p> },
        (RunnerStatus::Ready { .. }, RunMode::Simulated { seed, cores }) => html! {
            <p>{ format!("Ready to simulate: {cores} virtual cores, seed {seed}.") }</p>
        },
        (RunnerStatus::Ready { cores }, RunMode::Real) => html! {
            <p>{ format!("Ready: {cores} worker threads on the {} cores this browser reports.", props.hardware_cores) }</p>
        },
        (RunnerStatus::Unavailable { reason }, _) => html! {
            <div class="unavailable">
                <p><strong>{ "Real cores are unavailable here. " }</strong>{ reason }</p>
            </div>
        },
    };
    let progress = props.active.as_ref().and_then(|active| {
        let RunKind::Modes { total, pending, current } = &active.kind else { return None };
        let stopping = if active.stop_requested { "; stopping…" } else { "" };
        let done = total - pending.len() - usize::from(current.is_some());
        let text = match current {
            Some(mode) => format!(
                "Running {} ({} of {total}): {} elapsed{stopping}",
                mode.title(),
                done + 1,
                format_ms(active.elapsed_us),
            ),
            None => format!("Starting the next mode ({} of {total})…", done + 1),
        };
        Some(html! {
            <div class="progress">
                <progress value={done.to_string()} max={total.to_string()} aria-label="Modes finished"></progress>
                <span>{ text }</span>
            </div>
        })
    });
    let outcome = (props.active.is_none() && props.has_results).then(|| {
        if props.last_run_stopped {
            html! { <p>{ "Stopped. The cards show what ran until then." }</p> }
        } else {
            html! { <p>{ "Run complete." }</p> }
        }
    });
    html! {
        <section class="status" role="status" aria-live="polite">
            { runner }
            if let Some(reason) = &props.real_unavailable {
                <div class="unavailable">
                    <p><strong>{ "Real cores are unavailable here. " }</strong>{ reason }</p>
                </div>
            }
            { for progress }
            { for outcome }
            if let Some(error) = &props.error {
                <p class="error" role="alert">{ error }</p>
            }
        </section>
    }
}
