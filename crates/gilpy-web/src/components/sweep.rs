//! "Does adding cores help?": the sweep's button, its progress, and its answer as a chart of
//! speedup against real or virtual cores (a line per mode, each with its own colour, dash and
//! marker) and the same figures as a table, which screen readers and tests read.

use std::fmt::Write as _;

use gilpy_variants::Mode;
use yew::prelude::*;

use crate::state::{CoreSweep, SweepPoint};

#[derive(Properties, PartialEq)]
pub struct SweepProps {
    pub sweep: Option<CoreSweep>,
    /// The program running now, and how many of the sweep's are done and in all.
    pub running: Option<(Option<SweepPoint>, usize, usize)>,
    pub can_run: bool,
    /// The most cores a new sweep goes up to.
    pub most: usize,
    /// Whether a new sweep runs on real cores (else virtual ones).
    pub real: bool,
    /// Whether the editor still holds the code (and version) the sweep measured.
    pub stale: bool,
    pub on_sweep: Callback<()>,
    pub on_stop: Callback<()>,
}

#[component]
pub fn Sweep(props: &SweepProps) -> Html {
    let on_sweep = props.on_sweep.reform(|_: MouseEvent| ());
    let on_stop = props.on_stop.reform(|_: MouseEvent| ());
    let kind = if props.real { "real" } else { "virtual" };
    let progress = props.running.map(|(point, done, total)| {
        let what = point.map_or("the next program".to_string(), |p| {
            format!("{} on {} {kind} {}", p.mode.title(), p.cores, cores_word(p.cores))
        });
        format!("Sweeping: {what} ({} of {total})…", done + 1)
    });
    html! {
        <section class="sweep" id="core-sweep" aria-labelledby="sweep-title"
            data-run-state={if props.running.is_some() { "running" } else { "idle" }}>
            <div class="sweep-head">
                <h2 id="sweep-title">{ "Does adding cores help?" }</h2>
                <div class="buttons">
                    <button id="sweep-cores" disabled={!props.can_run} onclick={on_sweep}>
                        { format!("Sweep 1–{} {kind} cores", props.most) }
                    </button>
                    if props.running.is_some() {
                        <button id="stop-sweep" onclick={on_stop}>{ "Stop" }</button>
                    }
                </div>
            </div>
            if props.real {
                <p class="hint">{ format!("Runs each mode's program on 1 to {} of this machine's cores (the \
                    others left idle) and plots how many times faster than sequential it ends. Real timings \
                    vary a little from run to run.", props.most) }</p>
            } else {
                <p class="hint">{ "Simulates each mode's program on 1, 2, 4, … virtual cores and plots how many times \
                    faster than sequential it ends. Simulated, so it runs the same anywhere and can go past this \
                    machine's cores." }</p>
            }
            <p class="sweep-progress" role="status" aria-live="polite">{ progress.unwrap_or_default() }</p>
            if let Some(sweep) = &props.sweep {
                if props.stale {
                    <p class="hint" id="sweep-stale">{ "Measured for the code as it was before your last change." }</p>
                }
                <div class="sweep-figure">
                    { Html::from_html_unchecked(AttrValue::from(chart_svg(sweep))) }
                    { legend(sweep) }
                </div>
                { table(sweep) }
            }
        </section>
    }
}

/// "core" or "cores", as the count asks.
pub(crate) fn cores_word(cores: usize) -> &'static str {
    if cores == 1 {
        "core"
    } else {
        "cores"
    }
}

/// Modes drawn as lines: every swept mode but sequential, which is the 1× line itself.
fn plotted(sweep: &CoreSweep) -> impl Iterator<Item = Mode> + '_ {
    sweep.modes.iter().copied().filter(|mode| *mode != Mode::Sequential)
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 260.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 40.0;

/// The chart as SVG text (as the timeline is): x is the core count, evenly spaced as the counts
/// double; y is the speedup, from 0 to a little past the best measured.
fn chart_svg(sweep: &CoreSweep) -> String {
    let counts = &sweep.core_counts;
    let best = plotted(sweep)
        .flat_map(|mode| counts.iter().filter_map(move |&c| sweep.speedup(mode, c)))
        .fold(1.0f64, f64::max);
    let top = (best * 1.15).ceil().max(2.0);
    let x = |i: usize| {
        let span = WIDTH - LEFT - RIGHT;
        LEFT + if counts.len() > 1 {
            span * i as f64 / (counts.len() - 1) as f64
        } else {
            span / 2.0
        }
    };
    let y = |speedup: f64| TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - speedup / top);
    let mut svg = format!(
        r#"<svg class="sweep-chart" id="sweep-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="sweep-title" preserveAspectRatio="xMidYMid meet">"#
    );
    // Grid: a line per whole speedup (at most 8 of them), labelled.
    let step = (top / 8.0).ceil().max(1.0);
    let mut tick = 0.0;
    while tick <= top {
        let class = if tick == 1.0 { "axis baseline" } else { "axis" };
        let _ = write!(
            svg,
            r#"<line class="{class}" x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}"/><text class="tick" x="{}" y="{:.1}" text-anchor="end">{tick}×</text>"#,
            WIDTH - RIGHT,
            LEFT - 6.0,
            y(tick) + 4.0,
            y = y(tick),
        );
        tick += step;
    }
    for (i, cores) in counts.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<text class="tick" x="{:.1}" y="{}" text-anchor="middle">{cores}</text>"#,
            x(i),
            HEIGHT - BOTTOM + 16.0
        );
    }
    let _ = write!(
        svg,
        r#"<text class="tick" x="{:.1}" y="{}" text-anchor="middle">{} cores</text>"#,
        LEFT + (WIDTH - LEFT - RIGHT) / 2.0,
        HEIGHT - 6.0,
        sweep.kind_of_cores(),
    );
    for mode in plotted(sweep) {
        let points: Vec<(usize, f64)> = (0..counts.len())
            .filter_map(|i| sweep.speedup(mode, counts[i]).map(|s| (i, s)))
            .collect();
        let path: Vec<String> =
            points.iter().map(|&(i, s)| format!("{:.1},{:.1}", x(i), y(s))).collect();
        let _ = write!(
            svg,
            r#"<polyline class="series {}" points="{}"/>"#,
            mode.as_str(),
            path.join(" ")
        );
        for (i, speedup) in points {
            let _ = write!(
                svg,
                r##"<use href="#marker-{mode}" class="point {mode}" x="{:.1}" y="{:.1}" data-mode="{mode}" data-cores="{count}" data-speedup="{speedup:.3}"><title>{title}: {speedup:.2}× on {count} {kind} {word}</title></use>"##,
                x(i),
                y(speedup),
                kind = sweep.kind_of_cores(),
                mode = mode.as_str(),
                title = mode.title(),
                count = counts[i],
                word = cores_word(counts[i]),
            );
        }
    }
    svg.push_str(MARKERS);
    svg.push_str("</svg>");
    svg
}

/// A marker shape per mode, so the lines differ in more than colour (the legend's use them too).
const MARKERS: &str = r#"<defs>
<circle id="marker-free-threaded" r="5" class="marker"/>
<rect id="marker-threads" x="-4.5" y="-4.5" width="9" height="9" class="marker"/>
<path id="marker-processes" d="M0,-6 L5.5,4 L-5.5,4 Z" class="marker"/>
<path id="marker-asyncio" d="M0,-6 L6,0 L0,6 L-6,0 Z" class="marker"/>
</defs>"#;

fn legend(sweep: &CoreSweep) -> Html {
    html! {
        <ul class="sweep-legend" aria-hidden="true">
            <li><svg viewBox="0 0 36 12" width="36" height="12"><line class="axis baseline" x1="0" x2="36" y1="6" y2="6"/></svg>
                { "sequential (1×)" }</li>
            { for plotted(sweep).map(|mode| html! {
                <li>
                    { Html::from_html_unchecked(AttrValue::from(format!(
                        r##"<svg viewBox="0 0 36 12" width="36" height="12"><line class="series {m}" x1="0" x2="36" y1="6" y2="6"/><use href="#marker-{m}" class="point {m}" x="18" y="6"/></svg>"##,
                        m = mode.as_str()
                    ))) }
                    { mode.title() }
                </li>
            }) }
        </ul>
    }
}

fn table(sweep: &CoreSweep) -> Html {
    html! {
        <table class="sweep-table" id="sweep-table" data-cores-kind={sweep.kind_of_cores()}>
            <caption>{ match sweep.real {
                true => "Speedup over sequential, measured on this machine's real cores".to_string(),
                false => format!("Speedup over sequential, simulated with seed {}", sweep.seed),
            } }</caption>
            <thead>
                <tr>
                    <th scope="col">{ "Mode" }</th>
                    { for sweep.core_counts.iter().map(|c| html! {
                        <th scope="col">{ format!("{c} {}", cores_word(*c)) }</th>
                    }) }
                </tr>
            </thead>
            <tbody>
                { for plotted(sweep).map(|mode| html! {
                    <tr data-mode={mode.as_str()}>
                        <th scope="row">{ mode.title() }</th>
                        { for sweep.core_counts.iter().map(|&cores| {
                            let speedup = sweep.speedup(mode, cores);
                            html! {
                                <td data-cores={cores.to_string()}
                                    data-ran-on={sweep.ran_on(mode, cores).map(|n| n.to_string())}
                                    data-speedup={speedup.map(|s| format!("{s:.3}"))}>
                                    { speedup.map_or("–".to_string(), |s| format!("{s:.2}×")) }
                                </td>
                            }
                        }) }
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
