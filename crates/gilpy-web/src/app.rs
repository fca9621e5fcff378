//! The app: owns the state and the runner client, and wires components to them.

use gilpy_protocol::{ToRunner, MAX_POOL_CORES};
use gilpy_variants::{Mode, RunMode};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::address::{link_in_address, share_link};
use crate::components::controls::Controls;
use crate::components::program::Program;
use crate::components::quiz::QuizView;
use crate::components::results::Results;
use crate::components::share::Share;
use crate::components::status::Status;
use crate::components::sweep::Sweep;
use crate::components::timeline::PatternDefs;
use crate::embed::{self, embed_requested, in_frame, without_embed};
use crate::quiz_files;
use crate::runner_client::{cross_origin_isolated, hardware_concurrency, RunnerClient};
use crate::state::{Action, ActiveRun, Playground, QuizSource, RunKind, RunnerStatus};

/// A runner that crashes this many times in a row without once becoming ready is not
/// restarted again (a program that crashes a ready runner, say by filling the memory, may do
/// so any number of times).
const MAX_RESTARTS: u32 = 3;

/// A run still going this long after Stop has a runner that cannot answer (a worker died, or
/// a wait that never checks its breaker): the page replaces the runner.
const STOP_GRACE_MS: i32 = 2_000;

const NOT_ISOLATED_IN_FRAME: &str = "Real threads are unavailable inside this frame: the browser did not isolate \
    it, so it withholds the shared memory the worker threads need, and runs here are simulated. Chrome 137 or later \
    on a desktop isolates it through the Document-Isolation-Policy header; elsewhere, open the playground in a new \
    tab to run on real cores.";

const NOT_ISOLATED: &str = "This page is not cross-origin isolated, so the browser withholds the shared memory that \
    lets worker threads share one wasm heap, and runs here are simulated. Serve it with the headers \
    Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp (the README's serve \
    command does), or from a host that runs the bundled coi-serviceworker. Inside an iframe, the embedding page \
    must allow it too.";

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let mut playground = Playground::default();
        if let Some(link) = link_in_address() {
            playground.apply(Action::OpenLink(link));
        }
        playground
    });
    let runner = use_mut_ref(|| None::<RunnerClient>);
    // Bumped to replace a crashed runner with a new one.
    let generation = use_state(|| 0u32);
    let restarts_in_a_row = use_mut_ref(|| 0u32);
    if matches!(state.runner, RunnerStatus::Ready { .. }) {
        *restarts_in_a_row.borrow_mut() = 0;
    }
    let hardware_cores = use_memo((), |_| hardware_concurrency());
    // Replaces the runner (the worker and its pool) with a new one, saying why.
    let restart_runner = {
        let (dispatch, generation, restarts) =
            (state.dispatcher(), generation.clone(), restarts_in_a_row.clone());
        Callback::from(move |why: String| {
            *restarts.borrow_mut() += 1;
            dispatch.dispatch(Action::RunnerRestarting(why));
            generation.set(*generation + 1);
        })
    };
    // The run in flight now, for timers that outlive this render.
    let run_in_flight = use_mut_ref(|| None::<u64>);
    *run_in_flight.borrow_mut() = state.active.as_ref().map(|active| active.run_id);

    {
        let (dispatch, runner, on_crash, hardware_cores) =
            (state.dispatcher(), runner.clone(), restart_runner.clone(), *hardware_cores);
        let restarts_in_a_row = restarts_in_a_row.clone();
        use_effect_with(*generation, move |_| {
            // Without isolation the runner still simulates, on its own thread.
            let isolated = cross_origin_isolated();
            if !isolated {
                let reason = if in_frame() { NOT_ISOLATED_IN_FRAME } else { NOT_ISOLATED };
                dispatch.dispatch(Action::RealUnavailable(reason.to_string()));
            }
            if *restarts_in_a_row.borrow() > MAX_RESTARTS {
                dispatch.dispatch(Action::RunnerUnavailable(format!(
                    "The runner crashed {MAX_RESTARTS} times in a row; reload the page to try again."
                )));
            } else {
                let dispatch_action = {
                    let dispatch = dispatch.clone();
                    Callback::from(move |action| dispatch.dispatch(action))
                };
                let cores = if isolated { hardware_cores.min(MAX_POOL_CORES) } else { 0 };
                match RunnerClient::spawn(cores, dispatch_action, on_crash) {
                    Ok(client) => *runner.borrow_mut() = Some(client),
                    Err(reason) => dispatch.dispatch(Action::RunnerUnavailable(reason)),
                }
            }
        });
    }

    // The runner reads each edit (and the code again for a new runner): colours, syntax errors.
    {
        let (runner, check_id) = (runner.clone(), use_mut_ref(|| 0u64));
        let program = &state.program;
        use_effect_with(
            (program.source.clone(), program.python.clone(), *generation),
            move |(source, python, _)| {
                if let Some(client) = runner.borrow().as_ref() {
                    *check_id.borrow_mut() += 1;
                    client.send(&ToRunner::Check {
                        check_id: *check_id.borrow(),
                        source: source.clone(),
                        python: python.clone(),
                    });
                }
            },
        );
    }

    // In a course page's iframe: keep the parent told of the height and of each run's results.
    let embedded = *use_memo((), |_| embed_requested());
    let framed = *use_memo((), |_| in_frame());
    let parent_talk = use_mut_ref(|| None);
    use_effect_with((), move |()| *parent_talk.borrow_mut() = embed::start_talking_to_parent());
    {
        let state = state.clone();
        use_effect_with(state.completed_mode_runs, move |runs| {
            if framed && *runs > 0 {
                let figures = embed::mode_figures(&state.results, |mode| state.speedup(mode));
                embed::post_result(state.last_run_stopped, &figures);
            }
        });
    }

    // A link pasted into the address bar of the open page changes only the fragment.
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |()| {
            let on_hash_change = Closure::<dyn Fn()>::new(move || {
                if let Some(link) = link_in_address() {
                    dispatch.dispatch(Action::OpenLink(link));
                }
            });
            let window = web_sys::window().expect("the page has a window");
            window
                .add_event_listener_with_callback(
                    "hashchange",
                    on_hash_change.as_ref().unchecked_ref(),
                )
                .ok();
            move || {
                window
                    .remove_event_listener_with_callback(
                        "hashchange",
                        on_hash_change.as_ref().unchecked_ref(),
                    )
                    .ok();
            }
        });
    }

    // A quiz address to fetch (typed in, or carried by a link).
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.quiz.wanted_url.clone(), move |wanted| {
            if let Some((url, at)) = wanted.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = quiz_files::fetch(&url).await;
                    dispatch.dispatch(Action::QuizLoaded {
                        source: QuizSource::Url(url),
                        result,
                        at,
                    });
                });
            }
        });
    }
    // The learner's answers to each quiz live in localStorage: read when a quiz opens, written
    // when they change (never while empty, so a load cannot be overwritten before it lands).
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.quiz.source.clone(), move |source| {
            dispatch.dispatch(Action::QuizProgressLoaded(quiz_files::load_progress(source)));
        });
        use_effect_with(
            (state.quiz.source.clone(), state.quiz.progress.clone()),
            |(source, progress)| {
                if !progress.is_empty() {
                    quiz_files::save_progress(source, progress);
                }
            },
        );
    }
    let on_quiz_file = {
        let dispatch = state.dispatcher();
        Callback::from(move |file: web_sys::File| {
            let dispatch = dispatch.clone();
            let source = QuizSource::File(file.name());
            wasm_bindgen_futures::spawn_local(async move {
                let result = quiz_files::read_file(file).await;
                dispatch.dispatch(Action::QuizLoaded { source, result, at: 0 });
            });
        })
    };

    // A run of the modes posts each mode's program when the one before has finished.
    {
        let (dispatch, runner) = (state.dispatcher(), runner.clone());
        let next = state.active.as_ref().and_then(|active| active.next_mode());
        let run_id = state.next_run_id();
        use_effect_with(next, move |next| {
            if let (Some((mode, request)), Some(client)) = (next, runner.borrow().as_ref()) {
                client.send(&ToRunner::RunPython { run_id, request: request.clone() });
                dispatch.dispatch(Action::ModeStarted { run_id, mode: *mode });
            }
        });
    }

    // The same callbacks from one render to the next: a component whose other props did not
    // change then skips its render (yew compares callbacks by identity), so a progress message
    // does not redraw the editor.
    let on_action = {
        let dispatch = state.dispatcher();
        use_callback((), move |action: Action, ()| {
            if action.starts_run() {
                dispatch_in_own_task(&dispatch, action);
            } else {
                dispatch.dispatch(action);
            }
        })
    };
    let on_run = {
        let dispatch = state.dispatcher();
        use_callback((), move |(), ()| dispatch_in_own_task(&dispatch, Action::RunModes))
    };
    let on_run_program = {
        let (state, runner) = (state.clone(), runner.clone());
        Callback::from(move |()| {
            if !state.can_run_program() {
                return;
            }
            let run_id = state.next_run_id();
            if let Some(client) = runner.borrow().as_ref() {
                client.send(&ToRunner::RunPython { run_id, request: state.program_request() });
                state.dispatch(Action::ProgramStarted { run_id });
            }
        })
    };
    let on_stop = {
        let (state, runner) = (state.clone(), runner.clone());
        Callback::from(move |()| {
            if let (Some(active), Some(client)) = (state.active.as_ref(), runner.borrow().as_ref())
            {
                client.send(&ToRunner::Stop { run_id: active.run_id });
                state.dispatch(Action::StopRequested);
                let (run_id, in_flight, restart) =
                    (active.run_id, run_in_flight.clone(), restart_runner.clone());
                after_ms(STOP_GRACE_MS, move || {
                    if *in_flight.borrow() == Some(run_id) {
                        restart.emit(format!(
                            "it did not answer Stop within {} s",
                            STOP_GRACE_MS / 1000
                        ));
                    }
                });
            }
        })
    };

    let active = state.active.as_ref();
    let as_written = active.filter(|active| active.is_as_written());
    let modes_active = state.active.clone().filter(ActiveRun::is_modes);
    let running_mode = match active.map(|active| &active.kind) {
        Some(RunKind::Modes { current, .. }) => *current,
        _ => None,
    };
    let sweeping = match active.map(|active| &active.kind) {
        Some(RunKind::Sweep { total, pending, current }) => {
            Some((*current, total - pending.len() - usize::from(current.is_some()), *total))
        }
        _ => None,
    };
    let sweep_most = state.sweep_most();
    let sweep_real = state.run_mode() == RunMode::Real;
    let on_sweep = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| {
            dispatch_in_own_task(&dispatch, Action::SweepCores { most: sweep_most })
        })
    };
    let sweep_stale = state.sweep.as_ref().is_some_and(|sweep| {
        sweep.source != state.program.source || sweep.python != state.program.python
    });
    let sequential_wall_us = state.result(Mode::Sequential).and_then(|r| r.finished_wall_us());
    let on_dismiss_link_problem = on_action.reform(|_: MouseEvent| Action::DismissLinkProblem);
    html! {
        <>
            // The fill patterns every timeline on the page refers to.
            <PatternDefs />
            <header class={classes!("masthead", embedded.then_some("compact"))}>
                <div>
                    <h1>{ "GIL Playground" }</h1>
                    if embedded || framed {
                        <a class="new-tab" id="open-in-new-tab" target="_blank" rel="noopener"
                            href={without_embed(&share_link(&state.shared()))}>{ "Open in a new tab ↗" }</a>
                    }
                    <p>{ "Pick a lesson or move the sliders; they write the Python below. Run every mode runs it one \
                          after another, in threads under the GIL, in free-threaded threads (3.13t), in processes and \
                          with asyncio, on real cores in your browser, and shows each side by side." }</p>
                </div>
                <Share shared={state.shared()} />
            </header>
            // In a frame the status line is often below the fold: say it where the learner looks.
            if framed && state.real_unavailable.is_some() {
                <p class="frame-note" id="frame-note" role="note">
                    <strong>{ "Real threads are unavailable inside this frame." }</strong>
                    { " The browser did not isolate it, so runs here are simulated; " }
                    <a target="_blank" rel="noopener" href={without_embed(&share_link(&state.shared()))}>
                        { "open the playground in a new tab" }</a>
                    { " to run on real cores." }
                </p>
            }
            if let Some(problem) = &state.link_problem {
                <div class="link-problem" id="link-problem" role="alert">
                    <p>{ problem }{ " Nothing from it was used; the playground keeps its own settings." }</p>
                    <button type="button" onclick={on_dismiss_link_problem}>{ "Dismiss" }</button>
                </div>
            }
            <main class="layout" data-run-state={if active.is_some() { "running" } else { "idle" }}
                data-completed-runs={state.completed_runs.to_string()}>
                <Controls settings={state.settings.clone()} driving_code={state.program.driven_by_sliders}
                    real_unavailable={state.real_unavailable.clone()} pool_cores={state.pool_cores()}
                    can_run={state.can_run()} running={modes_active.is_some()} on_action={on_action.clone()}
                    on_run={on_run} on_stop={on_stop.clone()} />
                <div class="output">
                    <QuizView panel={state.quiz.clone()}
                        walls={state.results.iter().map(|r| (r.mode, r.finished_wall_us())).collect::<Vec<_>>()}
                        can_run={state.can_run_program()} on_action={on_action.clone()} on_file={on_quiz_file} />
                    <Program program={state.program.clone()} can_run={state.can_run_program()}
                        running={as_written.is_some()}
                        stop_requested={as_written.is_some_and(|a| a.stop_requested)}
                        elapsed_us={as_written.map_or(0, |a| a.elapsed_us)}
                        on_action={on_action.clone()} on_run={on_run_program} on_stop={on_stop.clone()} />
                    <Status runner={state.runner.clone()} active={modes_active}
                        last_run_stopped={state.last_run_stopped} has_results={!state.results.is_empty()}
                        error={state.error.clone()} hardware_cores={*hardware_cores}
                        run_mode={state.run_mode()} real_unavailable={state.real_unavailable.clone()} />
                    <Results results={state.results.clone()} running={running_mode}
                        axis_end_us={state.axis_end_us()} sequential_wall_us={sequential_wall_us}
                        zoom={state.timeline_zoom} on_action={on_action.clone()} />
                    <Sweep sweep={state.sweep.clone()} running={sweeping} can_run={state.can_run()}
                        most={sweep_most} real={sweep_real} stale={sweep_stale} on_sweep={on_sweep} on_stop={on_stop} />
                </div>
            </main>
        </>
    }
}

/// Applies `action` in a task after the one running now. Starting a run redraws the status
/// and every result card; done in the click's own task, that render and the style and layout
/// the browser then forces to finish the click made one task of 45-50 ms. Apart, the click's
/// task ends in a few ms and the render is a task of its own, so input is handled between.
fn dispatch_in_own_task(dispatch: &UseReducerDispatcher<Playground>, action: Action) {
    let dispatch = dispatch.clone();
    after_ms(0, move || dispatch.dispatch(action));
}

/// Calls `then` once, `ms` from now, from the event loop.
fn after_ms(ms: i32, then: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(then);
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms);
    }
}
