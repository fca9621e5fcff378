//! `_json`: the fast paths of `json.dumps` and `json.loads`, as CPython's `_json` accelerates
//! its `json` package. Each handles the plain case (built-in values only, no hooks, a valid
//! document) and gives `None` for anything else, and `json.py` then does the whole job in
//! Python: so every error message, `default=` call and subclass is the Python code's, and
//! the two paths cannot disagree on output.

use crate::text::Text;
use std::fmt::Write;

use crate::value::{lock, Key, List, Map, Value};
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

/// Nesting deeper than this goes to the Python encoder, which finds cycles and raises
/// RecursionError as CPython does.
const MAX_DEPTH: usize = 200;

/// CPython refuses to convert ints of more digits than this to text (3.11+).
const MAX_INT_DIGITS: usize = 4300;

pub fn module() -> Vec<(&'static str, Value)> {
    vec![
        ("encode", crate::builtins::builtin_function("encode", encode)),
        ("scan", crate::builtins::builtin_function("scan", scan)),
    ]
}

struct Encoder<'a> {
    ensure_ascii: bool,
    allow_nan: bool,
    sort_keys: bool,
    item_separator: &'a str,
    key_separator: &'a str,
    indent: Option<&'a str>,
    out: String,
}

/// `encode(o, ensure_ascii, allow_nan, sort_keys, item_separator, key_separator, indent)`:
/// the JSON text of `o`, or None when the Python encoder must do it.
fn encode(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let [o, ensure_ascii, allow_nan, sort_keys, item_separator, key_separator, indent] = &args[..]
    else {
        return Ok(Value::None);
    };
    let (Value::Str(item_separator), Value::Str(key_separator)) = (item_separator, key_separator)
    else {
        return Ok(Value::None);
    };
    let indent = match indent {
        Value::None => None,
        Value::Str(indent) => Some(&**indent),
        _ => return Ok(Value::None),
    };
    let mut encoder = Encoder {
        ensure_ascii: thread.truth(ensure_ascii)?,
        allow_nan: thread.truth(allow_nan)?,
        sort_keys: thread.truth(sort_keys)?,
        item_separator,
        key_separator,
        indent,
        out: String::new(),
    };
    Ok(match encoder.value(o, 0) {
        Some(()) => Value::str(&encoder.out),
        None => Value::None,
    })
}

impl Encoder<'_> {
    /// Writes `value`; `None` if it is not plain data.
    fn value(&mut self, value: &Value, depth: usize) -> Option<()> {
        match value {
            Value::Str(text) => self.string(text),
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            Value::Int(i) => write!(self.out, "{i}").expect("to a String"),
            Value::BigInt(i) => {
                let digits = i.to_string();
                if digits.trim_start_matches('-').len() > MAX_INT_DIGITS {
                    return None;
                }
                self.out.push_str(&digits);
            }
            Value::Float(f) => {
                let text = self.float(*f)?;
                self.out.push_str(&text);
            }
            Value::List(list) => {
                let items = lock(&list.items).clone();
                self.container(depth, '[', ']', &items, |encoder, item, depth| {
                    encoder.value(item, depth)
                })?;
            }
            Value::Tuple(items) => {
                self.container(depth, '[', ']', items, |encoder, item, depth| {
                    encoder.value(item, depth)
                })?;
            }
            Value::Dict(dict) => {
                // A copy, so that no lock is held while the values are written (a dict may
                // hold itself).
                let entries = lock(&dict.entries);
                let mut items: Vec<(Value, Value)> =
                    entries.iter().map(|(key, value)| (key.0.clone(), value.clone())).collect();
                drop(entries);
                if self.sort_keys {
                    // Python sorts the items as they are; only str keys sort without it.
                    if !items.iter().all(|(key, _)| matches!(key, Value::Str(_))) {
                        return None;
                    }
                    items.sort_by(|(a, _), (b, _)| match (a, b) {
                        (Value::Str(a), Value::Str(b)) => a.cmp(b),
                        _ => unreachable!("checked: str keys"),
                    });
                }
                self.container(depth, '{', '}', &items, |encoder, (key, value), depth| {
                    let key = encoder.key(key)?;
                    encoder.string(&key);
                    encoder.out.push_str(encoder.key_separator);
                    encoder.value(value, depth)
                })?;
            }
            _ => return None,
        }
        Some(())
    }

    /// A dict key as JSON's text keys: str as it is, numbers, bools and None written out.
    fn key(&self, key: &Value) -> Option<String> {
        Some(match key {
            Value::Str(text) => text.to_string(),
            Value::Float(f) => self.float(*f)?,
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::None => "null".into(),
            Value::Int(i) => i.to_string(),
            _ => return None,
        })
    }

    fn float(&self, f: f64) -> Option<String> {
        if f.is_finite() {
            return Some(crate::ops::float_repr(f));
        }
        if !self.allow_nan {
            return None;
        }
        Some(
            match (f.is_nan(), f > 0.0) {
                (true, _) => "NaN",
                (false, true) => "Infinity",
                (false, false) => "-Infinity",
            }
            .into(),
        )
    }

    /// `[...]` or `{...}`: the entries between separators, one a line when indenting.
    fn container<T>(
        &mut self,
        depth: usize,
        opening: char,
        closing: char,
        entries: &[T],
        mut write: impl FnMut(&mut Self, &T, usize) -> Option<()>,
    ) -> Option<()> {
        if depth >= MAX_DEPTH {
            return None;
        }
        self.out.push(opening);
        if entries.is_empty() {
            self.out.push(closing);
            return Some(());
        }
        let newline_indent = self.indent.map(|indent| format!("\n{}", indent.repeat(depth + 1)));
        if let Some(newline_indent) = &newline_indent {
            self.out.push_str(newline_indent);
        }
        for (i, entry) in entries.iter().enumerate() {
            if i > 0 {
                self.out.push_str(self.item_separator);
                if let Some(newline_indent) = &newline_indent {
                    self.out.push_str(newline_indent);
                }
            }
            write(self, entry, depth + 1)?;
        }
        if let Some(indent) = self.indent {
            self.out.push('\n');
            self.out.push_str(&indent.repeat(depth));
        }
        self.out.push(closing);
        Some(())
    }

    /// A JSON string: quotes, the short escapes, `\uXXXX` for control characters and, with
    /// `ensure_ascii`, for everything past `~` (as UTF-16, in surrogate pairs past U+FFFF).
    fn string(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 || (self.ensure_ascii && (c as u32) > 0x7e) => {
                    let mut units = [0u16; 2];
                    for unit in c.encode_utf16(&mut units) {
                        write!(self.out, "\\u{unit:04x}").expect("to a String");
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

/// `scan(s)`: `(value,)` for a valid JSON document, None for anything the Python decoder must
/// report on (or that needs its hooks).
fn scan(_: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let Some(Value::Str(text)) = args.first() else { return Ok(Value::None) };
    let mut scanner = Scanner { text: text.as_bytes(), at: 0 };
    let Some(value) = scanner.value(0) else { return Ok(Value::None) };
    scanner.skip_whitespace();
    if scanner.at != scanner.text.len() {
        return Ok(Value::None);
    }
    Ok(Value::tuple(vec![value]))
}

struct Scanner<'a> {
    text: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn skip_whitespace(&mut self) {
        while matches!(self.text.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> bool {
        let found = self.text[self.at..].starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        if depth >= MAX_DEPTH {
            return None;
        }
        self.skip_whitespace();
        Some(match *self.text.get(self.at)? {
            b'"' => {
                self.at += 1;
                Value::str(&self.string()?)
            }
            b'{' => {
                self.at += 1;
                self.object(depth)?
            }
            b'[' => {
                self.at += 1;
                self.array(depth)?
            }
            b'n' if self.eat(b"null") => Value::None,
            b't' if self.eat(b"true") => Value::Bool(true),
            b'f' if self.eat(b"false") => Value::Bool(false),
            b'N' if self.eat(b"NaN") => Value::Float(f64::NAN),
            b'I' if self.eat(b"Infinity") => Value::Float(f64::INFINITY),
            b'-' if self.eat(b"-Infinity") => Value::Float(f64::NEG_INFINITY),
            b'-' | b'0'..=b'9' => self.number()?,
            _ => return None,
        })
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, as CPython's `NUMBER_RE`.
    fn number(&mut self) -> Option<Value> {
        let start = self.at;
        let digits = |scanner: &mut Self| {
            let from = scanner.at;
            while scanner.text.get(scanner.at).is_some_and(u8::is_ascii_digit) {
                scanner.at += 1;
            }
            scanner.at - from
        };
        self.eat(b"-");
        if self.eat(b"0") {
        } else if digits(self) == 0 {
            return None;
        }
        let integer_end = self.at;
        if self.text.get(self.at) == Some(&b'.') {
            self.at += 1;
            if digits(self) == 0 {
                // `1.` is the int 1 followed by extra data: the Python decoder says so.
                return None;
            }
        }
        if matches!(self.text.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.text.get(self.at), Some(b'-' | b'+')) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return None;
            }
        }
        let literal = std::str::from_utf8(&self.text[start..self.at]).expect("ASCII");
        if self.at == integer_end {
            if literal.len() > MAX_INT_DIGITS {
                return None;
            }
            return Some(match literal.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => crate::ops::normalize(literal.parse().ok()?),
            });
        }
        literal.parse::<f64>().ok().map(Value::Float)
    }

    /// The rest of a string after its opening quote.
    fn string(&mut self) -> Option<String> {
        let mut out = String::new();
        loop {
            let run_start = self.at;
            while let Some(&byte) = self.text.get(self.at) {
                if byte == b'"' || byte == b'\\' || byte < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(std::str::from_utf8(&self.text[run_start..self.at]).ok()?);
            match *self.text.get(self.at)? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let escape = *self.text.get(self.at)?;
                    self.at += 1;
                    out.push(match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return None,
                    });
                }
                // A control character: strict decoding refuses it.
                _ => return None,
            }
        }
    }

    /// After `\u`: a char, from a surrogate pair when it takes two escapes. A lone surrogate
    /// (which a Rust string cannot hold) goes to the Python decoder.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        if (0xd800..0xdc00).contains(&first) && self.eat(b"\\u") {
            let second = self.hex4()?;
            if (0xdc00..0xe000).contains(&second) {
                let code = 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
                return char::from_u32(code);
            }
            return None;
        }
        char::from_u32(first)
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.text.get(self.at..self.at + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.at += 4;
        u32::from_str_radix(text, 16).ok()
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        let mut map = Map::new();
        self.skip_whitespace();
        if self.eat(b"}") {
            return Some(crate::value::Dict::new(map));
        }
        loop {
            self.skip_whitespace();
            if !self.eat(b"\"") {
                return None;
            }
            let key = self.string()?;
            self.skip_whitespace();
            if !self.eat(b":") {
                return None;
            }
            let value = self.value(depth + 1)?;
            map.insert(Key(Value::str(&key)), value);
            self.skip_whitespace();
            if self.eat(b"}") {
                return Some(crate::value::Dict::new(map));
            }
            if !self.eat(b",") {
                return None;
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Value> {
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.eat(b"]") {
            return Some(List::new(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.skip_whitespace();
            if self.eat(b"]") {
                return Some(List::new(items));
            }
            if !self.eat(b",") {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Scanner;

    /// Every cut and every one-byte change of a document that uses each part of the grammar
    /// scans to a value or to "not plain", never to a panic.
    #[test]
    fn the_scanner_survives_any_damage_to_a_document() {
        let document = r#" {"a": [1, -2.5e+3, true, false, null, NaN, -Infinity, "\u00e9\ud83d\ude00\n\"", {}], "b": {"c": [[]]}, "big": 123456789012345678901234567890} "#;
        let replacements = [
            b'"', b'\\', b'u', b'[', b']', b'{', b'}', b',', b':', b'-', b'0', b'e', b'.', 0x01,
            0xff,
        ];
        let mut scanned = 0;
        for cut in 0..=document.len() {
            let mut scanner = Scanner { text: &document.as_bytes()[..cut], at: 0 };
            scanned += usize::from(scanner.value(0).is_some());
            for (at, replacement) in (0..cut).flat_map(|at| replacements.map(|r| (at, r))) {
                let mut damaged = document.as_bytes()[..cut].to_vec();
                damaged[at] = replacement;
                let _ = Scanner { text: &damaged, at: 0 }.value(0);
            }
        }
        assert!(scanned > 0, "the whole document scans");
    }
}
