//! What the runner is doing: starting, ready with N cores, unavailable and why, or running
//! (which mode, for how long). A polite live region, so screen readers hear it too.

use gilpy_runtime::Mode;
use yew::prelude::*;

use crate::components::mode_title;
use crate::components::timeline::format_ms;
use crate::state::{ActiveRun, RunnerStatus};

#[derive(Properties, PartialEq)]
pub struct StatusProps {
    pub runner: RunnerStatus,
    pub active: Option<ActiveRun>,
    pub last_run_stopped: bool,
    pub has_results: bool,
    pub error: Option<String>,
    pub hardware_cores: usize,
}

#[component]
pub fn Status(props: &StatusProps) -> Html {
    let runner = match &props.runner {
        RunnerStatus::Starting => html! { <p>{ "Starting the worker threads…" }</p> },
        RunnerStatus::Ready { cores } => html! {
            <p>{ format!("Ready: {cores} worker threads on the {} cores this browser reports.", props.hardware_cores) }</p>
        },
        RunnerStatus::Unavailable { reason } => html! {
            <div class="unavailable">
                <p><strong>{ "Real cores are unavailable here. " }</strong>{ reason }</p>
            </div>
        },
    };
    let progress = props.active.as_ref().map(|active| {
        let done_modes = |mode: Mode| active.modes.iter().position(|m| *m == mode).unwrap_or(0);
        let (text, value, max) = match active.progress {
            Some((mode, progress)) => (
                format!(
                    "Running {} ({} of {}): {} elapsed, {} of {} tasks done{}",
                    mode_title(mode),
                    done_modes(mode) + 1,
                    active.modes.len(),
                    format_ms(progress.elapsed_us),
                    progress.tasks_done,
                    progress.tasks_total,
                    if active.stop_requested { "; stopping…" } else { "" },
                ),
                done_modes(mode) * progress.tasks_total.max(1) + progress.tasks_done,
                active.modes.len() * progress.tasks_total.max(1),
            ),
            None => ("Starting the run…".to_string(), 0, 1),
        };
        html! {
            <div class="progress">
                <progress value={value.to_string()} max={max.to_string()} aria-label="Run progress"></progress>
                <span>{ text }</span>
            </div>
        }
    });
    let outcome = (props.active.is_none() && props.has_results).then(|| {
        if props.last_run_stopped {
            html! { <p>{ "Stopped. The timelines show what ran until then." }</p> }
        } else {
            html! { <p>{ "Run complete." }</p> }
        }
    });
    html! {
        <section class="status" role="status" aria-live="polite">
            { runner }
            { for progress }
            { for outcome }
            if let Some(error) = &props.error {
                <p class="error" role="alert">{ error }</p>
            }
        </section>
    }
}
