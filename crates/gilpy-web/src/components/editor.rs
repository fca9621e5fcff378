//! The program editor: a native textarea (so selection, undo, spell-check off, screen readers
//! and mobile keyboards all work as the browser's own) beside a line-number gutter. Tab and
//! Shift-Tab indent and dedent through `insertText`, which keeps the browser's undo history;
//! Escape then Tab leaves the editor, so keyboard users are never trapped.

use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

const INDENT: usize = 4;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub source: AttrValue,
    /// The line to mark (a syntax error, or the traceback's innermost line), 1-based.
    pub error_line: Option<u32>,
    pub on_change: Callback<String>,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    // After Escape, the next Tab moves focus instead of indenting.
    let tab_leaves = use_mut_ref(|| false);
    let on_input = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_change.emit(area.value());
        })
    };
    let on_keydown = {
        let tab_leaves = tab_leaves.clone();
        Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
            "Escape" => *tab_leaves.borrow_mut() = true,
            "Tab" if !*tab_leaves.borrow() && !event.ctrl_key() && !event.alt_key() => {
                let area: HtmlTextAreaElement = event.target_unchecked_into();
                if indent(&area, event.shift_key()) {
                    event.prevent_default();
                }
            }
            _ => *tab_leaves.borrow_mut() = false,
        })
    };
    let lines = props.source.split('\n').count().max(1);
    html! {
        <div class="editor">
            <div class="gutter" aria-hidden="true">
                { for (1..=lines).map(|line| {
                    let marked = props.error_line == Some(line as u32);
                    html! { <span class={classes!(marked.then_some("error-line"))}>{ line }</span> }
                }) }
            </div>
            <textarea id="program-source" class="source" aria-label="Python program"
                aria-describedby="program-keys" spellcheck="false" autocapitalize="off"
                autocomplete="off" wrap="off" rows={lines.to_string()}
                value={props.source.clone()} oninput={on_input} onkeydown={on_keydown} />
        </div>
    }
}

/// Indents (or with `dedent`, dedents) the selected lines; a Tab with no selection inserts
/// spaces to the next indent stop. False if the browser would not edit (leave Tab alone).
fn indent(area: &HtmlTextAreaElement, dedent: bool) -> bool {
    let text = area.value();
    // Selection offsets are UTF-16 code units; the editing below works on chars.
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let start = area.selection_start().ok().flatten().unwrap_or(0) as usize;
    let end = area.selection_end().ok().flatten().unwrap_or(0) as usize;
    let (start, end) = (start.min(utf16.len()), end.min(utf16.len()));
    let before = String::from_utf16_lossy(&utf16[..start]);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count();
    let selected = String::from_utf16_lossy(&utf16[start..end]);
    if !dedent && !selected.contains('\n') {
        let spaces = " ".repeat(INDENT - column % INDENT);
        return insert_text(&spaces);
    }
    // Whole lines: from the start of the first to the end of the last selected line.
    let block_start = before[..line_start].encode_utf16().count();
    let after_end = String::from_utf16_lossy(&utf16[end..]);
    let block_end = end + after_end.find('\n').map_or(after_end.len(), |i| i);
    let block_end = block_end.min(utf16.len());
    let block = String::from_utf16_lossy(&utf16[block_start..block_end]);
    let changed: Vec<String> = block
        .split('\n')
        .map(|line| {
            if dedent {
                let spaces = line.len() - line.trim_start_matches(' ').len();
                line[spaces.min(INDENT)..].to_string()
            } else {
                format!("{}{line}", " ".repeat(INDENT))
            }
        })
        .collect();
    let changed = changed.join("\n");
    if changed == block {
        return true;
    }
    let _ = area.set_selection_range(block_start as u32, block_end as u32);
    let done = insert_text(&changed);
    let _ = area.set_selection_range(
        block_start as u32,
        (block_start + changed.encode_utf16().count()) as u32,
    );
    done
}

/// `document.execCommand('insertText')`: deprecated, but the one edit that joins the
/// textarea's undo history in every browser; setting `value` would wipe it.
fn insert_text(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let document: HtmlDocument = document.unchecked_into();
    document.exec_command_with_show_ui_and_value("insertText", false, text).unwrap_or(false)
}
