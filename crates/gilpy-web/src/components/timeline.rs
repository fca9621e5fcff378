//! A run's timeline: one row per task on a time axis shared by every card, one rectangle per
//! span. Built as HTML text in one pass (runs can have thousands of spans, and diffing them as
//! virtual DOM nodes would block the main thread), then inserted as is.
//!
//! Labels and ticks are HTML text, so they stay readable at any width; each lane is an SVG whose
//! rectangles are placed in percentages (no viewBox), so lanes stretch without distorting the
//! patterns.

use std::fmt::Write;

use gilpy_runtime::{RunTrace, SpanKind};
use yew::prelude::*;

/// Each kind's look: a fill colour from the Okabe-Ito palette, which colour-blind readers can
/// tell apart, and a pattern so that nobody has to rely on colour alone.
pub struct SpanStyle {
    pub kind: SpanKind,
    pub label: &'static str,
    pub css_name: &'static str,
}

pub const SPAN_STYLES: [SpanStyle; 6] = [
    SpanStyle { kind: SpanKind::Running, label: "Running", css_name: "running" },
    SpanStyle {
        kind: SpanKind::WaitingForLock,
        label: "Waiting for the lock (GIL)",
        css_name: "waiting-for-lock",
    },
    SpanStyle {
        kind: SpanKind::BlockedIo,
        label: "Blocked (I/O, sleep, lock, join)",
        css_name: "blocked-io",
    },
    SpanStyle { kind: SpanKind::Ready, label: "Ready, no free core", css_name: "ready" },
    SpanStyle {
        kind: SpanKind::Serializing,
        label: "Serializing (pickling for another process)",
        css_name: "serializing",
    },
    SpanStyle { kind: SpanKind::Starting, label: "Starting a process", css_name: "starting" },
];

/// The kinds every Python run's legend shows.
pub const PYTHON_SPAN_KINDS: &[SpanKind] =
    &[SpanKind::Running, SpanKind::WaitingForLock, SpanKind::BlockedIo];

/// The legend's kinds for these traces: those every run shows, and "ready", "serializing" and
/// "starting a process" only where some thread was so (runs on fewer cores than threads;
/// runs with processes).
pub fn python_span_kinds<'a>(traces: impl IntoIterator<Item = &'a RunTrace>) -> Vec<SpanKind> {
    let traces: Vec<&RunTrace> = traces.into_iter().collect();
    let seen = |kind: SpanKind| {
        traces.iter().any(|trace| {
            trace.tasks.iter().any(|task| task.spans.iter().any(|span| span.kind == kind))
        })
    };
    let optional = [SpanKind::Ready, SpanKind::Serializing, SpanKind::Starting];
    PYTHON_SPAN_KINDS
        .iter()
        .copied()
        .chain(optional.into_iter().filter(|&kind| seen(kind)))
        .collect()
}

pub fn css_name(kind: SpanKind) -> &'static str {
    SPAN_STYLES.iter().find(|style| style.kind == kind).map_or("running", |style| style.css_name)
}

/// The patterns every lane refers to (`url(#pattern-KIND)`), rendered once per page by
/// [`PatternDefs`].
pub fn pattern_defs() -> &'static str {
    concat!(
        r#"<svg width="0" height="0" aria-hidden="true" class="pattern-defs"><defs>"#,
        r#"<pattern id="pattern-running" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" class="fill-running"/></pattern>"#,
        r#"<pattern id="pattern-waiting-for-lock" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="fill-waiting-for-lock"/><line x1="0" y1="0" x2="0" y2="6" class="hatch"/></pattern>"#,
        r#"<pattern id="pattern-blocked-io" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" class="fill-blocked-io"/><circle cx="3" cy="3" r="1.2" class="dot"/></pattern>"#,
        r#"<pattern id="pattern-ready" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" class="fill-ready"/></pattern>"#,
        r#"<pattern id="pattern-serializing" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" class="fill-serializing"/><line x1="0" y1="3" x2="6" y2="3" class="hatch"/></pattern>"#,
        r#"<pattern id="pattern-starting" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" class="fill-starting"/><path d="M0 0L6 6M6 0L0 6" class="hatch"/></pattern>"#,
        "</defs></svg>"
    )
}

#[component]
pub fn PatternDefs() -> Html {
    Html::from_html_unchecked(AttrValue::Static(pattern_defs()))
}

/// The timeline of `trace` as HTML, scaled so that `axis_end_us` spans the lane.
pub fn timeline_html(trace: &RunTrace, axis_end_us: u64) -> String {
    let mode = trace.mode.as_str();
    let percent = |us: u64| us as f64 * 100.0 / axis_end_us.max(1) as f64;
    let mut html =
        String::with_capacity(512 + trace.tasks.iter().map(|t| t.spans.len() * 200).sum::<usize>());
    let _ = write!(
        html,
        r#"<div class="timeline" data-mode="{mode}" role="img" aria-label="{}">"#,
        escape(&summary(trace)),
    );
    for (row, task) in trace.tasks.iter().enumerate() {
        let _ = write!(
            html,
            r#"<div class="timeline-row"><span class="row-label">{}</span><svg class="lane" width="100%" height="18" aria-hidden="true">"#,
            escape(&task.name),
        );
        let name = escape(&task.name);
        for span in &task.spans {
            // Spans too short to see still get a hairline, so no activity is invisible.
            let width = percent(span.duration_us()).max(0.15);
            let kind = css_name(span.kind);
            // The title is the hover detail: who, what, when, how long.
            let _ = write!(
                html,
                r#"<rect class="span {kind}" x="{:.3}%" y="0" width="{width:.3}%" height="18" fill="url(#pattern-{kind})" data-task="{row}" data-kind="{kind}" data-start-us="{}" data-end-us="{}"><title>{name}: {}, {} to {} ({})</title></rect>"#,
                percent(span.start_us),
                span.start_us,
                span.end_us,
                label(span.kind),
                format_ms(span.start_us),
                format_ms(span.end_us),
                format_ms(span.duration_us()),
            );
        }
        html.push_str("</svg></div>");
    }
    html.push_str(r#"<div class="timeline-axis" aria-hidden="true"><span class="row-label"></span><div class="ticks">"#);
    for tick in 0..=4 {
        let at_us = axis_end_us * tick / 4;
        let _ = write!(
            html,
            r#"<span class="tick" style="left:{:.1}%">{}</span>"#,
            percent(at_us),
            format_ms(at_us)
        );
    }
    html.push_str("</div></div></div>");
    html
}

/// The kind's legend label as it reads inside a sentence: "waiting for the lock (GIL)".
fn label(kind: SpanKind) -> String {
    let label =
        SPAN_STYLES.iter().find(|style| style.kind == kind).map_or("Running", |style| style.label);
    let mut chars = label.chars();
    chars.next().map_or(String::new(), |first| first.to_lowercase().chain(chars).collect())
}

/// What the timeline shows, in words, for screen readers: each row's time in each state.
fn summary(trace: &RunTrace) -> String {
    let rows = trace.tasks.len();
    let plural = if rows == 1 { "row" } else { "rows" };
    let mut text = format!("Timeline: {rows} {plural} over {}.", format_ms(trace.wall_us));
    for task in &trace.tasks {
        let _ = write!(text, " {}:", task.name);
        let parts: Vec<String> = SPAN_STYLES
            .iter()
            .map(|style| (style.kind, task.total_us(style.kind)))
            .filter(|(_, us)| *us > 0)
            .map(|(kind, us)| format!(" {} {}", label(kind), format_ms(us)))
            .collect();
        text.push_str(&parts.join(","));
        text.push('.');
    }
    text
}

/// `1234` µs as "1.2 ms", `2_500_000` as "2.50 s".
pub fn format_ms(us: u64) -> String {
    let ms = us as f64 / 1_000.0;
    if ms >= 1_000.0 {
        format!("{:.2} s", ms / 1_000.0)
    } else if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.1} ms")
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub trace: RunTrace,
    pub axis_end_us: u64,
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let html = use_memo((props.trace.clone(), props.axis_end_us), |(trace, axis_end_us)| {
        timeline_html(trace, *axis_end_us)
    });
    Html::from_html_unchecked(AttrValue::from((*html).clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use gilpy_runtime::{Mode, Span, TaskTrace};

    #[test]
    fn every_span_becomes_a_rectangle_on_the_shared_axis() {
        let span = |kind, start_us, end_us| Span { kind, start_us, end_us, core: Some(0) };
        let trace = RunTrace {
            mode: Mode::SingleLock,
            cores: 2,
            switch_interval_us: 5_000,
            wall_us: 10_000,
            tasks: vec![TaskTrace {
                name: "task <1>".into(),
                spans: vec![
                    span(SpanKind::Running, 0, 5_000),
                    span(SpanKind::WaitingForLock, 5_000, 10_000),
                ],
                finished: true,
            }],
            gil_switches: 2,
            stopped: false,
        };
        let html = timeline_html(&trace, 20_000);
        assert_eq!(html.matches(r#"class="span "#).count(), 2);
        let waiting = r#"data-kind="waiting-for-lock" data-start-us="5000" data-end-us="10000""#;
        assert!(html.contains(waiting), "{html}");
        // The axis is 20 ms long, so the second span starts a quarter of the way along.
        let placed = r#"<rect class="span waiting-for-lock" x="25.000%" y="0" width="25.000%""#;
        assert!(html.contains(placed), "{html}");
        assert!(html.contains("task &lt;1&gt;"));
        assert!(html.contains(r#"style="left:100.0%">20.0 ms</span>"#), "{html}");
        // Hovering a span names it; a screen reader hears each row's totals.
        assert!(html.contains("<title>task &lt;1&gt;: waiting for the lock (GIL), 5.0 ms to 10.0 ms (5.0 ms)</title>"), "{html}");
        assert!(
            html.contains(r#"aria-label="Timeline: 1 row over 10.0 ms. task &lt;1&gt;: running 5.0 ms, waiting for the lock (GIL) 5.0 ms.""#),
            "{html}"
        );
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_ms(1_234), "1.2 ms");
        assert_eq!(format_ms(123_456), "123 ms");
        assert_eq!(format_ms(2_500_000), "2.50 s");
    }
}

/// What each span's look means; one per panel that shows timelines.
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// The kinds the timelines beside it can show.
    #[prop_or_else(|| vec![SpanKind::Running, SpanKind::WaitingForLock, SpanKind::BlockedIo, SpanKind::Ready])]
    pub kinds: Vec<SpanKind>,
}

#[component]
pub fn Legend(props: &LegendProps) -> Html {
    html! {
        <ul class="legend" aria-label="Timeline legend">
            { for SPAN_STYLES.iter().filter(|style| props.kinds.contains(&style.kind)).map(|style| {
                let swatch = Html::from_html_unchecked(AttrValue::from(format!(
                    r#"<svg class="swatch" width="24" height="12" aria-hidden="true"><rect class="span {0}" width="24" height="12" fill="url(#pattern-{0})"/></svg>"#,
                    style.css_name
                )));
                html! { <li>{ swatch }{ style.label }</li> }
            }) }
        </ul>
    }
}
