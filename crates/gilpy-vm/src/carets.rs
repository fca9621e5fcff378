//! The carets that CPython 3.11+ prints under a traceback's source line: `^` under the
//! expression that raised, or `~` under it and `^` under its operator, its subscript or (from
//! 3.13) its call's arguments. 3.11 and 3.12 draw them as `Python/traceback.c` does (one line;
//! a span over several lines is underlined to the end of its first), 3.13 as `Lib/traceback.py`
//! does (every line of the span, the long ones abbreviated). Both find the operator by parsing
//! the expression's text again.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextSize};

use crate::code::Position;
use crate::version::PythonVersion;

/// What a traceback prints for a frame's source: `lines` are the raw source lines from the
/// span's first line on (at least its last). Each returned line is indented for the traceback.
pub fn source_lines(lines: &[&str], position: Position, version: PythonVersion) -> Vec<String> {
    let Some(first) = lines.first() else { return Vec::new() };
    let has_span = position.column > 0 && position.end_line >= position.line;
    if version >= PythonVersion::V3_13 && has_span {
        let count = (position.end_line - position.line) as usize + 1;
        if lines.len() >= count {
            return lines_3_13(&lines[..count], position);
        }
    }
    let mut out = vec![format!("    {}", first.trim())];
    if version >= PythonVersion::V3_11 && has_span {
        out.extend(caret_line_3_11(first, position));
    }
    out
}

/// `traceback.c`'s carets (3.11, 3.12), or `None` where it prints none.
fn caret_line_3_11(line_text: &str, position: Position) -> Option<String> {
    let chars: Vec<char> = line_text.chars().collect();
    let start = (position.column as usize - 1).min(chars.len());
    let multi_line = position.line != position.end_line;
    let end = match multi_line {
        true => chars.len(),
        false => (position.end_column as usize).saturating_sub(1).min(chars.len()),
    };
    if start >= end {
        return None;
    }
    let segment: String = chars[start..end].iter().collect();
    // Only binary operators and subscripts have anchors, and only on one line.
    let anchors = match multi_line {
        true => None,
        false => anchors(&segment, false).map(|a| (a.left.1, a.right.1)),
    };
    let indent = chars.iter().take_while(|c| c.is_whitespace()).count();
    let stripped_length = line_text.trim().chars().count();
    // Unless the expression is the whole line, or it has an operator to point at.
    let show = end - start < stripped_length || anchors.is_some_and(|(left, right)| right > left);
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

/// `traceback.py`'s `format_frame_summary` (3.13) for the span's lines.
fn lines_3_13(original: &[&str], position: Position) -> Vec<String> {
    let lines: Vec<Vec<char>> = dedent(original).iter().map(|l| l.chars().collect()).collect();
    let removed = original[0].chars().count() - lines[0].len();
    let last = lines.len() - 1;
    let start = (position.column as usize - 1).saturating_sub(removed).min(lines[0].len());
    let end = (position.end_column as usize - 1).saturating_sub(removed).min(lines[last].len());
    // The span's text: from `start` on the first line to `end` on the last.
    let segment: String = if last == 0 {
        lines[0][start..end.max(start)].iter().collect()
    } else {
        let mut parts: Vec<String> = vec![lines[0][start..].iter().collect()];
        parts.extend(lines[1..last].iter().map(|l| l.iter().collect::<String>()));
        parts.push(lines[last][..end].iter().collect());
        parts.join("\n")
    };
    let mut anchors = anchors(&segment, true);
    if let Some(found) = &mut anchors {
        // Anchors on the segment's first line count from where the segment starts.
        for (line, column) in [&mut found.left, &mut found.right] {
            if *line == 0 {
                *column += start;
            }
        }
    }
    let show = shows_carets_3_13(&lines, start, end, anchors.is_some());
    let mut significant = std::collections::BTreeSet::from([0, last]);
    if let Some(found) = &anchors {
        for line in [found.left.0, found.right.0] {
            significant.extend(line.saturating_sub(1)..=(line + 1).min(last));
        }
    }
    let mut out: Vec<String> = Vec::new();
    let output_line = |at: usize, out: &mut Vec<String>| {
        out.push(lines[at].iter().collect());
        if !show {
            return;
        }
        let spaces = lines[at].iter().take_while(|c| c.is_whitespace()).count();
        let count = if at == last { end } else { lines[at].len() };
        let marks = (0..count).map(|column| {
            let inside = |(left_line, left): (usize, usize), (right_line, right)| {
                (at > left_line || (at == left_line && column >= left))
                    && (at < right_line || (at == right_line && column < right))
            };
            if column < spaces || (at == 0 && column < start) {
                ' '
            } else if let Some(found) = &anchors {
                if inside(found.left, found.right) {
                    '^'
                } else {
                    '~'
                }
            } else {
                '^'
            }
        });
        out.push(marks.collect());
    };
    let mut previous: Option<usize> = None;
    for &at in &significant {
        match previous.map(|p| at - p) {
            Some(2) => output_line(at - 1, &mut out),
            Some(gap) if gap > 2 => out.push(format!("...<{} lines>...", gap - 1)),
            _ => {}
        }
        output_line(at, &mut out);
        previous = Some(at);
    }
    let borrowed: Vec<&str> = out.iter().map(String::as_str).collect();
    dedent(&borrowed).into_iter().map(|line| format!("    {line}")).collect()
}

/// `_should_show_carets` (3.13): not under a `return f(...)` or `x = f(...)` whose call is all
/// of the rest; else when there is an operator to point at, or other text on the lines.
fn shows_carets_3_13(lines: &[Vec<char>], start: usize, end: usize, has_anchors: bool) -> bool {
    let text = lines.iter().map(|l| l.iter().collect::<String>()).collect::<Vec<_>>().join("\n");
    if let Ok(parsed) = ruff_python_parser::parse_module(&text) {
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
                Some(&*statement.value).filter(|value| matches!(value, Expr::Call(_)))
            }
            _ => None,
        };
        if let Some(call) = call {
            let (first, last) = (line_column(&text, call.start()), line_column(&text, call.end()));
            if first == (0, start) && last == (lines.len() - 1, end) {
                return false;
            }
        }
    }
    let before: String = lines[0][..start].iter().collect();
    let after: String = lines[lines.len() - 1][end..].iter().collect();
    has_anchors || !before.trim_start().is_empty() || !after.trim_end().is_empty()
}

/// Where the `^` go: from `left` to `right` (exclusive), each a (line, character column) of
/// the segment's lines. Binary operators and subscripts; with `calls` (3.13), calls too.
struct Anchors {
    left: (usize, usize),
    right: (usize, usize),
}

fn anchors(segment: &str, calls: bool) -> Option<Anchors> {
    // In brackets, as 3.13 parses it, a span over several lines is one expression.
    let wrapped = format!("(\n{segment}\n)");
    let parsed = ruff_python_parser::parse_expression(&wrapped).ok()?;
    let lines: Vec<Vec<char>> = segment.split('\n').map(|l| l.chars().collect()).collect();
    // A position in the segment, from an offset in the wrapped text.
    let at = |offset: TextSize| {
        let (line, column) = line_column(&wrapped, offset);
        (line - 1, column)
    };
    // The next valid character at or after `(line, column)`, skipping empty line ends.
    let valid = |(mut line, mut column): (usize, usize)| {
        while line < lines.len() && column >= lines[line].len() {
            (line, column) = (line + 1, 0);
        }
        (line < lines.len()).then_some((line, column))
    };
    // The first character from `from` on that `stop` accepts; a `\` or `#` ends its line.
    let find = |from: (usize, usize), stop: &dyn Fn(char) -> bool| {
        let mut here = valid(from)?;
        loop {
            let c = lines[here.0][here.1];
            here = if c == '\\' || c == '#' {
                valid((here.0 + 1, 0))?
            } else if stop(c) {
                return Some(here);
            } else {
                valid((here.0, here.1 + 1))?
            };
        }
    };
    match parsed.expr() {
        Expr::BinOp(binary) => {
            let (line, column) =
                find(at(binary.left.end()), &|c: char| !c.is_whitespace() && c != ')')?;
            // Operators are one or two characters long, before the right operand.
            let right_start = at(binary.right.start());
            let mut right = column + 1;
            if right < lines[line].len()
                && (right_start.0 > line || right < right_start.1)
                && !lines[line][right].is_whitespace()
                && !matches!(lines[line][right], '\\' | '#')
            {
                right += 1;
            }
            Some(Anchors { left: (line, column), right: (line, right) })
        }
        Expr::Subscript(subscript) => Some(Anchors {
            left: find(at(subscript.value.end()), &|c| c == '[')?,
            right: at(subscript.end()),
        }),
        Expr::Call(call) if calls => {
            Some(Anchors { left: find(at(call.func.end()), &|c| c == '(')?, right: at(call.end()) })
        }
        _ => None,
    }
}

/// The 0-based line and character column of a byte offset in `text`.
fn line_column(text: &str, offset: TextSize) -> (usize, usize) {
    let before = &text[..usize::from(offset)];
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    (before.matches('\n').count(), before[line_start..].chars().count())
}

/// `textwrap.dedent`: lines that are only whitespace become empty, and the others lose the
/// leading whitespace they all share.
fn dedent(lines: &[&str]) -> Vec<String> {
    let mut margin: Option<&str> = None;
    for line in lines.iter().filter(|l| !l.trim().is_empty()) {
        let indent = &line[..line.len() - line.trim_start().len()];
        margin = Some(match margin {
            None => indent,
            Some(m) => {
                let common = m.chars().zip(indent.chars()).take_while(|(a, b)| a == b).count();
                &m[..m.char_indices().nth(common).map_or(m.len(), |(at, _)| at)]
            }
        });
    }
    let margin = margin.unwrap_or("");
    lines
        .iter()
        .map(|line| match line.trim().is_empty() {
            true => String::new(),
            false => line[margin.len()..].to_string(),
        })
        .collect()
}
