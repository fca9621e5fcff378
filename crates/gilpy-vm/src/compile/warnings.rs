//! The SyntaxWarnings CPython prints as it compiles a program, before it runs: an invalid
//! escape sequence in a string (3.12+: `"C:\data"`), `is` with a literal (`x is 1`), and a
//! literal called or subscripted where a comma is missing (`[(1, 2) (3, 4)]`). Learners meet
//! them often; the program runs all the same.

use ruff_python_ast::{self as ast, Expr};

use crate::version::PythonVersion;

/// A warning's line and message.
pub type Warning = (u32, String);

/// What a literal expression is, as the warning names its type; `None` for anything else
/// (and for the singletons `None`, `True`, `False`, `...`, which `is` may compare).
fn literal_type(expr: &Expr) -> Option<&'static str> {
    Some(match expr {
        Expr::NumberLiteral(number) => match number.value {
            ast::Number::Int(_) => "int",
            ast::Number::Float(_) => "float",
            ast::Number::Complex { .. } => "complex",
        },
        Expr::StringLiteral(_) => "str",
        Expr::BytesLiteral(_) => "bytes",
        // CPython folds `-1` into a constant before it checks.
        Expr::UnaryOp(unary)
            if matches!(unary.op, ast::UnaryOp::USub | ast::UnaryOp::UAdd)
                && matches!(*unary.operand, Expr::NumberLiteral(_)) =>
        {
            literal_type(&unary.operand)?
        }
        Expr::Tuple(tuple)
            if tuple.elts.iter().all(|e| literal_type(e).is_some() || is_singleton(e)) =>
        {
            "tuple"
        }
        _ => return None,
    })
}

fn is_singleton(expr: &Expr) -> bool {
    matches!(expr, Expr::NoneLiteral(_) | Expr::BooleanLiteral(_) | Expr::EllipsisLiteral(_))
}

/// `x is 1`: CPython's `check_compare`.
pub fn is_with_literal(compare: &ast::ExprCompare, version: PythonVersion) -> Option<String> {
    let mut left = &compare.operands[0];
    for (op, right) in compare.ops.iter().zip(&compare.operands[1..]) {
        let (word, instead) = match op {
            ast::CmpOp::Is => ("is", "=="),
            ast::CmpOp::IsNot => ("is not", "!="),
            _ => {
                left = right;
                continue;
            }
        };
        if let Some(kind) = literal_type(left).or_else(|| literal_type(right)) {
            return Some(match version >= PythonVersion::V3_12 {
                true => format!("\"{word}\" with '{kind}' literal. Did you mean \"{instead}\"?"),
                false => format!("\"{word}\" with a literal. Did you mean \"{instead}\"?"),
            });
        }
        left = right;
    }
    None
}

/// The type a display or literal makes (`[...]` a list), when calling or subscripting it
/// cannot be meant.
fn display_type(expr: &Expr) -> Option<&'static str> {
    Some(match expr {
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Tuple(_) => "tuple",
        Expr::FString(_) => "str",
        Expr::NoneLiteral(_) => "NoneType",
        Expr::BooleanLiteral(_) => "bool",
        Expr::EllipsisLiteral(_) => "ellipsis",
        other => literal_type(other)?,
    })
}

/// `(1, 2) (3, 4)`: CPython's `check_caller`.
pub fn missing_comma_call(call: &ast::ExprCall) -> Option<String> {
    let kind = display_type(&call.func)?;
    Some(format!("'{kind}' object is not callable; perhaps you missed a comma?"))
}

/// `[1, 2] [0]` reads as a subscript of the list: CPython's `check_subscripter`, for what
/// cannot be subscripted at all (a number, a set).
pub fn missing_comma_subscript(subscript: &ast::ExprSubscript) -> Option<String> {
    let kind = match &*subscript.value {
        Expr::NumberLiteral(_)
        | Expr::Set(_)
        | Expr::SetComp(_)
        | Expr::Generator(_)
        | Expr::NoneLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::EllipsisLiteral(_) => display_type(&subscript.value)?,
        _ => return None,
    };
    Some(format!("'{kind}' object is not subscriptable; perhaps you missed a comma?"))
}

/// The invalid escape sequences of the program's string and bytes literals (3.12+), as
/// CPython's tokenizer reports them: the first of each literal only, on the line where the
/// literal starts; an f-string's own text is reported as the f-string ends (after the strings
/// inside its replacement fields), on its last line.
pub fn invalid_escapes(source: &str, lines: &crate::syntax::LineIndex) -> Vec<Warning> {
    use ruff_python_ast::token::TokenKind;
    let line_of =
        |offset: usize| lines.line_column(ruff_text_size::TextSize::from(offset as u32)).0;
    let mut warnings = Vec::new();
    let mut lexer = ruff_python_parser::lexer::lex(source, ruff_python_parser::Mode::Module);
    // The f-strings the lexer is inside, innermost last: raw or not, and the first invalid
    // escape of each piece of their own text.
    let mut fstrings: Vec<(bool, Vec<String>)> = Vec::new();
    loop {
        let kind = lexer.next_token();
        let range = lexer.current_range();
        let text = &source[usize::from(range.start())..usize::from(range.end())];
        match kind {
            TokenKind::EndOfFile => return warnings,
            TokenKind::FStringStart | TokenKind::TStringStart => {
                fstrings.push((text.contains(['r', 'R']), Vec::new()));
            }
            TokenKind::FStringMiddle | TokenKind::TStringMiddle => {
                if let Some((false, found)) = fstrings.last_mut() {
                    found.extend(first_invalid_escape(text, false));
                }
            }
            TokenKind::FStringEnd | TokenKind::TStringEnd => {
                let line = line_of(usize::from(range.end()));
                let (_, found) = fstrings.pop().unwrap_or_default();
                warnings.extend(found.into_iter().map(|message| (line, message)));
            }
            TokenKind::String => {
                let quote = text.find(['\'', '"']).unwrap_or(0);
                let prefix = &text[..quote];
                if !prefix.contains(['r', 'R']) {
                    let bytes = prefix.contains(['b', 'B']);
                    if let Some(message) = first_invalid_escape(&text[quote..], bytes) {
                        warnings.push((line_of(usize::from(range.start())), message));
                    }
                }
            }
            _ => {}
        }
    }
}

/// The message for the first invalid escape in a literal's text (quotes included).
fn first_invalid_escape(body: &str, bytes: bool) -> Option<String> {
    scan_escapes(body, bytes).into_iter().next()
}

/// The messages of the invalid escapes in a literal's text, in order.
fn scan_escapes(body: &str, bytes: bool) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if c != '\\' {
            i += 1;
            continue;
        }
        let Some(&(_, next)) = chars.get(i + 1) else { break };
        match next {
            '\n' | '\r' | '\\' | '\'' | '"' | 'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | 'x' => {}
            'N' | 'u' | 'U' if !bytes => {}
            '0'..='7' => {
                let digits: String = chars[i + 1..]
                    .iter()
                    .take(3)
                    .map(|(_, c)| *c)
                    .take_while(|c| ('0'..='7').contains(c))
                    .collect();
                if u32::from_str_radix(&digits, 8).is_ok_and(|value| value > 0o377) {
                    found.push(format!("invalid octal escape sequence '\\{digits}'"));
                }
                i += 1 + digits.len();
                continue;
            }
            other => found.push(format!("invalid escape sequence '\\{other}'")),
        }
        i += 2;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_invalid_escape_of_each_literal_is_found_and_raw_strings_are_left_alone() {
        let source = "a = 'C:\\data\\q'\nb = r'\\d'\nc = b'\\u00e9 \\q'\nd = f'{a}\\w'\ne = '\\n\\x41\\N{DASH}'\nf = \"\"\"one\n\\p\"\"\"\n";
        let lines = crate::syntax::LineIndex::new(source);
        let found = invalid_escapes(source, &lines);
        assert_eq!(
            found,
            [
                (1, "invalid escape sequence '\\d'".to_string()),
                (3, "invalid escape sequence '\\u'".to_string()),
                (4, "invalid escape sequence '\\w'".to_string()),
                (6, "invalid escape sequence '\\p'".to_string()),
            ]
        );
    }
}
