//! Reading quizzes from files and addresses, and keeping the learner's answers in
//! localStorage. The format and its checks are `gilpy-quiz`'s; this is browser glue.

use std::collections::BTreeMap;

use gilpy_quiz::{parse, Quiz};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::state::{QuizSource, SavedAnswer};

/// The text of a file the learner chose, as a quiz.
pub async fn read_file(file: web_sys::File) -> Result<Quiz, String> {
    let text =
        JsFuture::from(file.text()).await.map_err(|_| "the file could not be read".to_string())?;
    parse(&text.as_string().unwrap_or_default()).map_err(|problem| problem.to_string())
}

/// The quiz at `url`, fetched.
pub async fn fetch(url: &str) -> Result<Quiz, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let unreachable =
        "it could not be fetched (the address is unreachable, or its server does not let \
                       other sites read it: it must send Access-Control-Allow-Origin)";
    let response =
        JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| unreachable.to_string())?;
    let response: Response = response.dyn_into().map_err(|_| unreachable.to_string())?;
    if !response.ok() {
        return Err(format!(
            "its server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let text = response.text().map_err(|_| unreachable.to_string())?;
    let text = JsFuture::from(text).await.map_err(|_| "its download broke off".to_string())?;
    parse(&text.as_string().unwrap_or_default()).map_err(|problem| problem.to_string())
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be missing or refused (privacy settings); progress is then not kept.
    web_sys::window()?.local_storage().ok()?
}

pub fn load_progress(source: &QuizSource) -> BTreeMap<String, SavedAnswer> {
    storage()
        .and_then(|storage| storage.get_item(&source.storage_key()).ok()?)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

pub fn save_progress(source: &QuizSource, progress: &BTreeMap<String, SavedAnswer>) {
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(progress)) {
        storage.set_item(&source.storage_key(), &json).ok();
    }
}
