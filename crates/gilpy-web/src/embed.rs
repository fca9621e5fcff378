//! Living in a course page's iframe: `?embed` asks for the compact layout, the page tells its
//! parent its height and each run's results with `postMessage`, and answers the one request a
//! parent may send. Messages are documented in docs/EMBEDDING.md.
//!
//! Nothing a parent sends is run or rendered: a message is read as JSON data, and only a
//! known `type` with no arguments is acted on.

use gilpy_variants::Mode;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Every message the page sends carries this `source`, so a parent can tell ours apart.
pub const MESSAGE_SOURCE: &str = "gil-playground";

/// Whether the address asks for the compact layout (`?embed`, with or without a value).
pub fn embed_requested() -> bool {
    let search = web_sys::window().and_then(|window| window.location().search().ok());
    search.is_some_and(|search| {
        search
            .trim_start_matches('?')
            .split('&')
            .any(|pair| pair.split('=').next() == Some("embed"))
    })
}

/// Whether the page runs inside a frame.
pub fn in_frame() -> bool {
    let Some(window) = web_sys::window() else { return false };
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(&parent, &window),
        _ => false,
    }
}

/// The page's address with `?embed` removed: what "open in a new tab" opens.
pub fn without_embed(link: &str) -> String {
    let (address, fragment) = link.split_once('#').map_or((link, None), |(a, f)| (a, Some(f)));
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    let query: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some("embed"))
        .collect();
    let mut out = path.to_string();
    if !query.is_empty() {
        out = format!("{out}?{}", query.join("&"));
    }
    if let Some(fragment) = fragment {
        out = format!("{out}#{fragment}");
    }
    out
}

/// The same address with `?embed` added.
pub fn with_embed(link: &str) -> String {
    let plain = without_embed(link);
    let (address, fragment) =
        plain.split_once('#').map_or((plain.as_str(), None), |(a, f)| (a, Some(f)));
    let separator = if address.contains('?') { '&' } else { '?' };
    match fragment {
        Some(fragment) => format!("{address}{separator}embed#{fragment}"),
        None => format!("{address}{separator}embed"),
    }
}

/// The iframe snippet a teacher pastes into a course page.
pub fn iframe_snippet(link: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"GIL Playground\" width=\"100%\" height=\"900\" style=\"border: 0\" \
         allow=\"clipboard-write\" loading=\"lazy\"></iframe>",
        with_embed(link).replace('&', "&amp;").replace('"', "&quot;")
    )
}

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
enum ToParent<'a> {
    /// The document's height in CSS pixels.
    Resize { source: &'a str, height: u32 },
    /// A run of the modes ended.
    Result { source: &'a str, stopped: bool, modes: &'a [ModeFigure] },
}

/// One mode's figures in a `result` message.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModeFigure {
    pub mode: &'static str,
    /// None if it did not finish (stopped, not derived).
    pub wall_ms: Option<f64>,
    pub exit_code: Option<i32>,
    pub speedup: Option<f64>,
    /// Run in virtual time: `wall_ms` is virtual.
    pub simulated: bool,
}

fn post(message: &ToParent) {
    let Some(parent) = web_sys::window().and_then(|window| window.parent().ok().flatten()) else {
        return;
    };
    // Plain JSON through the structured clone: no functions, nothing a parent could run.
    let Ok(json) = serde_json::to_string(message) else { return };
    let Ok(value) = js_sys::JSON::parse(&json) else { return };
    parent.post_message(&value, "*").ok();
}

fn document_height() -> u32 {
    let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    element.map_or(0, |element| element.scroll_height().max(0) as u32)
}

pub fn post_height() {
    post(&ToParent::Resize { source: MESSAGE_SOURCE, height: document_height() });
    // Canvas and other LTI hosts resize frames on this message.
    let Some(parent) = web_sys::window().and_then(|window| window.parent().ok().flatten()) else {
        return;
    };
    let lti = js_sys::Object::new();
    js_sys::Reflect::set(&lti, &"subject".into(), &"lti.frameResize".into()).ok();
    js_sys::Reflect::set(&lti, &"height".into(), &document_height().into()).ok();
    parent.post_message(&lti, "*").ok();
}

pub fn post_result(stopped: bool, modes: &[ModeFigure]) {
    post(&ToParent::Result { source: MESSAGE_SOURCE, stopped, modes });
}

/// The observer and listeners that talk to the parent; they work for as long as this lives.
pub struct ParentTalk {
    _observer: web_sys::ResizeObserver,
    _on_resize: Closure<dyn Fn()>,
    _on_message: Closure<dyn Fn(web_sys::MessageEvent)>,
}

/// Keeps the parent told of the page's height, and answers `{"type": "gil-playground:get-height"}`.
pub fn start_talking_to_parent() -> Option<ParentTalk> {
    if !in_frame() {
        return None;
    }
    let window = web_sys::window()?;
    let on_resize = Closure::<dyn Fn()>::new(post_height);
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
    observer.observe(&window.document()?.document_element()?);
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            // Only a string `type` is read; any other shape, or another type, is ignored.
            let kind = js_sys::Reflect::get(&event.data(), &"type".into())
                .ok()
                .and_then(|t| t.as_string());
            if kind.as_deref() == Some("gil-playground:get-height") {
                post_height();
            }
        });
    window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref()).ok()?;
    Some(ParentTalk { _observer: observer, _on_resize: on_resize, _on_message: on_message })
}

/// The figures of a finished run, for the parent.
pub fn mode_figures(
    results: &[crate::state::ModeResult],
    speedup: impl Fn(Mode) -> Option<f64>,
) -> Vec<ModeFigure> {
    results
        .iter()
        .map(|result| ModeFigure {
            mode: result.mode.as_str(),
            wall_ms: result.finished_wall_us().map(|us| us as f64 / 1000.0),
            exit_code: result.outcome.as_ref().map(|o| o.exit_code),
            speedup: speedup(result.mode),
            simulated: result.request.run.is_simulated(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_is_added_and_removed_without_touching_the_rest() {
        let link = "https://example.org/play/?lang=en#v1.abc";
        assert_eq!(with_embed(link), "https://example.org/play/?lang=en&embed#v1.abc");
        assert_eq!(without_embed(&with_embed(link)), link);
        assert_eq!(with_embed("http://h/#v1.x"), "http://h/?embed#v1.x");
        assert_eq!(without_embed("http://h/?embed=1"), "http://h/");
        assert!(iframe_snippet("http://h/?a=1&b=2#v1.x")
            .contains("src=\"http://h/?a=1&amp;b=2&amp;embed#v1.x\""));
    }
}
