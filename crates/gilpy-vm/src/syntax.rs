//! Parsing (with the RustPython-published fork of ruff's parser; see ARCHITECTURE.md for why)
//! and CPython-style syntax error reports.

use ruff_python_ast::ModModule;
use ruff_python_parser::{LexicalErrorType, ParseErrorType};
use ruff_text_size::TextSize;

use crate::version::PythonVersion;

/// Maps byte offsets to 1-based lines and columns (columns in characters, as CPython counts).
pub struct LineIndex {
    source: String,
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(source.match_indices('\n').map(|(at, _)| at + 1));
        LineIndex { source: source.to_string(), line_starts }
    }

    pub fn line_column(&self, offset: TextSize) -> (u32, u32) {
        let offset = usize::from(offset).min(self.source.len());
        let line = self.line_starts.partition_point(|start| *start <= offset);
        let start = self.line_starts[line - 1];
        let column = self.source[start..offset].chars().count() + 1;
        (line as u32, column as u32)
    }

    /// The text of a 1-based line, without its newline.
    /// The source text of a node (`from __future__ import annotations` keeps annotations so).
    /// The whole source.
    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn text_of(&self, node: &impl ruff_text_size::Ranged) -> &str {
        let range = node.range();
        self.source.get(usize::from(range.start())..usize::from(range.end())).unwrap_or("")
    }

    pub fn line_text(&self, line: u32) -> Option<&str> {
        let start = *self.line_starts.get(line.checked_sub(1)? as usize)?;
        let end = self.line_starts.get(line as usize).map_or(self.source.len(), |next| next - 1);
        Some(self.source[start..end].trim_end_matches('\r'))
    }
}

/// A syntax error as CPython prints it: file, line, the line's text, a caret, the message.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub filename: String,
    pub line: u32,
    pub column: u32,
    pub line_text: String,
    pub message: String,
    /// `SyntaxError`, or `NotImplementedError`-like reports for constructs outside the subset.
    pub kind: &'static str,
    /// How many carets underline the error (see `CompileError::width`); 0 for none, as
    /// CPython prints "unexpected indent" and a TabError.
    pub width: u32,
}

impl SyntaxError {
    /// The report, in CPython's layout:
    /// ```text
    ///   File "prog.py", line 1
    ///     x = (1, 2
    ///         ^
    /// SyntaxError: '(' was never closed
    /// ```
    pub fn report(&self) -> String {
        format!("{}{}: {}\n", self.location(), self.kind, self.message)
    }

    /// The report's lines before the last: the file and line, the line's text, the carets.
    pub fn location(&self) -> String {
        let text = self.line_text.trim_start();
        let indent = self.line_text.chars().count() - text.chars().count();
        let caret = (self.column as usize).saturating_sub(1).saturating_sub(indent);
        let carets = match self.width {
            0 => String::new(),
            width => format!("    {}{}\n", " ".repeat(caret), "^".repeat(width as usize)),
        };
        format!("  File \"{}\", line {}\n    {}\n{}", self.filename, self.line, text, carets)
    }
}

pub fn parse(
    source: &str,
    filename: &str,
    lines: &LineIndex,
    version: PythonVersion,
) -> Result<ModModule, SyntaxError> {
    if let Some((offset, message)) = too_deep(source) {
        let (line, column) = lines.line_column(offset);
        return Err(SyntaxError {
            filename: filename.to_string(),
            line,
            column,
            line_text: lines.line_text(line).unwrap_or_default().to_string(),
            message: message.to_string(),
            kind: "SyntaxError",
            width: 1,
        });
    }
    match ruff_python_parser::parse_module(source) {
        Ok(parsed) => Ok(parsed.into_syntax()),
        Err(error) => {
            let (line, column) = lines.line_column(error.location.start());
            let line_text = lines.line_text(line).unwrap_or_default().to_string();
            let (kind, message, width) = cpython_error(&error.error, &line_text, column, version);
            let after = &source[usize::from(error.location.end()).min(source.len())..];
            let at_end = after.lines().skip(1).all(|line| line.trim().is_empty());
            let message = older_words(message, version, at_end);
            Err(SyntaxError {
                filename: filename.to_string(),
                line,
                column,
                line_text,
                message,
                kind,
                width,
            })
        }
    }
}

/// CPython's tokenizer refuses more than 200 open brackets (`MAXLEVEL`).
const MAX_BRACKET_DEPTH: u32 = 200;

/// Operators that nest to the right (`not not x`, `-(-x)`, `a ** b ** c`, `a if b else c if
/// ...`, `lambda: lambda: ...`) in one logical line, past which we refuse it as too complex.
const MAX_NESTING_OPERATORS_PER_LINE: u32 = 400;

/// Where the source nests deeper than the parser may go, and CPython's words for it. The
/// parser recurses per level; on a web worker's 1 MB stack, which nothing guards, the levels
/// CPython accepts fit, and this pass (the lexer's, which does not recurse) keeps out the rest.
pub(crate) fn too_deep(source: &str) -> Option<(TextSize, &'static str)> {
    use ruff_python_ast::token::TokenKind;
    let mut lexer = ruff_python_parser::lexer::lex(source, ruff_python_parser::Mode::Module);
    let (mut depth, mut operators) = (0u32, 0u32);
    loop {
        let kind = lexer.next_token();
        match kind {
            TokenKind::EndOfFile => return None,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                depth += 1;
                if depth > MAX_BRACKET_DEPTH {
                    return Some((lexer.current_range().start(), "too many nested parentheses"));
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                depth = depth.saturating_sub(1)
            }
            TokenKind::Newline => operators = 0,
            TokenKind::Not
            | TokenKind::Minus
            | TokenKind::Plus
            | TokenKind::Tilde
            | TokenKind::DoubleStar
            | TokenKind::If
            | TokenKind::Lambda
            | TokenKind::Await => {
                operators += 1;
                if operators > MAX_NESTING_OPERATORS_PER_LINE {
                    return Some((lexer.current_range().start(), "expression too complex"));
                }
            }
            _ => {}
        }
    }
}

/// The exception class, message and caret width CPython gives a parse error: indentation
/// errors are `IndentationError` (or `TabError`), the errors learners meet most, so they follow
/// each version's wording and carets.
fn cpython_error(
    error: &ParseErrorType,
    line_text: &str,
    column: u32,
    version: PythonVersion,
) -> (&'static str, String, u32) {
    match error {
        ParseErrorType::ExpectedIndentedBlock { .. } => {
            let message = match version < PythonVersion::V3_10 {
                true => "expected an indented block".to_string(),
                false => error.to_string(),
            };
            // 3.13 underlines the token that should have been indented.
            let width = match version >= PythonVersion::V3_13 {
                true => token_width(line_text, column),
                false => 1,
            };
            ("IndentationError", message, width)
        }
        ParseErrorType::UnexpectedIndentation => ("IndentationError", error.to_string(), 0),
        ParseErrorType::Lexical(LexicalErrorType::TabError) => ("TabError", error.to_string(), 0),
        ParseErrorType::Lexical(
            LexicalErrorType::IndentationError | LexicalErrorType::TooDeepIndentation,
        ) => ("IndentationError", error.to_string(), 1),
        _ => ("SyntaxError", error.to_string(), 1),
    }
}

/// A parse error in the words of versions before the one ruff's parser words it for (3.13):
/// 3.10's new parser brought most of today's messages; 3.9's said "invalid syntax", or named
/// the end of the input. `at_end`: only blank lines follow the error's line.
fn older_words(message: String, version: PythonVersion, at_end: bool) -> String {
    const DEFAULT_FOLLOWS: &str = "parameter without a default follows parameter with a default";
    if message == DEFAULT_FOLLOWS && version < PythonVersion::V3_12 {
        return "non-default argument follows default argument".to_string();
    }
    if message == "arguments cannot follow var-keyword argument" && version < PythonVersion::V3_11 {
        return "invalid syntax".to_string();
    }
    if version >= PythonVersion::V3_10 {
        return message;
    }
    if message.starts_with("unterminated triple-quoted string literal") {
        "EOF while scanning triple-quoted string literal".to_string()
    } else if message.starts_with("unterminated string literal") {
        "EOL while scanning string literal".to_string()
    } else if message.ends_with("was never closed") && at_end {
        "unexpected EOF while parsing".to_string()
    } else if let Some(target) = message
        .strip_prefix("cannot assign to ")
        .and_then(|rest| rest.strip_suffix(" here. Maybe you meant '==' instead of '='?"))
    {
        format!("cannot assign to {target}")
    } else if message == "expected ':'"
        || message.starts_with("invalid syntax.")
        || message.ends_with("was never closed")
    {
        "invalid syntax".to_string()
    } else {
        message
    }
}

/// How many characters the name or number at 1-based `column` of `line_text` spans (at least 1).
fn token_width(line_text: &str, column: u32) -> u32 {
    let rest = line_text.chars().skip(column.saturating_sub(1) as usize);
    rest.take_while(|c| c.is_alphanumeric() || *c == '_').count().max(1) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_past_what_the_parser_may_recurse_is_a_syntax_error() {
        let check = |source: &str| {
            let lines = LineIndex::new(source);
            parse(source, "deep.py", &lines, PythonVersion::V3_13)
                .err()
                .map(|error| (error.line, error.message))
        };
        let brackets = format!("x = 1\ny = {}1{}\n", "(".repeat(201), ")".repeat(201));
        assert_eq!(check(&brackets), Some((2, "too many nested parentheses".to_string())));
        assert_eq!(check(&format!("y = {}1{}\n", "[".repeat(200), "]".repeat(200))), None);
        // Brackets in strings are text.
        assert_eq!(check(&format!("s = '{}'\n", "(".repeat(500))), None);
        let negations = format!("x = {}1\n", "-".repeat(5_000));
        assert_eq!(check(&negations).map(|e| e.1), Some("expression too complex".to_string()));
        let powers = format!("x = 2{}\n", " ** 1".repeat(5_000));
        assert_eq!(check(&powers).map(|e| e.1), Some("expression too complex".to_string()));
        // Many lines of them are fine: the count is per logical line.
        assert_eq!(check(&"x = -1 if not y else +2\n".repeat(500)), None);
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let index = LineIndex::new("a = 1\nb = 'é'; c\n");
        assert_eq!(index.line_column(TextSize::from(0)), (1, 1));
        assert_eq!(index.line_column(TextSize::from(6)), (2, 1));
        // 'é' is two bytes: the `c` after it is character 11 of its line.
        assert_eq!(index.line_column(TextSize::from(17)), (2, 11));
        assert_eq!(index.line_text(2), Some("b = 'é'; c"));
    }

    #[test]
    fn a_syntax_error_names_the_line_and_points_at_it() {
        let source = "x = 1\nif x\n    y = 2\n";
        let error =
            parse(source, "prog.py", &LineIndex::new(source), PythonVersion::V3_13).unwrap_err();
        assert_eq!((error.line, error.kind), (2, "SyntaxError"));
        assert!(
            error.report().starts_with("  File \"prog.py\", line 2\n    if x\n"),
            "{}",
            error.report()
        );
    }
}
