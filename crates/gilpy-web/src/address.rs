//! The page's address: the share link in its fragment, read on load and on `hashchange`, and
//! written back when the learner copies a link. The format itself is `gilpy-link`'s.

use gilpy_link::{decode, encode, SharedState};
use wasm_bindgen::JsValue;

/// The share link in the address, if it has one: what it carries, or why it cannot be read.
pub fn link_in_address() -> Option<Result<SharedState, String>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let fragment = hash.strip_prefix('#').unwrap_or(&hash);
    // Percent-encoding is what some chat apps and mail clients add to a pasted link.
    let fragment = js_sys::decode_uri_component(fragment)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| fragment.to_string());
    (!fragment.is_empty()).then(|| {
        decode(&fragment).map_err(|problem| format!("This link could not be read: {problem}."))
    })
}

/// The page's address without its fragment: where every share link points.
fn page_address() -> String {
    let Some(location) = web_sys::window().map(|window| window.location()) else {
        return String::new();
    };
    let href = location.href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The full link that opens the page in `state`.
pub fn share_link(state: &SharedState) -> String {
    format!("{}#{}", page_address(), encode(state))
}

/// Puts `link` in the address bar without reloading, so a reload keeps what was shared.
pub fn show_in_address_bar(link: &str) {
    if let Some(history) = web_sys::window().and_then(|window| window.history().ok()) {
        history.replace_state_with_url(&JsValue::NULL, "", Some(link)).ok();
    }
}
