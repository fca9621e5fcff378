//! The program editor: a native textarea (so selection, undo, spell-check off, screen readers
//! and mobile keyboards all work as the browser's own) beside a line-number gutter. Tab and
//! Shift-Tab indent and dedent through `insertText`, which keeps the browser's undo history;
//! Escape then Tab leaves the editor, so keyboard users are never trapped.
//!
//! The colours are a copy of the text laid out under the textarea, whose own text is
//! transparent; the runner's tokenizer says what each run is ([`SourceCheck`]). While a check
//! lags the typing, only the part of the text it read unchanged keeps its colours.

use gilpy_protocol::{Highlight, SourcePosition, TokenClass};
use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::state::SourceCheck;

const INDENT: usize = 4;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub source: AttrValue,
    /// The line to mark (a syntax error, or the traceback's innermost line), 1-based.
    pub error_line: Option<u32>,
    /// The runner's latest reading of the code, for colours and the syntax error's place.
    pub check: Option<SourceCheck>,
    /// Ids of text describing the editor (its keys, a syntax error).
    pub described_by: AttrValue,
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
    let syntax_error = props.check.as_ref().and_then(|check| check.syntax_error_in(&props.source));
    html! {
        <div class="editor">
            <div class="gutter" aria-hidden="true">
                { for (1..=lines).map(|line| {
                    let marked = props.error_line == Some(line as u32);
                    html! { <span class={classes!(marked.then_some("error-line"))}>{ line }</span> }
                }) }
            </div>
            <div class="code-area">
                <pre class="highlighted" id="program-highlighted" aria-hidden="true">
                    { highlighted(&props.source, props.check.as_ref(), syntax_error.map(|e| e.at)) }
                </pre>
                <textarea id="program-source" class="source" aria-label="Python program"
                    aria-describedby={props.described_by.clone()}
                    aria-invalid={syntax_error.is_some().then_some("true")}
                    spellcheck="false" autocapitalize="off"
                    autocomplete="off" wrap="off" rows={lines.to_string()}
                    value={props.source.clone()} oninput={on_input} onkeydown={on_keydown} />
            </div>
        </div>
    }
}

/// `source` as spans: the check's runs that lie in the text it shares with `source`, and a
/// mark at the syntax error's place.
fn highlighted(
    source: &str,
    check: Option<&SourceCheck>,
    error_at: Option<SourcePosition>,
) -> Html {
    let (runs, shared) = match check {
        Some(check) => (check.highlights.as_slice(), common_prefix(&check.source, source)),
        None => (&[][..], 0),
    };
    // The error's mark: the character there, or a space after the line's end.
    let error = error_at.map(|at| {
        let at = error_offset(source, at);
        let next = source[at..].chars().next().filter(|c| *c != '\n');
        (at, next.map_or(at, |c| at + c.len_utf8()))
    });
    let mut spans: Vec<(usize, usize, &'static str)> = runs
        .iter()
        .map(|run| (run.start as usize, run.end as usize, class_of(run)))
        .filter(|(start, end, _)| {
            *end <= shared && error.is_none_or(|(at, _)| !(*start <= at && at < *end))
        })
        .collect();
    // A run holding the error gives way to the mark, which then sits in order among the rest.
    spans.extend(error.map(|(at, end)| (at, end, "syntax-error-mark")));
    spans.sort_by_key(|(start, ..)| *start);
    let mut pieces = Vec::new();
    let mut plain_from = 0;
    for (start, end, class) in spans {
        if start < plain_from {
            continue;
        }
        if plain_from < start {
            pieces.push(html! { { &source[plain_from..start] } });
        }
        let text = if start == end { " " } else { &source[start..end] };
        pieces.push(html! { <span class={class}>{ text }</span> });
        plain_from = end;
    }
    // A final newline needs a line after it, as the textarea has one.
    pieces.push(html! { { format!("{}\n", &source[plain_from..]) } });
    pieces.into_iter().collect::<Html>()
}

fn class_of(run: &Highlight) -> &'static str {
    match run.class {
        TokenClass::Keyword => "tok-keyword",
        TokenClass::Constant => "tok-constant",
        TokenClass::Builtin => "tok-builtin",
        TokenClass::Definition => "tok-definition",
        TokenClass::Decorator => "tok-decorator",
        TokenClass::String => "tok-string",
        TokenClass::Number => "tok-number",
        TokenClass::Comment => "tok-comment",
    }
}

/// How many leading bytes `a` and `b` share, on a character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((at, _), _)| at)
}

/// The byte offset of a 1-based line and character column, clamped to the line's end.
fn error_offset(source: &str, at: SourcePosition) -> usize {
    let line_start = source
        .split_inclusive('\n')
        .take(at.line.saturating_sub(1) as usize)
        .map(str::len)
        .sum::<usize>()
        .min(source.len());
    let line = source[line_start..].split('\n').next().unwrap_or("");
    let column = at.column.saturating_sub(1) as usize;
    line_start + line.char_indices().nth(column).map_or(line.len(), |(offset, _)| offset)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lagging_check_colours_only_the_text_it_read_unchanged() {
        assert_eq!(common_prefix("print(1)", "print(1)"), 8);
        assert_eq!(common_prefix("print(1)", "prinx(1)"), 4);
        assert_eq!(common_prefix("x = 1", "x = 1\ny = 2"), 5);
        assert_eq!(common_prefix("s = 'é'", "s = 'ë'"), 5);
    }

    #[test]
    fn a_syntax_error_is_found_by_line_and_character_column() {
        let source = "x = 1\ns = 'é' + (\nz\n";
        let at = |line, column| error_offset(source, SourcePosition { line, column });
        assert_eq!(&source[at(2, 1)..], "s = 'é' + (\nz\n");
        assert_eq!(&source[at(2, 11)..], "(\nz\n");
        // Past the line's end: its end.
        assert_eq!(&source[at(2, 40)..], "\nz\n");
        assert_eq!(at(9, 1), source.len());
    }
}
