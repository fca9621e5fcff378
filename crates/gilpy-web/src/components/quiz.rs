//! The quiz: a question, its choices as a radio group, then the verdict in a live region. A
//! question with a workload runs it after the learner predicts, and the verdict sets the
//! prediction against what the run measured, pointing at the timeline that shows why.

use gilpy_variants::Mode;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::timeline::format_ms;
use crate::state::{Action, QuizPanel, QuizSource, SavedAnswer, Verdict};

#[derive(Properties, PartialEq)]
pub struct QuizProps {
    pub panel: QuizPanel,
    /// The latest run's wall time per mode (None if it did not finish): the verdict quotes them.
    pub walls: Vec<(Mode, Option<u64>)>,
    /// Whether a workload can start now (the runner is ready and idle).
    pub can_run: bool,
    pub on_action: Callback<Action>,
    /// Called with a file the learner chose to load as a quiz.
    pub on_file: Callback<web_sys::File>,
}

#[component]
pub fn QuizView(props: &QuizProps) -> Html {
    let panel = &props.panel;
    let question = panel.question();
    let count = panel.quiz.questions.len();
    let running = matches!(panel.verdict, Some(Verdict::Running { .. }));
    let runs = question.run.is_some();

    let on_toggle = props.on_action.reform(|event: Event| {
        let details: web_sys::HtmlDetailsElement = event.target_unchecked_into();
        Action::QuizOpen(details.open())
    });
    let on_submit = props.on_action.reform(|event: SubmitEvent| {
        event.prevent_default();
        Action::QuizSubmit
    });
    let on_go = |to: usize| props.on_action.reform(move |_: MouseEvent| Action::QuizGo(to));
    let on_jump = props.on_action.reform(|event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        Action::QuizGo(select.value().parse().unwrap_or(0))
    });
    let url_input = use_node_ref();
    let on_load_url = {
        let (on_action, url_input) = (props.on_action.clone(), url_input.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(input) = url_input.cast::<HtmlInputElement>() {
                on_action.emit(Action::QuizWantUrl(input.value()));
            }
        })
    };
    let on_file_chosen = {
        let callback = props.on_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                callback.emit(file);
            }
            input.set_value("");
        })
    };
    let on_builtin = props.on_action.reform(|_: MouseEvent| Action::QuizUseBuiltin);

    let choice = |(i, text): (usize, &String)| {
        let id = format!("quiz-choice-{i}");
        let on_pick = props.on_action.reform(move |_: Event| Action::QuizPick(i));
        let mark = match panel.verdict {
            Some(Verdict::Answered(answer)) => choice_mark(i, answer, question.answer),
            _ => None,
        };
        html! {
            <label class={classes!("quiz-choice", mark.map(|(class, _)| class))} for={id.clone()}>
                <input type="radio" name="quiz-choice" id={id} value={i.to_string()}
                    checked={panel.picked == Some(i)} disabled={panel.verdict.is_some()} onchange={on_pick} />
                <span>{ text }</span>
                if let Some((_, note)) = mark {
                    <span class="quiz-mark">{ note }</span>
                }
            </label>
        }
    };

    let submit_label = if runs { "Lock in and run" } else { "Check my answer" };
    let can_submit = panel.picked.is_some() && panel.verdict.is_none() && (!runs || props.can_run);
    let summary = format!(
        "Quiz: predict, then run ({} of {count} answered, {} right)",
        panel.answered_count(),
        panel.correct_count()
    );

    html! {
        <details class="quiz" id="quiz" open={panel.open} ontoggle={on_toggle}>
            <summary>{ summary }</summary>
            // A closed panel renders no body: the first render, one long task, stays short.
            if panel.open {
                <div class="quiz-body">
                    <div class="quiz-head">
                        <h2 id="quiz-title">{ &panel.quiz.title }</h2>
                        <label class="quiz-jump">
                            <span class="visually-hidden">{ "Go to question" }</span>
                            <select id="quiz-question" onchange={on_jump} disabled={running}>
                                { for (0..count).map(|i| {
                                    let done = panel.progress.get(&panel.quiz.questions[i].id)
                                        .map_or("", |a| if a.correct { " ✓" } else { " ✗" });
                                    html! { <option value={i.to_string()} selected={i == panel.at}>
                                        { format!("Question {} of {count}{done}", i + 1) }
                                    </option> }
                                }) }
                            </select>
                        </label>
                    </div>
                    <form class="quiz-question" onsubmit={on_submit}>
                        <fieldset>
                            <legend>{ &question.q }</legend>
                            { for question.choices.iter().enumerate().map(choice) }
                        </fieldset>
                        if runs && panel.verdict.is_none() {
                            <p class="hint">{ "Predict first. Then this question's workload goes into the editor and runs in the modes it compares, and your prediction is checked against what it measures." }</p>
                        }
                        if runs && panel.verdict.is_none() && !props.can_run {
                            <p class="hint" id="quiz-cannot-run">{ "This question runs a workload, which can start once the worker threads are ready and no other run is going (see the status below)." }</p>
                        }
                        if !matches!(panel.verdict, Some(Verdict::Answered(_))) {
                            <div class="buttons">
                                <button type="submit" id="quiz-submit" class="run" disabled={!can_submit}>{ submit_label }</button>
                            </div>
                        }
                    </form>
                    <div class="quiz-verdict" id="quiz-verdict" role="status" aria-live="polite">
                        { verdict(panel, &props.walls) }
                    </div>
                    <nav class="quiz-nav" aria-label="Questions">
                        <button type="button" id="quiz-previous" disabled={panel.at == 0 || running}
                            onclick={on_go(panel.at.saturating_sub(1))}>{ "← Previous" }</button>
                        <button type="button" id="quiz-next" disabled={panel.at + 1 >= count || running}
                            onclick={on_go(panel.at + 1)}>{ "Next →" }</button>
                    </nav>
                    <details class="quiz-source">
                        <summary>{ "Use another quiz" }</summary>
                        <p class="hint">
                            { "A quiz is a JSON file: see " }
                            <a href="quiz.schema.json">{ "its schema" }</a>
                            { ". Progress is kept in this browser only." }
                        </p>
                        <label class="file">
                            { "Open a quiz file " }
                            <input type="file" id="quiz-file" accept=".json,application/json" onchange={on_file_chosen} />
                        </label>
                        <form class="quiz-url" onsubmit={on_load_url}>
                            <label for="quiz-url">{ "or its address" }</label>
                            <input type="url" id="quiz-url" ref={url_input} placeholder="https://…/quiz.json" />
                            <button type="submit">{ "Load" }</button>
                        </form>
                        if panel.source != QuizSource::Builtin {
                            <button type="button" id="quiz-builtin" onclick={on_builtin}>{ "Back to the built-in quiz" }</button>
                        }
                    </details>
                    if let Some((url, _)) = &panel.wanted_url {
                        <p class="hint">{ format!("Loading the quiz at {url}…") }</p>
                    }
                    if let Some(problem) = &panel.load_problem {
                        <p class="error" id="quiz-problem" role="alert">{ problem }</p>
                    }
                </div>
            }
        </details>
    }
}

/// How a choice is marked once answered: a class for its colour and a word for readers who
/// cannot see colour.
fn choice_mark(
    i: usize,
    answer: SavedAnswer,
    expected: usize,
) -> Option<(&'static str, &'static str)> {
    let bore_out = answer.measured.unwrap_or(expected);
    match (i == answer.predicted, i == bore_out) {
        (true, true) => Some(("right", "your prediction, and what happened")),
        (true, false) => Some(("wrong", "your prediction")),
        (false, true) if answer.measured.is_some() => Some(("right", "what the run measured")),
        (false, true) => Some(("right", "the answer")),
        (false, false) => None,
    }
}

fn verdict(panel: &QuizPanel, walls: &[(Mode, Option<u64>)]) -> Html {
    let question = panel.question();
    let answer = match panel.verdict {
        None => return html! {},
        Some(Verdict::Running { .. }) => {
            return html! { <p>{ "Running the workload… your prediction is locked in." }</p> };
        }
        Some(Verdict::Answered(answer)) => answer,
    };
    let headline = if answer.correct { "Right." } else { "Not quite." };
    let run = question.run.as_ref();
    let measured = run.map(|run| match answer.measured {
        Some(m) => {
            let walls: Vec<String> = run
                .modes
                .iter()
                .filter_map(|mode| {
                    let wall = walls.iter().find(|(m, _)| m == mode)?.1?;
                    Some(format!("{} {}", mode.title(), format_ms(wall)))
                })
                .collect();
            let differs = (m != question.answer).then(|| {
                format!(
                    " That is not what usually happens (\u{201c}{}\u{201d}): timings vary from machine to machine, so run it again or read the timeline.",
                    question.choices[question.answer]
                )
            });
            html! {
                <p class="measured">
                    { format!("This run measured: \u{201c}{}\u{201d}", question.choices[m]) }
                    if !walls.is_empty() { { format!(" ({}).", walls.join(", ")) } } else { { "." } }
                    { differs.unwrap_or_default() }
                </p>
            }
        }
        None => html! {
            <p class="measured">{ "This run measured nothing to check against (a mode was stopped or failed), so the expected answer decides." }</p>
        },
    });
    let look_at = question.look_at();
    html! {
        <>
            <p class={classes!("headline", if answer.correct { "right" } else { "wrong" })}>
                <strong>{ headline }</strong>
                { format!(" You predicted \u{201c}{}\u{201d}.", question.choices[answer.predicted]) }
            </p>
            { for measured }
            <p class="explain">{ &question.explain }</p>
            if let Some(mode) = look_at {
                { look_at_link(mode) }
            }
        </>
    }
}

/// A button, not an anchor: a fragment in the address is a share link.
fn look_at_link(mode: Mode) -> Html {
    let card_id = format!("card-{}", mode.as_str());
    let on_click = Callback::from(move |_: MouseEvent| {
        let card = web_sys::window()
            .and_then(|window| window.document())
            .and_then(|document| document.get_element_by_id(&card_id));
        if let Some(card) = card.and_then(|card| card.dyn_into::<web_sys::HtmlElement>().ok()) {
            card.scroll_into_view();
            card.focus().ok();
        }
    });
    html! {
        <p><button type="button" class="look-at" onclick={on_click}>
            { format!("See it in the {} timeline ↓", mode.title()) }
        </button></p>
    }
}
