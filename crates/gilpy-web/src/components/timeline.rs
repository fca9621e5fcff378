//! A run's timeline: one row per task on a time axis shared by every card, one rectangle per
//! span. Built as SVG text in one pass (runs can have thousands of spans, and diffing them as
//! virtual DOM nodes would block the main thread), then inserted as is.

use std::fmt::Write;

use gilpy_runtime::{RunTrace, SpanKind};
use yew::prelude::*;

const WIDTH: f64 = 640.0;
const LABEL_WIDTH: f64 = 64.0;
const PLOT_WIDTH: f64 = WIDTH - LABEL_WIDTH - 8.0;
const ROW_HEIGHT: f64 = 16.0;
const ROW_GAP: f64 = 6.0;
const AXIS_HEIGHT: f64 = 22.0;

/// Each kind's look: a fill colour from the Okabe-Ito palette, which colour-blind readers can
/// tell apart, and a pattern so that nobody has to rely on colour alone.
pub struct SpanStyle {
    pub kind: SpanKind,
    pub label: &'static str,
    pub css_name: &'static str,
}

pub const SPAN_STYLES: [SpanStyle; 4] = [
    SpanStyle {
        kind: SpanKind::Running,
        label: "Running",
        css_name: "running",
    },
    SpanStyle {
        kind: SpanKind::WaitingForLock,
        label: "Waiting for the lock",
        css_name: "waiting-for-lock",
    },
    SpanStyle {
        kind: SpanKind::BlockedIo,
        label: "Blocked on I/O",
        css_name: "blocked-io",
    },
    SpanStyle {
        kind: SpanKind::Ready,
        label: "Ready, no free core",
        css_name: "ready",
    },
];

pub fn css_name(kind: SpanKind) -> &'static str {
    SPAN_STYLES
        .iter()
        .find(|style| style.kind == kind)
        .map_or("running", |style| style.css_name)
}

/// `<defs>` with one pattern per kind; `prefix` keeps ids unique in the document.
pub fn pattern_defs(prefix: &str) -> String {
    format!(
        r##"<defs><pattern id="{prefix}-running" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" class="fill-running"/></pattern><pattern id="{prefix}-waiting-for-lock" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" class="fill-waiting-for-lock"/><line x1="0" y1="0" x2="0" y2="6" class="hatch"/></pattern><pattern id="{prefix}-blocked-io" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" class="fill-blocked-io"/><circle cx="3" cy="3" r="1.2" class="dot"/></pattern><pattern id="{prefix}-ready" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" class="fill-ready"/></pattern></defs>"##
    )
}

/// The timeline of `trace` as an SVG document, scaled so that `axis_end_us` spans the plot.
pub fn timeline_svg(trace: &RunTrace, axis_end_us: u64) -> String {
    let mode = trace.mode.as_str();
    let rows = trace.tasks.len() as f64;
    let height = rows * (ROW_HEIGHT + ROW_GAP) + AXIS_HEIGHT;
    let scale = PLOT_WIDTH / axis_end_us.max(1) as f64;
    let mut svg = String::with_capacity(
        256 + trace
            .tasks
            .iter()
            .map(|t| t.spans.len() * 120)
            .sum::<usize>(),
    );
    let _ = write!(
        svg,
        r#"<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="img" aria-label="Timeline of the {mode} run: {} tasks over {}" data-mode="{mode}">"#,
        trace.tasks.len(),
        format_ms(trace.wall_us),
    );
    svg.push_str(&pattern_defs(&format!("p-{mode}")));
    for (row, task) in trace.tasks.iter().enumerate() {
        let y = row as f64 * (ROW_HEIGHT + ROW_GAP);
        let _ = write!(
            svg,
            r#"<text class="row-label" x="0" y="{:.1}">{}</text><rect class="lane" x="{LABEL_WIDTH}" y="{y:.1}" width="{PLOT_WIDTH}" height="{ROW_HEIGHT}"/>"#,
            y + ROW_HEIGHT * 0.75,
            escape(&task.name),
        );
        for span in &task.spans {
            let x = LABEL_WIDTH + span.start_us as f64 * scale;
            // Spans too short to see still get a hairline, so no activity is invisible.
            let width = (span.duration_us() as f64 * scale).max(0.4);
            let kind = css_name(span.kind);
            let _ = write!(
                svg,
                r#"<rect class="span {kind}" x="{x:.2}" y="{y:.1}" width="{width:.2}" height="{ROW_HEIGHT}" fill="url(#p-{mode}-{kind})" data-task="{row}" data-kind="{kind}" data-start-us="{}" data-end-us="{}"/>"#,
                span.start_us, span.end_us,
            );
        }
    }
    let axis_y = rows * (ROW_HEIGHT + ROW_GAP) + 4.0;
    let _ = write!(
        svg,
        r#"<line class="axis" x1="{LABEL_WIDTH}" y1="{axis_y:.1}" x2="{}" y2="{axis_y:.1}"/>"#,
        LABEL_WIDTH + PLOT_WIDTH
    );
    for tick in 0..=4 {
        let at_us = axis_end_us * tick / 4;
        let x = LABEL_WIDTH + at_us as f64 * scale;
        let anchor = match tick {
            0 => "start",
            4 => "end",
            _ => "middle",
        };
        let _ = write!(
            svg,
            r#"<line class="tick" x1="{x:.1}" y1="{axis_y:.1}" x2="{x:.1}" y2="{:.1}"/><text class="tick-label" x="{x:.1}" y="{:.1}" text-anchor="{anchor}">{}</text>"#,
            axis_y + 4.0,
            axis_y + 15.0,
            format_ms(at_us),
        );
    }
    svg.push_str("</svg>");
    svg
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
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    pub trace: RunTrace,
    pub axis_end_us: u64,
}

#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let svg = use_memo(
        (props.trace.clone(), props.axis_end_us),
        |(trace, axis_end_us)| timeline_svg(trace, *axis_end_us),
    );
    Html::from_html_unchecked(AttrValue::from((*svg).clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use gilpy_runtime::{Mode, Span, TaskTrace};

    #[test]
    fn every_span_becomes_a_rectangle_on_the_shared_axis() {
        let span = |kind, start_us, end_us| Span {
            kind,
            start_us,
            end_us,
            core: Some(0),
        };
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
        let svg = timeline_svg(&trace, 20_000);
        assert_eq!(svg.matches(r#"class="span "#).count(), 2);
        assert!(
            svg.contains(
                r#"data-kind="waiting-for-lock" data-start-us="5000" data-end-us="10000""#
            ),
            "{svg}"
        );
        // Half the axis is 10 ms, so the second span starts a quarter of the way along.
        assert!(
            svg.contains(&format!(r#"x="{:.2}""#, LABEL_WIDTH + PLOT_WIDTH / 4.0)),
            "{svg}"
        );
        assert!(svg.contains("task &lt;1&gt;"));
        assert!(svg.contains(">20.0 ms</text>"));
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_ms(1_234), "1.2 ms");
        assert_eq!(format_ms(123_456), "123 ms");
        assert_eq!(format_ms(2_500_000), "2.50 s");
    }
}
