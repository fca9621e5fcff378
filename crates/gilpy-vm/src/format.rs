//! Python's format-spec mini-language (`format(x, ".2f")`, f-string `{x:>10}`) and
//! `%`-formatting, for built-in values.

use crate::ops::{as_float, error, float_repr, type_name, OpError, OpResult};
use crate::value::Value;

struct Spec {
    fill: char,
    align: Option<char>,
    sign: char,
    alternate: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn parse_spec(spec: &str) -> Result<Spec, OpError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut parsed = Spec {
        fill: ' ',
        align: None,
        sign: '-',
        alternate: false,
        width: 0,
        grouping: None,
        precision: None,
        kind: None,
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        parsed.fill = chars[0];
        parsed.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        parsed.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        parsed.sign = chars[i];
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        parsed.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        if parsed.align.is_none() {
            parsed.fill = '0';
            parsed.align = Some('=');
        }
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    parsed.width = chars[start..i].iter().collect::<String>().parse().unwrap_or(0);
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        parsed.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        parsed.precision = Some(
            chars[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .map_err(|_| error("ValueError", "Format specifier missing precision"))?,
        );
    }
    if i < chars.len() {
        parsed.kind = Some(chars[i]);
        i += 1;
    }
    if i != chars.len() {
        return Err(error("ValueError", "Invalid format specifier"));
    }
    Ok(parsed)
}

fn group_digits(digits: &str, separator: char, every: usize) -> String {
    let (int_part, rest) = match digits.find('.') {
        Some(dot) => digits.split_at(dot),
        None => (digits, ""),
    };
    let mut out = String::new();
    for (index, c) in int_part.chars().enumerate() {
        if index > 0 && (int_part.len() - index) % every == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out + rest
}

fn pad(body: String, sign: &str, spec: &Spec, default_align: char) -> String {
    let len = body.chars().count() + sign.chars().count();
    if len >= spec.width {
        return format!("{sign}{body}");
    }
    let padding = spec.width - len;
    let fill = |n: usize| spec.fill.to_string().repeat(n);
    match spec.align.unwrap_or(default_align) {
        '<' => format!("{sign}{body}{}", fill(padding)),
        '^' => format!("{}{sign}{body}{}", fill(padding / 2), fill(padding - padding / 2)),
        '=' => format!("{sign}{}{body}", fill(padding)),
        _ => format!("{}{sign}{body}", fill(padding)),
    }
}

/// `format(value, spec)` for built-in values; `str_of` renders a value as `str()` would (the
/// VM supplies it, for instances).
pub fn format_value(value: &Value, spec: &str, str_of: &dyn Fn(&Value) -> String) -> OpResult {
    if spec.is_empty() {
        return Ok(Value::str(&str_of(value)));
    }
    let parsed = parse_spec(spec)?;
    let number = |negative: bool| -> &'static str {
        match (negative, parsed.sign) {
            (true, _) => "-",
            (false, '+') => "+",
            (false, ' ') => " ",
            _ => "",
        }
    };
    let text = match (value, parsed.kind) {
        (Value::Str(s), None | Some('s')) => {
            let body: String = match parsed.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s.to_string(),
            };
            pad(body, "", &parsed, '<')
        }
        (Value::Int(code), Some('c')) => {
            let Some(c) = u32::try_from(*code).ok().and_then(char::from_u32) else {
                return Err(error("OverflowError", "%c arg not in range(0x110000)"));
            };
            pad(c.to_string(), "", &parsed, '<')
        }
        (
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_),
            None | Some('d' | 'n' | 'x' | 'X' | 'o' | 'b'),
        ) => {
            let big = match value {
                Value::Int(i) => num_bigint::BigInt::from(*i),
                Value::Bool(b) => num_bigint::BigInt::from(*b as i64),
                Value::BigInt(i) => (**i).clone(),
                _ => unreachable!(),
            };
            let negative = big.sign() == num_bigint::Sign::Minus;
            let magnitude = big.magnitude();
            let (digits, prefix, every) = match parsed.kind {
                Some('x') => (magnitude.to_str_radix(16), "0x", 4),
                Some('X') => (magnitude.to_str_radix(16).to_uppercase(), "0X", 4),
                Some('o') => (magnitude.to_str_radix(8), "0o", 4),
                Some('b') => (magnitude.to_str_radix(2), "0b", 4),
                _ => (magnitude.to_string(), "", 3),
            };
            let digits = match parsed.grouping {
                Some(separator) => group_digits(&digits, separator, every),
                None => digits,
            };
            let sign =
                format!("{}{}", number(negative), if parsed.alternate { prefix } else { "" });
            pad(digits, &sign, &parsed, '>')
        }
        (_, Some('f' | 'F' | 'e' | 'E' | 'g' | 'G' | '%')) | (Value::Float(_), None) => {
            let Some(float) = as_float(value) else {
                return Err(unknown_code(parsed.kind.unwrap_or('f'), value));
            };
            let precision = parsed.precision.unwrap_or(6);
            let negative = float.is_sign_negative() && !float.is_nan();
            let magnitude = float.abs();
            let body = match parsed.kind {
                _ if !magnitude.is_finite() => {
                    let text = if magnitude.is_nan() { "nan" } else { "inf" };
                    match parsed.kind {
                        Some('F' | 'E' | 'G') => text.to_uppercase(),
                        Some('%') => format!("{text}%"),
                        _ => text.to_string(),
                    }
                }
                Some('f' | 'F') => format!("{magnitude:.precision$}"),
                Some('%') => format!("{:.precision$}%", magnitude * 100.0),
                Some('e' | 'E') => {
                    let text = format!("{magnitude:.precision$e}");
                    let (mantissa, exponent) = text.split_once('e').unwrap();
                    let exponent: i32 = exponent.parse().unwrap();
                    let text = format!(
                        "{mantissa}e{}{:02}",
                        if exponent < 0 { '-' } else { '+' },
                        exponent.abs()
                    );
                    if parsed.kind == Some('E') {
                        text.to_uppercase()
                    } else {
                        text
                    }
                }
                Some('g') => general_format(magnitude, parsed.precision.unwrap_or(6).max(1)),
                Some('G') => {
                    general_format(magnitude, parsed.precision.unwrap_or(6).max(1)).to_uppercase()
                }
                _ => match parsed.precision {
                    Some(p) => general_format(magnitude, p.max(1)),
                    None => float_repr(magnitude),
                },
            };
            let body = match parsed.grouping {
                Some(separator) => group_digits(&body, separator, 3),
                None => body,
            };
            pad(body, number(negative), &parsed, '>')
        }
        (_, Some(kind)) => return Err(unknown_code(kind, value)),
        (_, None) => pad(str_of(value), "", &parsed, '<'),
    };
    Ok(Value::str(&text))
}

/// `%g`: precision significant digits, trailing zeros removed, scientific outside 1e-4..1e(p).
fn general_format(value: f64, precision: usize) -> String {
    if value == 0.0 {
        return "0".into();
    }
    let exponent = value.abs().log10().floor() as i32;
    if exponent < -4 || exponent >= precision as i32 {
        let text = format!("{:.*e}", precision - 1, value);
        let (mantissa, exponent) = text.split_once('e').unwrap();
        let mantissa = if mantissa.contains('.') {
            mantissa.trim_end_matches('0').trim_end_matches('.')
        } else {
            mantissa
        };
        let exponent: i32 = exponent.parse().unwrap();
        format!("{mantissa}e{}{:02}", if exponent < 0 { '-' } else { '+' }, exponent.abs())
    } else {
        let decimals = (precision as i32 - 1 - exponent).max(0) as usize;
        let text = format!("{value:.decimals$}");
        if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            text
        }
    }
}

fn unknown_code(kind: char, value: &Value) -> OpError {
    error(
        "ValueError",
        format!("Unknown format code '{kind}' for object of type '{}'", type_name(value)),
    )
}

/// Why `%`-formatting failed: a bad format or argument, or an error of `convert`.
pub enum PercentError<E> {
    Op(OpError),
    Convert(E),
}

impl<E> From<OpError> for PercentError<E> {
    fn from(error: OpError) -> Self {
        PercentError::Op(error)
    }
}

/// `%s` of a str and `%d` of an int with at most a width (`%5d`, `%02d`, `%-3s`): the common
/// cases, written straight out; the rest go through a format spec, built and parsed, three
/// times slower. False when `kind`, `value` or `spec` is not one of these.
fn write_plain_percent(
    kind: char,
    value: &Value,
    left: bool,
    spec: &str,
    out: &mut String,
) -> bool {
    if spec.len() > 3 || !spec.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let width: usize = spec.parse().unwrap_or(0);
    // An int's digits, written from the end of a buffer on the stack: no allocation per value.
    let mut digits = [0u8; 20];
    let (sign, body, zero) = match (kind, value) {
        ('s', Value::Str(text)) => ("", &**text, false),
        ('d' | 'i' | 'u', Value::Int(n)) => {
            let (mut rest, mut at) = (n.unsigned_abs(), digits.len());
            loop {
                at -= 1;
                digits[at] = b'0' + (rest % 10) as u8;
                rest /= 10;
                if rest == 0 {
                    break;
                }
            }
            let body = std::str::from_utf8(&digits[at..]).expect("ASCII digits");
            (if *n < 0 { "-" } else { "" }, body, spec.starts_with('0') && !left)
        }
        _ => return false,
    };
    let len = sign.len() + if body.is_ascii() { body.len() } else { body.chars().count() };
    let pad = width.saturating_sub(len);
    if left {
        out.push_str(sign);
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', pad));
    } else if zero {
        out.push_str(sign);
        out.extend(std::iter::repeat_n('0', pad));
        out.push_str(body);
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        out.push_str(sign);
        out.push_str(body);
    }
    true
}

/// `format % args` for built-in values, which need no Python code to turn into text.
pub fn percent_format(format: &str, args: &Value) -> OpResult {
    let mut convert = |value: &Value, kind: char| {
        Ok::<_, OpError>(match kind {
            's' => plain_str(value),
            'd' => String::new(),
            _ => plain_repr(value),
        })
    };
    percent_format_with(format, args, &mut convert).map_err(|error| match error {
        PercentError::Op(error) | PercentError::Convert(error) => error,
    })
}

/// `format % args` (`%s`, `%r`, `%a`, `%d`, `%i`, `%f`, `%x`, `%%`, with flags, width and
/// precision, `*` for either, and `%(key)s` with a mapping). `convert(value, kind)` gives the
/// text of `%s`, `%r` or `%a`; for kind `'d'` it only vets a big int to be printed in decimal.
pub fn percent_format_with<E>(
    format: &str,
    args: &Value,
    convert: &mut dyn FnMut(&Value, char) -> Result<String, E>,
) -> Result<Value, PercentError<E>> {
    let mapping = match args.builtin_base() {
        Value::Dict(dict) => Some(dict),
        _ => None,
    };
    // A mapping is also the one value of specs without a key (`"%s" % {"a": 1}`), as in
    // CPython, where only a tuple spreads over the specs.
    let values: Vec<Value> = match args.builtin_base() {
        Value::Tuple(items) => items.to_vec(),
        _ if mapping.is_some() => vec![args.clone()],
        other => vec![other.clone()],
    };
    let mut values = values.into_iter();
    let mut next_value = || {
        values.next().ok_or_else(|| error("TypeError", "not enough arguments for format string"))
    };
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut keyed = None;
        if chars.peek() == Some(&'(') {
            chars.next();
            let Some(dict) = mapping else {
                return Err(error("TypeError", "format requires a mapping").into());
            };
            let mut key = String::new();
            let mut depth = 1;
            loop {
                match chars.next() {
                    Some(')') if depth == 1 => break,
                    Some(c) => {
                        depth += (c == '(') as usize;
                        depth -= (c == ')') as usize;
                        key.push(c);
                    }
                    None => return Err(error("ValueError", "incomplete format key").into()),
                }
            }
            let found = crate::value::lock(&dict.entries)
                .get(&crate::value::Key(Value::str(&key)))
                .cloned();
            // The exception's argument is the key itself, as CPython's.
            keyed = Some(found.ok_or_else(|| error("KeyError", key.clone()))?);
        }
        let mut spec = String::new();
        while let Some(&next) = chars.peek() {
            if "-+ #0123456789.".contains(next) {
                spec.push(next);
                chars.next();
            } else if next == '*' {
                // The width or precision is the next argument.
                chars.next();
                match next_value()? {
                    Value::Int(n) => spec.push_str(&n.to_string()),
                    _ => return Err(error("TypeError", "* wants int").into()),
                }
            } else {
                break;
            }
        }
        let Some(kind) = chars.next() else {
            return Err(error("ValueError", "incomplete format").into());
        };
        if kind == '%' {
            out.push('%');
            continue;
        }
        let value = match keyed {
            Some(value) => value,
            None => next_value()?,
        };
        let left = spec.starts_with('-');
        let spec = spec.trim_start_matches('-');
        if write_plain_percent(kind, &value, left, spec, &mut out) {
            continue;
        }
        let rendered = match kind {
            's' | 'r' | 'a' => format_value(
                &Value::str(&convert(&value, kind).map_err(PercentError::Convert)?),
                &format!("{}{spec}", if left { "<" } else { ">" }),
                &|v| plain_str(v),
            )?,
            'd' | 'i' | 'u' => {
                // An int subclass (an enum's IntFlag) formats as its int.
                let value = value.builtin_base().clone();
                let int = match &value {
                    Value::Float(f) if f.is_infinite() => {
                        return Err(error(
                            "OverflowError",
                            "cannot convert float infinity to integer",
                        )
                        .into());
                    }
                    Value::Float(f) if f.is_nan() => {
                        return Err(
                            error("ValueError", "cannot convert float NaN to integer").into()
                        );
                    }
                    Value::Float(f) => crate::builtins::integral_float_value(f.trunc()),
                    Value::BigInt(_) => {
                        // Vetted as a decimal print (CPython's limit on int digits).
                        convert(&value, 'd').map_err(PercentError::Convert)?;
                        value.clone()
                    }
                    Value::Int(_) | Value::Bool(_) => value.clone(),
                    other => {
                        return Err(error(
                            "TypeError",
                            format!(
                                "%{kind} format: a real number is required, not {}",
                                type_name(other)
                            ),
                        )
                        .into())
                    }
                };
                format_value(&int, &format!("{}{spec}d", if left { "<" } else { "" }), &|v| {
                    plain_str(v)
                })?
            }
            // %c takes a one-character string or a code point.
            'c' if matches!(&value, Value::Str(s) if s.chars().count() == 1) => {
                format_value(&value, &format!("{}{spec}", if left { "<" } else { ">" }), &|v| {
                    plain_str(v)
                })?
            }
            // Built-in values that are no number (an instance may have `__float__`).
            'f' | 'F' | 'e' | 'E' | 'g' | 'G'
                if !matches!(value, Value::Float(_) | Value::Instance(_))
                    && !crate::ops::is_int(&value) =>
            {
                return Err(error(
                    "TypeError",
                    format!("must be real number, not {}", type_name(&value)),
                )
                .into())
            }
            // %x, %X and %o take integers only (a float is no number to them).
            'x' | 'X' | 'o' if !crate::ops::is_int(value.builtin_base()) => {
                return Err(error(
                    "TypeError",
                    format!("%{kind} format: an integer is required, not {}", type_name(&value)),
                )
                .into())
            }
            'c' | 'f' | 'F' | 'e' | 'E' | 'g' | 'G' | 'x' | 'X' | 'o' => format_value(
                &value,
                &format!("{}{spec}{kind}", if left { "<" } else { "" }),
                &|v| plain_str(v),
            )?,
            other => {
                return Err(error(
                    "ValueError",
                    format!("unsupported format character '{other}' (0x{:x})", other as u32),
                )
                .into());
            }
        };
        if let Value::Str(text) = rendered {
            out.push_str(&text);
        }
    }
    if mapping.is_none() && next_value().is_ok() {
        return Err(
            error("TypeError", "not all arguments converted during string formatting").into()
        );
    }
    Ok(Value::str(&out))
}

/// `str()` of built-in values without Python code (instances print their default repr).
pub fn plain_str(value: &Value) -> String {
    match value {
        Value::Str(s) => s.to_string(),
        other => plain_repr(other),
    }
}

pub fn plain_repr(value: &Value) -> String {
    crate::ops::builtin_repr(value, &mut |item| plain_repr(item)).unwrap_or_else(|| match value {
        Value::Instance(instance) => format!("<__main__.{} object>", instance.class.name),
        Value::Native(native) => {
            format!(
                "<{}.{} object at 0x{:012x}>",
                native.kind.module,
                native.kind.name,
                value.address()
            )
        }
        other => format!("<{} object at 0x{:012x}>", type_name(other), other.address()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(value: Value, spec: &str) -> String {
        match format_value(&value, spec, &plain_str).unwrap() {
            Value::Str(s) => s.to_string(),
            _ => unreachable!(),
        }
    }

    #[test]
    fn format_specs_match_python() {
        assert_eq!(f(Value::Float(3.14159), ".2f"), "3.14");
        assert_eq!(f(Value::Int(1234567), ","), "1,234,567");
        assert_eq!(f(Value::str("hi"), ">10"), "        hi");
        assert_eq!(f(Value::str("hi"), "*^6"), "**hi**");
        assert_eq!(f(Value::Int(42), "05d"), "00042");
        assert_eq!(f(Value::Int(-42), "+d"), "-42");
        assert_eq!(f(Value::Int(255), "#x"), "0xff");
        assert_eq!(f(Value::Float(0.25), ".1%"), "25.0%");
        assert_eq!(f(Value::Float(12345.678), ",.2f"), "12,345.68");
        assert_eq!(f(Value::Float(1234.5), "e"), "1.234500e+03");
        assert_eq!(f(Value::Float(0.00001234), "g"), "1.234e-05");
    }

    #[test]
    fn percent_formatting_matches_python() {
        let out = percent_format(
            "%s is %d years, %.1f%% done, %5s|%-4d|",
            &Value::tuple(vec![
                Value::str("Ann"),
                Value::Int(30),
                Value::Float(99.5),
                Value::str("x"),
                Value::Int(7),
            ]),
        )
        .unwrap();
        assert!(matches!(out, Value::Str(s) if &*s == "Ann is 30 years, 99.5% done,     x|7   |"));
        let error = percent_format("%d %d", &Value::Int(1)).unwrap_err();
        assert_eq!(error.message, "not enough arguments for format string");
    }
}
