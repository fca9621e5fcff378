//! The workload's controls: a preset, native range inputs with visible labels and live values
//! that write the code, a radio group for the task type, checkboxes for the modes, where to
//! run (real cores, or simulated with a seed and virtual cores), and Run / Stop. When the code
//! was edited by hand they say they no longer drive it.

use gilpy_variants::{
    group_digits, Mode, Sliders, TaskKind, MAX_SEED, MAX_SIMULATED_CORES, PRESETS,
};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::{Action, RunChoice, RunEdit, Settings, SliderEdit};

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
    /// The sliders write the code in the editor (false once it is edited by hand).
    pub driving_code: bool,
    /// Why real cores cannot run here; then runs are simulated whatever is chosen.
    pub real_unavailable: Option<String>,
    /// The runner's real cores (0 until it is ready).
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
    let sliders = settings.sliders;
    // Each slider emits its own change, which the state applies to the sliders as they are.
    let slide = |edit: fn(f64) -> SliderEdit| {
        let on_action = props.on_action.clone();
        Callback::from(move |value: f64| on_action.emit(Action::EditSliders(edit(value))))
    };
    let kind_radio = |kind: TaskKind, label: &'static str| {
        let on_action = props.on_action.clone();
        let id = format!("kind-{}", kind.as_str());
        html! {
            <label for={id.clone()} class="choice">
                <input type="radio" id={id} name="task-kind" value={kind.as_str()}
                    checked={sliders.kind == kind}
                    onchange={Callback::from(move |_| on_action.emit(Action::EditSliders(SliderEdit::Kind(kind))))} />
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
                { mode.title() }
            </label>
        }
    };
    let on_preset = props.on_action.reform(|event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        Action::ChoosePreset(select.value())
    });
    let on_reset = props.on_action.reform(|_: MouseEvent| Action::ResetToSliders);
    let unused = |used: bool, why: &'static str| (!used).then_some(AttrValue::from(why));
    let lesson = settings.preset.and_then(gilpy_variants::preset).map(|preset| preset.lesson);
    let run_choice = run_choice(
        settings.run,
        props.real_unavailable.as_deref(),
        props.pool_cores,
        &props.on_action,
    );
    let on_run = props.on_run.reform(|event: SubmitEvent| event.prevent_default());
    let on_stop = props.on_stop.reform(|_: MouseEvent| ());

    html! {
        <form class="controls" onsubmit={on_run} aria-label="Workload">
            <label class="preset">
                { "Lesson" }
                <select id="preset" onchange={on_preset}>
                    <option value="" selected={settings.preset.is_none()} disabled=true>{ "Your own settings" }</option>
                    { for PRESETS.iter().map(|preset| html! {
                        <option value={preset.id} selected={settings.preset == Some(preset.id)}>{ preset.title }</option>
                    }) }
                </select>
            </label>
            if let Some(lesson) = lesson {
                <p class="lesson" id="lesson">{ lesson }</p>
            }
            if !props.driving_code {
                <div class="detached" id="sliders-detached" role="note">
                    <p>{ "The code is your own now: the sliders no longer write it. Every mode still runs your \
                          workload, everything above its main block." }</p>
                    <button type="button" id="reset-code" onclick={on_reset}>{ "Let the sliders write the code" }</button>
                </div>
            }
            <fieldset class="kind">
                <legend>{ "Task type" }</legend>
                { kind_radio(TaskKind::Cpu, "CPU-bound") }
                { kind_radio(TaskKind::Io, "I/O-bound") }
                { kind_radio(TaskKind::Mixed, "Mixed") }
                { kind_radio(TaskKind::Counter, "Shared counter") }
            </fieldset>
            <Slider id="tasks" label="Tasks" min={1.0} max={f64::from(Sliders::MAX_TASKS)} step={1.0}
                value={f64::from(sliders.tasks)} shown={sliders.tasks.to_string()}
                on_change={slide(|v| SliderEdit::Tasks(v as u32))} />
            <Slider id="work" label="Work per task" min={f64::from(Sliders::ROUNDS_STEP)}
                max={f64::from(Sliders::MAX_ROUNDS)} step={f64::from(Sliders::ROUNDS_STEP)}
                value={f64::from(sliders.rounds)} shown={format!("{} rounds", group_digits(sliders.rounds, ','))}
                hint={unused(sliders.kind.computes(), "Not used by I/O-bound tasks.")}
                on_change={slide(|v| SliderEdit::Rounds(v as u32))} />
            <Slider id="io-wait" label="I/O wait" min={0.0} max={f64::from(Sliders::MAX_IO_MS)}
                step={f64::from(Sliders::IO_MS_STEP)}
                value={f64::from(sliders.io_ms)} shown={format!("{} ms", sliders.io_ms)}
                hint={unused(sliders.kind.waits(), "Only I/O-bound and mixed tasks wait.")}
                on_change={slide(|v| SliderEdit::IoMs(v as u32))} />
            <Slider id="cores" label="Processes" min={1.0} max={f64::from(Sliders::MAX_CORES)} step={1.0}
                value={f64::from(sliders.cores)} shown={sliders.cores.to_string()}
                hint={AttrValue::from("Worker processes in the process pool (CORES).")}
                on_change={slide(|v| SliderEdit::Cores(v as u32))} />
            <Slider id="switch-interval" label="Switch interval"
                min={f64::from(Sliders::MIN_SWITCH_INTERVAL_US) / 1000.0}
                max={f64::from(Sliders::MAX_SWITCH_INTERVAL_US) / 1000.0} step={0.5}
                value={f64::from(sliders.switch_interval_us) / 1000.0}
                shown={format!("{} ms", f64::from(sliders.switch_interval_us) / 1000.0)}
                hint={AttrValue::from("How long a thread keeps the GIL while another waits for it (CPython's default: 5 ms).")}
                on_change={slide(|v| SliderEdit::SwitchIntervalUs((v * 1000.0).round() as u32))} />
            <fieldset class="modes">
                <legend>{ "Modes to run" }</legend>
                { for Mode::ALL.into_iter().map(mode_checkbox) }
            </fieldset>
            { run_choice }
            <div class="buttons">
                <button type="submit" class="run" disabled={!props.can_run}>{ "Run every mode" }</button>
                <button type="button" class="stop" disabled={!props.running} onclick={on_stop}>{ "Stop" }</button>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct SeedFieldProps {
    seed: u64,
    on_action: Callback<Action>,
}

/// The seed as typed. Not a controlled input: yew writes a controlled input's value back on
/// every render, so a seed typed but not yet committed (or a field emptied to type another)
/// was undone whenever anything else re-rendered the page. Each valid keystroke goes to the
/// state at once, and the state's seed is written into the field only when the state changes
/// it (a share link, a clamp).
#[component]
fn SeedField(props: &SeedFieldProps) -> Html {
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with(props.seed, move |seed| {
            if let Some(input) = field.cast::<HtmlInputElement>() {
                if input.value_as_number() != *seed as f64 {
                    input.set_value(&seed.to_string());
                }
            }
        });
    }
    let on_input = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let seed = input.value_as_number();
            // Mid-edit the field may hold nothing valid: the seed stays what it was.
            if seed.is_finite() {
                on_action.emit(Action::EditRun(RunEdit::Seed(seed.max(0.0) as u64)));
            }
        })
    };
    let seed = props.seed;
    // Left empty, invalid or out of range, the field shows again the seed that runs.
    let on_change = Callback::from(move |event: Event| {
        let input: HtmlInputElement = event.target_unchecked_into();
        if input.value_as_number() != seed as f64 {
            input.set_value(&seed.to_string());
        }
    });
    html! {
        <input type="number" id="seed" name="seed" min="0" max={MAX_SEED.to_string()} step="1"
            inputmode="numeric" ref={field} oninput={on_input} onchange={on_change} />
    }
}

/// Real cores or simulated; the simulation's seed and virtual cores while it is chosen. Real is
/// off, with the reason beside it, where the page cannot share memory between workers.
fn run_choice(
    choice: RunChoice,
    real_unavailable: Option<&str>,
    pool_cores: usize,
    on_action: &Callback<Action>,
) -> Html {
    // The reason itself is in the status, once.
    let simulated = choice.simulated || real_unavailable.is_some();
    // Each emits its own change, which the state applies to the choice as it is then.
    let choose = |simulated: bool| {
        on_action.reform(move |_: Event| Action::EditRun(RunEdit::Simulated(simulated)))
    };
    let on_cores = on_action.reform(|value: f64| Action::EditRun(RunEdit::Cores(value as usize)));
    // All of them is no limit at all.
    let real_cores = choice.real_cores.unwrap_or(pool_cores).min(pool_cores);
    let on_real_cores = on_action.reform(move |value: f64| {
        let real_cores = Some(value as usize).filter(|cores| *cores < pool_cores);
        Action::EditRun(RunEdit::RealCores(real_cores))
    });
    html! {
        <fieldset class="run-on">
            <legend>{ "Run on" }</legend>
            <label for="run-real" class="choice">
                <input type="radio" id="run-real" name="run-on" value="real" checked={!simulated}
                    disabled={real_unavailable.is_some()} aria-describedby={real_unavailable.map(|_| "run-real-why")}
                    onchange={choose(false)} />
                { "Real cores" }
            </label>
            <label for="run-simulated" class="choice">
                <input type="radio" id="run-simulated" name="run-on" value="simulated" checked={simulated}
                    onchange={choose(true)} />
                { "Simulated" }
            </label>
            if real_unavailable.is_some() {
                <small id="run-real-why" class="hint">{ "Real cores are unavailable here; the status says why." }</small>
            } else if !simulated {
                <small class="hint">{ "Your browser's cores, one web worker per Python thread or process." }</small>
                if pool_cores > 1 {
                    <Slider id="real-cores" label="Real cores" min={1.0} max={pool_cores as f64} step={1.0}
                        value={real_cores as f64} shown={format!("{real_cores} of {pool_cores}")}
                        hint={AttrValue::from("How many of them the program's threads and processes share; fewer shows what each core brings.")}
                        on_change={on_real_cores} />
                }
            }
            if simulated {
                <small class="hint">{ "Virtual time on virtual cores: the same seed gives the same output and \
                    timelines on any machine." }</small>
                <label class="seed" for="seed">
                    { "Seed" }
                    <SeedField seed={choice.seed} on_action={on_action.clone()} />
                </label>
                <Slider id="virtual-cores" label="Virtual cores" min={1.0} max={MAX_SIMULATED_CORES as f64} step={1.0}
                    value={choice.cores as f64} shown={choice.cores.to_string()} on_change={on_cores} />
            }
        </fieldset>
    }
}
