//! A program's console: stdout and stderr in the order written, stderr marked.

use gilpy_protocol::{OutputChunk, Stream};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    pub output: Vec<OutputChunk>,
    #[prop_or_default]
    pub id: Option<AttrValue>,
    pub label: AttrValue,
}

#[component]
pub fn Console(props: &ConsoleProps) -> Html {
    html! {
        <pre class="console" id={props.id.clone()} tabindex="0" aria-label={props.label.clone()}>
            { for props.output.iter().map(|chunk| match chunk.stream {
                Stream::Stdout => html! { <span>{ &chunk.text }</span> },
                Stream::Stderr => html! { <span class="stderr">{ &chunk.text }</span> },
            }) }
        </pre>
    }
}
