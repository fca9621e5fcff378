//! The carets that CPython 3.11+ prints under a traceback's source line: `^` under the
//! expression that raised, or `~` under it and `^` under its operator, its subscript or (from
//! 3.13) its call's arguments. 3.11 and 3.12 draw them as `Python/traceback.c` does, 3.13 as
//! `Lib/traceback.py` does. Both find the operator by parsing the expression's text again.
//!
//! Only expressions on one line get carets here; CPython 3.13 also underlines several lines.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextSize};

use crate::code::Position;
use crate::version::PythonVersion;

/// The caret line for `line_text` (the raw source line) and the span that raised, or `None`
/// where CPython prints none.
pub fn caret_line(line_text: &str, position: Position, version: PythonVersion) -> Option<String> {
    if version < PythonVersion::V3_11 || position.line != position.end_line || position.column == 0
    {
        return None;
    }
    let chars: Vec<char> = line_text.chars().collect();
    let start = (position.column as usize - 1).min(chars.len());
    let end = (position.end_column as usize).saturating_sub(1).min(chars.len());
    if start >= end {
        return None;
    }
    let segment: String = chars[start..end].iter().collect();
    let anchors = anchors(&segment, version);
    let indent = chars.iter().take_while(|c| c.is_whitespace()).count();
    let stripped = line_text.trim();
    let show = if version >= PythonVersion::V3_13 {
        shows_carets_3_13(stripped, start - indent, end - indent, anchors.is_some())
    } else {
        // `traceback.c`: unless the expression is the whole line, or it has an operator.
        end - start < stripped.chars().count() || anchors.is_some_and(|(left, right)| right > left)
    };
    if !show || start < indent {
        return None;
    }
    let marks: String = (0..end - start)
        .map(|at| match anchors {
            Some((left, right)) if (left..right).contains(&at) => '^',
            Some(_) => '~',
            None => '^',
        })
        .collect();
    Some(format!("    {}{marks}", " ".repeat(start - indent)))
}

/// `traceback.py`'s `_should_show_carets` (3.13): not under a `return f(...)` or `x = f(...)`
/// whose call is the rest of the line; else when there is an operator to point at, or other
/// text on the line.
fn shows_carets_3_13(stripped: &str, start: usize, end: usize, has_anchors: bool) -> bool {
    if let Ok(parsed) = ruff_python_parser::parse_module(stripped) {
        let call = match parsed.suite().first() {
            Some(Stmt::Return(statement)) => match statement.value.as_deref() {
                Some(value @ Expr::Call(call)) if matches!(*call.func, Expr::Name(_)) => {
                    Some(value)
                }
                _ => None,
            },
            Some(Stmt::Assign(statement))
                if statement.targets.len() == 1
                    && matches!(statement.targets[0], Expr::Name(_)) =>
            {
                match &*statement.value {
                    value @ Expr::Call(_) => Some(value),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(call) = call {
            let column = |offset: TextSize| stripped[..usize::from(offset)].chars().count();
            if column(call.start()) == start && column(call.end()) == end {
                return false;
            }
        }
    }
    let chars: Vec<char> = stripped.chars().collect();
    let before: String = chars[..start.min(chars.len())].iter().collect();
    let after: String = chars[end.min(chars.len())..].iter().collect();
    has_anchors || !before.trim_start().is_empty() || !after.trim_end().is_empty()
}

/// Where the `^` go inside the segment, as character indices `[left, right)`: a binary
/// operator, a subscript's brackets, or (3.13) a call's parentheses.
fn anchors(segment: &str, version: PythonVersion) -> Option<(usize, usize)> {
    let parsed = ruff_python_parser::parse_expression(segment).ok()?;
    let chars: Vec<char> = segment.chars().collect();
    let column = |offset: TextSize| segment[..usize::from(offset)].chars().count();
    // The first character at or after `from` that `stop` accepts.
    let find =
        |from: usize, stop: &dyn Fn(char) -> bool| (from..chars.len()).find(|&at| stop(chars[at]));
    match parsed.expr() {
        Expr::BinOp(binary) => {
            let right_start = column(binary.right.start());
            let left = find(column(binary.left.end()), &|c| !c.is_whitespace() && c != ')')?;
            let two_chars = left + 1 < right_start && !chars[left + 1].is_whitespace();
            Some((left, left + 1 + usize::from(two_chars)))
        }
        Expr::Subscript(subscript) => {
            Some((find(column(subscript.value.end()), &|c| c == '[')?, chars.len()))
        }
        Expr::Call(call) if version >= PythonVersion::V3_13 => {
            Some((find(column(call.func.end()), &|c| c == '(')?, chars.len()))
        }
        _ => None,
    }
}
