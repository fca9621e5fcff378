//! What each piece of a program is, for an editor to colour: read by the same tokenizer and
//! parser that compile it, so the colours never disagree with what runs. A soft keyword
//! (`match`, `case`, `type`) is a keyword only where the parser read it as one.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::PySourceType;
use ruff_text_size::{Ranged, TextRange};

use crate::builtins::is_builtin_name;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenClass {
    Keyword,
    /// `True`, `False`, `None`.
    Constant,
    /// A name from `builtins` (`print`, `range`, `ValueError`), not after a dot.
    Builtin,
    /// The name a `def` or `class` statement binds.
    Definition,
    /// A decorator: its `@` and dotted name.
    Decorator,
    String,
    Number,
    Comment,
}

/// A run of source text, by byte offsets (always on character boundaries).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    pub class: TokenClass,
}

/// The source's coloured runs, in order; text between them is plain. Works on any text: a
/// program with syntax errors is coloured as far as the tokenizer can read it.
pub fn highlights(source: &str) -> Vec<Highlight> {
    let tokens: Vec<(TokenKind, TextRange)> = if crate::syntax::too_deep(source).is_some() {
        // Too deep for the recursive parser: the lexer alone (soft keywords stay names).
        let mut lexer = ruff_python_parser::lexer::lex(source, ruff_python_parser::Mode::Module);
        std::iter::from_fn(|| {
            let kind = lexer.next_token();
            (kind != TokenKind::EndOfFile).then(|| (kind, lexer.current_range()))
        })
        .collect()
    } else {
        let parsed = ruff_python_parser::parse_unchecked_source(source, PySourceType::Python);
        parsed.tokens().iter().map(|token| (token.kind(), token.range())).collect()
    };
    let mut highlights = Vec::new();
    let mut previous = TokenKind::Newline;
    let mut in_decorator = false;
    for (kind, range) in tokens {
        let text = &source[range];
        in_decorator = match kind {
            TokenKind::At => at_line_start(previous),
            TokenKind::Identifier | TokenKind::Dot => in_decorator,
            _ => false,
        };
        let class = match kind {
            _ if in_decorator => Some(TokenClass::Decorator),
            TokenKind::True | TokenKind::False | TokenKind::None => Some(TokenClass::Constant),
            _ if kind.is_keyword() => Some(TokenClass::Keyword),
            TokenKind::Identifier if matches!(previous, TokenKind::Def | TokenKind::Class) => {
                Some(TokenClass::Definition)
            }
            TokenKind::Identifier if previous != TokenKind::Dot && is_builtin_name(text) => {
                Some(TokenClass::Builtin)
            }
            TokenKind::Int | TokenKind::Float | TokenKind::Complex => Some(TokenClass::Number),
            TokenKind::Comment => Some(TokenClass::Comment),
            _ if is_string_part(kind) => Some(TokenClass::String),
            _ => None,
        };
        if let Some(class) = class.filter(|_| !range.is_empty()) {
            let (start, end) = (range.start().into(), range.end().into());
            match highlights.last_mut() {
                // One run for a string's pieces (an f-string's start, text and end).
                Some(Highlight { end: last_end, class: last, .. })
                    if *last == class && *last_end == start =>
                {
                    *last_end = end
                }
                _ => highlights.push(Highlight { start, end, class }),
            }
        }
        if !kind.is_trivia() {
            previous = kind;
        }
    }
    highlights
}

fn at_line_start(previous: TokenKind) -> bool {
    matches!(previous, TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent)
}

fn is_string_part(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::String
            | TokenKind::FStringStart
            | TokenKind::FStringMiddle
            | TokenKind::FStringEnd
            | TokenKind::TStringStart
            | TokenKind::TStringMiddle
            | TokenKind::TStringEnd
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each coloured run as `class:text`, in order.
    fn runs(source: &str) -> Vec<String> {
        highlights(source)
            .iter()
            .map(|h| format!("{:?}:{}", h.class, &source[h.start..h.end]))
            .collect()
    }

    #[test]
    fn a_program_is_coloured_as_the_tokenizer_reads_it() {
        let source = "import threading  # threads\n\n@functools.cache\ndef work(n=10_000):\n    \
                      return sum(range(n)) + len(f\"{n}!\") if n else None\n\nclass Job: pass\n\
                      t = threading.Thread(target=work, name='w')\nt.print(0.5)\n";
        assert_eq!(
            runs(source),
            [
                "Keyword:import",
                "Comment:# threads",
                "Decorator:@functools.cache",
                "Keyword:def",
                "Definition:work",
                "Number:10_000",
                "Keyword:return",
                "Builtin:sum",
                "Builtin:range",
                "Builtin:len",
                // The braces and what is inside them are code.
                "String:f\"",
                "String:!\"",
                "Keyword:if",
                "Keyword:else",
                "Constant:None",
                "Keyword:class",
                "Definition:Job",
                "Keyword:pass",
                "String:'w'",
                "Number:0.5",
            ]
        );
    }

    #[test]
    fn soft_keywords_are_keywords_only_where_the_parser_reads_them_so() {
        let source = "match = 1\nmatch match:\n    case 1:\n        pass\n";
        assert_eq!(
            runs(source),
            ["Number:1", "Keyword:match", "Keyword:case", "Number:1", "Keyword:pass"]
        );
    }

    #[test]
    fn broken_and_runaway_sources_are_still_coloured() {
        assert_eq!(runs("print('never closed\nx = 1\n")[0], "Builtin:print");
        let deep = format!("x = {}1{}\n", "(".repeat(300), ")".repeat(300));
        assert_eq!(runs(&deep), ["Number:1"]);
    }
}
