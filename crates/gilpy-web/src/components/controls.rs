//! The workload's controls: native range inputs with visible labels and live values, a radio
//! group for the task type, checkboxes for the modes, and Run / Stop.

use gilpy_runtime::{Mode, TaskKind, WorkloadParams};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::mode_title;
use crate::state::{Action, Settings};

#[derive(Properties, PartialEq)]
struct SliderProps {
    id: AttrValue,
    label: AttrValue,
    min: f64,
    max: f64,
    step: f64,
    value: f64,
    /// The value as shown beside the label ("5 ms").
    shown: AttrValue,
    on_change: Callback<f64>,
    #[prop_or_default]
    hint: Option<AttrValue>,
}

#[component]
fn Slider(props: &SliderProps) -> Html {
    let on_input = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_change.emit(input.value_as_number());
        })
    };
    let output_id = format!("{}-value", props.id);
    html! {
        <div class="slider">
            <label for={props.id.clone()}>
                { &props.label }
                <output id={output_id.clone()} for={props.id.clone()}>{ &props.shown }</output>
            </label>
            <input type="range" id={props.id.clone()} name={props.id.clone()}
                min={props.min.to_string()} max={props.max.to_string()} step={props.step.to_string()}
                value={props.value.to_string()} aria-valuetext={props.shown.clone()}
                aria-describedby={props.hint.as_ref().map(|_| format!("{}-hint", props.id))}
                oninput={on_input} />
            if let Some(hint) = &props.hint {
                <small id={format!("{}-hint", props.id)} class="hint">{ hint }</small>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub settings: Settings,
    /// Cores the runner's pool offers (the Cores slider's maximum).
    pub pool_cores: usize,
    pub can_run: bool,
    pub running: bool,
    pub on_action: Callback<Action>,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
}

#[component]
pub fn Controls(props: &ControlsProps) -> Html {
    let settings = &props.settings;
    let params = settings.params;
    let act = |make: fn(f64) -> Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |value: f64| on_action.emit(make(value)))
    };
    let kind_radio = |kind: TaskKind, label: &'static str| {
        let on_action = props.on_action.clone();
        let id = format!("kind-{}", kind.as_str());
        html! {
            <label for={id.clone()} class="choice">
                <input type="radio" id={id} name="task-kind" value={kind.as_str()}
                    checked={params.kind == kind}
                    onchange={Callback::from(move |_| on_action.emit(Action::SetKind(kind)))} />
                { label }
            </label>
        }
    };
    let mode_checkbox = |mode: Mode| {
        let on_action = props.on_action.clone();
        let id = format!("mode-{}", mode.as_str());
        let enabled = settings.modes.contains(&mode);
        html! {
            <label for={id.clone()} class="choice">
                <input type="checkbox" id={id} name="modes" value={mode.as_str()} checked={enabled}
                    onchange={Callback::from(move |_| on_action.emit(Action::SetModeEnabled(mode, !enabled)))} />
                { mode_title(mode) }
            </label>
        }
    };
    let uses_cpu = params.kind != TaskKind::Io;
    let uses_io = params.kind != TaskKind::Cpu;
    let on_run = props.on_run.reform(|event: SubmitEvent| event.prevent_default());
    let on_stop = props.on_stop.reform(|_: MouseEvent| ());

    html! {
        <form class="controls" onsubmit={on_run} aria-label="Workload">
            <fieldset class="kind">
                <legend>{ "Task type" }</legend>
                { kind_radio(TaskKind::Cpu, "CPU-bound") }
                { kind_radio(TaskKind::Io, "I/O-bound") }
                { kind_radio(TaskKind::Mixed, "Mixed") }
            </fieldset>
            <Slider id="tasks" label="Tasks" min={1.0} max={f64::from(WorkloadParams::MAX_TASKS)} step={1.0}
                value={f64::from(params.tasks)} shown={params.tasks.to_string()}
                on_change={act(|v| Action::SetTasks(v as u32))} />
            <Slider id="work" label="Work per task" min={1.0} max={f64::from(WorkloadParams::MAX_WORK_MOPS)} step={1.0}
                value={f64::from(params.work_mops)} shown={format!("{} M operations", params.work_mops)}
                hint={(!uses_cpu).then_some(AttrValue::from("Not used by I/O-bound tasks."))}
                on_change={act(|v| Action::SetWorkMops(v as u32))} />
            <Slider id="io-wait" label="I/O wait" min={0.0} max={f64::from(WorkloadParams::MAX_IO_MS)} step={10.0}
                value={f64::from(params.io_ms)} shown={format!("{} ms", params.io_ms)}
                hint={(!uses_io).then_some(AttrValue::from("Not used by CPU-bound tasks."))}
                on_change={act(|v| Action::SetIoMs(v as u32))} />
            <Slider id="cores" label="Cores" min={1.0} max={props.pool_cores.max(1) as f64} step={1.0}
                value={settings.cores as f64} shown={format!("{} of {}", settings.cores, props.pool_cores)}
                hint={AttrValue::from("Sequential mode always uses one.")}
                on_change={act(|v| Action::SetCores(v as usize))} />
            <Slider id="switch-interval" label="Switch interval"
                min={Settings::MIN_SWITCH_INTERVAL_US as f64 / 1000.0} max={Settings::MAX_SWITCH_INTERVAL_US as f64 / 1000.0} step={0.5}
                value={settings.switch_interval_us as f64 / 1000.0}
                shown={format!("{} ms", settings.switch_interval_us as f64 / 1000.0)}
                hint={AttrValue::from("How long a thread waits for the lock before asking the holder to drop it (CPython's default: 5 ms).")}
                on_change={act(|v| Action::SetSwitchIntervalUs((v * 1000.0).round() as u64))} />
            <fieldset class="modes">
                <legend>{ "Modes to run" }</legend>
                { for Mode::ALL.into_iter().map(mode_checkbox) }
            </fieldset>
            <div class="buttons">
                <button type="submit" class="run" disabled={!props.can_run}>{ "Run" }</button>
                <button type="button" class="stop" disabled={!props.running} onclick={on_stop}>{ "Stop" }</button>
            </div>
        </form>
    }
}
