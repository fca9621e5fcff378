//! The table of Unicode names that `\N{...}` escapes need, fetched the first time a program
//! uses one. The runner's wasm leaves it out (`crates/unicode-names-lazy`): it would be a third
//! of the page's first load, for an escape few programs use.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Whether `source` may hold a `\N{...}` escape that the table is not yet loaded for.
pub fn needed(source: &str) -> bool {
    source.contains("\\N{") && !unicode_names2::is_installed()
}

/// Fetches and installs the table. Should that fail (the page went offline), programs still run
/// and the parser reports each `\N{...}` as an unknown name; the console says why.
pub async fn load() {
    if let Err(message) = fetch_table().await {
        web_sys::console::warn_1(
            &format!("the Unicode names for \\N{{...}} could not be loaded: {message}").into(),
        );
    }
}

async fn fetch_table() -> Result<(), String> {
    let js_error = |error: wasm_bindgen::JsValue| crate::js_error_message(&error);
    // Relative to the worker's script, `runner/runner.js`, beside which the build writes it.
    let response = JsFuture::from(crate::scope().fetch_with_str(unicode_names2::TABLE_FILE))
        .await
        .map_err(js_error)?;
    let response: Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!("{} answered {}", response.url(), response.status()));
    }
    let text = JsFuture::from(response.text().map_err(js_error)?).await.map_err(js_error)?;
    let text = text.as_string().unwrap_or_default();
    unicode_names2::install(unicode_names2::Table::parse(&text)?);
    Ok(())
}
