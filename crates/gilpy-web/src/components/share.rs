//! Share: the link that opens the page as it is now (settings, modes, version and any code
//! written by hand), with a Copy button.

use gilpy_link::SharedState;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::address::{share_link, show_in_address_bar};
use crate::embed::{iframe_snippet, without_embed};

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub shared: SharedState,
}

#[component]
pub fn Share(props: &ShareProps) -> Html {
    let open = use_state(|| false);
    // Said in a live region after Copy: copied, or how to copy by hand.
    let feedback = use_state(|| None::<&'static str>);
    // Shared from inside a frame, the link still opens the full page.
    let link = (*open).then(|| without_embed(&share_link(&props.shared)));

    let on_toggle = {
        let (open, feedback) = (open.clone(), feedback.clone());
        Callback::from(move |event: Event| {
            let details: web_sys::HtmlDetailsElement = event.target_unchecked_into();
            open.set(details.open());
            feedback.set(None);
        })
    };
    let on_copy = {
        let (link, feedback) = (link.clone().unwrap_or_default(), feedback.clone());
        Callback::from(move |_: MouseEvent| {
            show_in_address_bar(&link);
            let clipboard = web_sys::window().map(|window| window.navigator().clipboard());
            let (link, feedback) = (link.clone(), feedback.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let copied = match clipboard {
                    Some(clipboard) => JsFuture::from(clipboard.write_text(&link)).await.is_ok(),
                    None => false,
                };
                feedback.set(Some(if copied {
                    "Copied. The address bar holds the link too."
                } else {
                    "The browser did not allow copying: select the link and copy it (Ctrl+C or ⌘C)."
                }));
            });
        })
    };
    let select_all = Callback::from(|event: FocusEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        input.select();
    });
    let select_snippet = Callback::from(|event: FocusEvent| {
        let area: web_sys::HtmlTextAreaElement = event.target_unchecked_into();
        area.select();
    });

    html! {
        <details class="share" ontoggle={on_toggle}>
            <summary>{ "Share" }</summary>
            if let Some(link) = link {
                <div class="share-panel">
                    <label for="share-link">{ "A link that opens the playground as it is now" }</label>
                    <div class="share-row">
                        <input id="share-link" type="text" readonly=true value={link.clone()} onfocus={select_all} />
                        <button type="button" id="copy-link" onclick={on_copy}>{ "Copy link" }</button>
                    </div>
                    <p class="hint">
                        { format!("{} characters. It carries the settings, the modes, the Python version \
                                   and any code you wrote, inside the link itself: nothing is uploaded.",
                                  link.chars().count()) }
                    </p>
                    <p class="share-feedback" role="status" aria-live="polite">{ feedback.unwrap_or("") }</p>
                    <label for="embed-snippet">{ "Embed it in a course page" }</label>
                    <textarea id="embed-snippet" readonly=true rows="3" onfocus={select_snippet}
                        value={iframe_snippet(&link)} />
                    <p class="hint">{ "The frame shows a compact layout with a link to open it in a new tab, and tells \
                        the page around it its height and each run's results (see docs/EMBEDDING.md)." }</p>
                </div>
            }
        </details>
    }
}
