//! The page's end of the runner worker: starts it, posts [`ToRunner`] messages, and turns what
//! comes back into [`Action`]s. The main thread only posts and receives; it never waits.

use gilpy_protocol::{decode, encode, FromRunner, ToRunner};
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::state::Action;

/// Where Trunk puts the runner's module worker script (`www/runner.js`).
const RUNNER_SCRIPT: &str = "runner/runner.js";

pub struct RunnerClient {
    worker: Worker,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

impl RunnerClient {
    /// Starts a runner with a pool of `cores` workers. `dispatch` receives every message;
    /// `on_crash` is called once if the runner dies, so the owner can start a new one.
    pub fn spawn(
        cores: usize,
        dispatch: Callback<Action>,
        on_crash: Callback<String>,
    ) -> Result<RunnerClient, String> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(RUNNER_SCRIPT, &options)
            .map_err(|error| format!("the browser would not start the runner worker: {error:?}"))?;

        let on_message = {
            let on_crash = on_crash.clone();
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                let text = event.data().as_string().unwrap_or_default();
                match decode::<FromRunner>(&text) {
                    Ok(FromRunner::Crashed { message }) => on_crash.emit(message),
                    Ok(message) => dispatch.emit(Action::Runner(message)),
                    Err(error) => on_crash.emit(error),
                }
            })
        };
        let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            let message = event.message();
            let message = if message.is_empty() {
                "the runner worker stopped with an error".to_string()
            } else {
                message
            };
            on_crash.emit(message);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let client = RunnerClient { worker, _on_message: on_message, _on_error: on_error };
        client.send(&ToRunner::Init { cores });
        Ok(client)
    }

    pub fn send(&self, message: &ToRunner) {
        // Posting a string to a live worker does not fail; a dead one reports through onerror.
        let _ = self.worker.post_message(&JsValue::from_str(&encode(message)));
    }
}

impl Drop for RunnerClient {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// Whether this page may share memory between workers (`window.crossOriginIsolated`).
pub fn cross_origin_isolated() -> bool {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &JsValue::from_str("crossOriginIsolated"))
        .is_ok_and(|value| value.is_truthy())
}

/// `navigator.hardwareConcurrency`, at least 1.
pub fn hardware_concurrency() -> usize {
    web_sys::window().map_or(1, |window| window.navigator().hardware_concurrency() as usize).max(1)
}
