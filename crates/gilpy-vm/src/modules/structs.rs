//! `_struct`: `struct.pack`, `unpack` and `calcsize`, as CPython's `Modules/_struct.c`: the
//! same format codes, byte orders, native sizes and alignment (of a 64-bit Linux build), and
//! the same errors per version. `struct.py` wraps it in `Struct` and the other functions.

use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::text::Text;
use crate::value::{Class, Instance, Value};
use crate::version::PythonVersion;
use crate::vm::{CallResult, Thread};

type Args = Vec<Value>;
type Kwargs = Vec<(Text, Value)>;

pub fn module() -> Vec<(&'static str, Value)> {
    use crate::builtins::builtin_function as builtin;
    vec![
        ("pack", builtin("pack", struct_pack)),
        ("unpack", builtin("unpack", struct_unpack)),
        ("calcsize", builtin("calcsize", struct_calcsize)),
    ]
}

#[derive(Clone, Copy, PartialEq)]
enum Order {
    /// `@`: native order, sizes and alignment.
    Native,
    Little,
    Big,
}

/// One code of a format, repeated `count` times (a string's length for `s` and `p`).
struct Item {
    code: char,
    count: usize,
    size: usize,
    /// Where the first of them starts.
    offset: usize,
}

struct Layout {
    order: Order,
    native_sizes: bool,
    items: Vec<Item>,
    size: usize,
}

fn error(class: &Arc<Class>, message: impl Into<String>) -> Value {
    let instance = Instance::new(class.clone(), None);
    instance.set(Text::from("args"), Value::tuple(vec![Value::str(&message.into())]));
    Value::Instance(Arc::new(instance))
}

fn code_size(code: char, native: bool) -> Option<usize> {
    Some(match code {
        'x' | 'c' | 'b' | 'B' | '?' | 's' | 'p' => 1,
        'h' | 'H' | 'e' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' => {
            if native {
                8
            } else {
                4
            }
        }
        'q' | 'Q' | 'd' => 8,
        'n' | 'N' | 'P' if native => 8,
        _ => return None,
    })
}

fn layout(format: &str, bad: &dyn Fn(&str) -> Value) -> Result<Layout, Value> {
    let mut chars = format.chars().peekable();
    let (order, native_sizes) = match chars.peek() {
        Some('@') => (Order::Native, true),
        Some('=') => (Order::Little, false),
        Some('<') => (Order::Little, false),
        Some('>') | Some('!') => (Order::Big, false),
        _ => (Order::Native, true),
    };
    if matches!(chars.peek(), Some('@' | '=' | '<' | '>' | '!')) {
        chars.next();
    }
    let mut items = Vec::new();
    let mut size = 0usize;
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut count = 1;
        let mut code = c;
        if c.is_ascii_digit() {
            let mut digits = String::from(c);
            while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(*d);
                chars.next();
            }
            count = digits.parse().map_err(|_| bad("total struct size too long"))?;
            code =
                chars.next().ok_or_else(|| bad("repeat count given without format specifier"))?;
        }
        let Some(item_size) = code_size(code, native_sizes) else {
            return Err(bad("bad char in struct format"));
        };
        let too_long = || bad("total struct size too long");
        if native_sizes && !matches!(code, 's' | 'p' | 'x' | 'c' | 'b' | 'B' | '?') {
            size = size.div_ceil(item_size).checked_mul(item_size).ok_or_else(too_long)?;
        }
        let total =
            if matches!(code, 's' | 'p') { Some(count) } else { item_size.checked_mul(count) };
        items.push(Item { code, count, size: item_size, offset: size });
        size = total
            .and_then(|total| size.checked_add(total))
            .filter(|&size| size <= isize::MAX as usize)
            .ok_or_else(too_long)?;
    }
    Ok(Layout { order, native_sizes, items, size })
}

fn format_text(thread: &Thread, value: &Value) -> Result<String, Value> {
    match value {
        Value::Str(text) => Ok(text.to_string()),
        Value::Bytes(bytes) => Ok(String::from_utf8_lossy(bytes).into_owned()),
        other => Err(thread.exception(
            "TypeError",
            format!(
                "Struct() argument 1 must be a str or bytes object, not {}",
                crate::ops::type_name(other)
            ),
        )),
    }
}

fn error_class(thread: &Thread, value: Option<&Value>) -> Result<Arc<Class>, Value> {
    match value {
        Some(Value::Class(class)) => Ok(class.clone()),
        _ => Err(thread.exception("TypeError", "the struct error class is missing")),
    }
}

/// The range message of an integer code out of range, as each version words it.
fn range_message(version: PythonVersion, code: char, native: bool, size: usize) -> String {
    let signed = code.is_ascii_lowercase();
    let bits = 8 * size as u32;
    let (low, high): (i128, i128) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    };
    if version >= PythonVersion::V3_12 {
        return format!("'{code}' format requires {low} <= number <= {high}");
    }
    let hex_style = version <= PythonVersion::V3_10;
    match code {
        'b' => "byte format requires -128 <= number <= 127".into(),
        'B' => "ubyte format requires 0 <= number <= 255".into(),
        'h' if hex_style => "short format requires (-0x7fff - 1) <= number <= 0x7fff".into(),
        'h' => "short format requires -32768 <= number <= 32767".into(),
        'H' if hex_style => "ushort format requires 0 <= number <= (0x7fff * 2 + 1)".into(),
        'H' => "ushort format requires 0 <= number <= 65535".into(),
        _ if !native && signed && size == 4 => {
            format!("'{code}' format requires {low} <= number <= {high}")
        }
        _ => "argument out of range".into(),
    }
}

fn put(out: &mut [u8], order: Order, bytes: &[u8]) {
    match order {
        Order::Big => out.copy_from_slice(&bytes.iter().rev().copied().collect::<Vec<_>>()),
        _ => out.copy_from_slice(bytes),
    }
}

/// `pack(format, values, error)`.
fn struct_pack(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let class = error_class(thread, args.get(2))?;
    let bad = |message: &str| error(&class, message);
    let format = format_text(thread, args.first().unwrap_or(&Value::None))?;
    let layout = layout(&format, &bad)?;
    let values: Vec<Value> = match args.get(1) {
        Some(Value::Tuple(values)) => values.to_vec(),
        _ => Vec::new(),
    };
    let expected: usize = layout
        .items
        .iter()
        .map(|item| match item.code {
            'x' => 0,
            's' | 'p' => 1,
            _ => item.count,
        })
        .sum();
    if values.len() != expected {
        return Err(bad(&format!(
            "pack expected {expected} items for packing (got {})",
            values.len()
        )));
    }
    let mut out = Vec::new();
    if out.try_reserve_exact(layout.size).is_err() {
        return Err(thread.exception("MemoryError", ""));
    }
    out.resize(layout.size, 0u8);
    let mut values = values.into_iter();
    for item in &layout.items {
        match item.code {
            'x' => continue,
            's' | 'p' => {
                let value = values.next().unwrap();
                let Value::Bytes(data) = &value else {
                    return Err(bad(&format!(
                        "argument for '{}' must be a bytes object",
                        item.code
                    )));
                };
                let field = &mut out[item.offset..item.offset + item.count];
                if item.code == 's' {
                    let n = data.len().min(item.count);
                    field[..n].copy_from_slice(&data[..n]);
                } else if item.count > 0 {
                    let n = data.len().min(item.count - 1).min(255);
                    field[0] = n as u8;
                    field[1..=n].copy_from_slice(&data[..n]);
                }
                continue;
            }
            _ => {}
        }
        for index in 0..item.count {
            let value = values.next().unwrap();
            let at = item.offset + index * item.size;
            let field = &mut out[at..at + item.size];
            match item.code {
                'c' => match &value {
                    Value::Bytes(data) if data.len() == 1 => field[0] = data[0],
                    _ => return Err(bad("char format requires a bytes object of length 1")),
                },
                '?' => field[0] = u8::from(thread.truth(&value)?),
                'e' | 'f' | 'd' => {
                    let number = match value.builtin_base() {
                        Value::Float(f) => *f,
                        Value::Int(n) => *n as f64,
                        Value::Bool(b) => f64::from(u8::from(*b)),
                        Value::BigInt(n) => n.to_f64().unwrap_or(f64::INFINITY),
                        _ => return Err(bad("required argument is not a float")),
                    };
                    match item.code {
                        'd' => put(field, layout.order, &number.to_le_bytes()),
                        'f' => {
                            let single = number as f32;
                            if single.is_infinite() && number.is_finite() {
                                return Err(thread.exception(
                                    "OverflowError",
                                    "float too large to pack with f format",
                                ));
                            }
                            put(field, layout.order, &single.to_le_bytes());
                        }
                        _ => {
                            let Some(half) = f64_to_f16_bits(number) else {
                                return Err(thread.exception(
                                    "OverflowError",
                                    "float too large to pack with e format",
                                ));
                            };
                            put(field, layout.order, &half.to_le_bytes());
                        }
                    }
                }
                code => {
                    let integer: Option<i128> = match value.builtin_base() {
                        Value::Int(n) => Some(i128::from(*n)),
                        Value::Bool(b) => Some(i128::from(*b)),
                        Value::BigInt(n) => {
                            Some(n.to_i128().unwrap_or(if n.sign() == num_bigint::Sign::Minus {
                                i128::MIN
                            } else {
                                i128::MAX
                            }))
                        }
                        _ => None,
                    };
                    let Some(integer) = integer else {
                        return Err(bad("required argument is not an integer"));
                    };
                    let bits = 8 * item.size as u32;
                    let signed = code.is_ascii_lowercase();
                    let fits = if signed {
                        (-(1i128 << (bits - 1))..(1i128 << (bits - 1))).contains(&integer)
                    } else {
                        (0..(1i128 << bits)).contains(&integer)
                    };
                    if !fits {
                        return Err(bad(&range_message(
                            thread.interp.version,
                            code,
                            layout.native_sizes,
                            item.size,
                        )));
                    }
                    let bytes = integer.to_le_bytes();
                    put(field, layout.order, &bytes[..item.size]);
                }
            }
        }
    }
    Ok(Value::Bytes(Arc::new(out)))
}

/// The bits of `value` as an IEEE half, rounded to nearest even; `None` when too large.
fn f64_to_f16_bits(value: f64) -> Option<u16> {
    let sign = if value.is_sign_negative() { 0x8000u16 } else { 0 };
    let magnitude = value.abs();
    if value.is_nan() {
        return Some(sign | 0x7e00);
    }
    if magnitude.is_infinite() {
        return Some(sign | 0x7c00);
    }
    // Largest half is 65504; values that round to it or below are fine.
    if magnitude >= 65520.0 {
        return None;
    }
    if magnitude < 6.103515625e-05 {
        // Subnormal: units of 2^-24.
        let units = (magnitude / 5.960464477539063e-08).round_ties_even() as u16;
        return Some(sign | units);
    }
    let exponent = magnitude.log2().floor() as i32;
    let mut exponent = exponent.clamp(-14, 15);
    let mut mantissa = magnitude / 2f64.powi(exponent) - 1.0;
    if mantissa < 0.0 {
        exponent -= 1;
        mantissa = magnitude / 2f64.powi(exponent) - 1.0;
    } else if mantissa >= 1.0 {
        exponent += 1;
        mantissa = magnitude / 2f64.powi(exponent) - 1.0;
    }
    let mut fraction = (mantissa * 1024.0).round_ties_even() as u32;
    if fraction == 1024 {
        fraction = 0;
        exponent += 1;
    }
    if exponent > 15 {
        return None;
    }
    Some(sign | (((exponent + 15) as u16) << 10) | fraction as u16)
}

fn f16_bits_to_f64(bits: u16) -> f64 {
    let sign = if bits & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = i32::from((bits >> 10) & 0x1f);
    let fraction = f64::from(bits & 0x3ff);
    sign * match exponent {
        0 => fraction * 2f64.powi(-24),
        31 if fraction == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + fraction / 1024.0) * 2f64.powi(exponent - 15),
    }
}

fn take(order: Order, field: &[u8]) -> [u8; 16] {
    let mut bytes = [0u8; 16];
    match order {
        Order::Big => field.iter().rev().enumerate().for_each(|(i, b)| bytes[i] = *b),
        _ => bytes[..field.len()].copy_from_slice(field),
    }
    bytes
}

/// `unpack(format, buffer, error)`.
fn struct_unpack(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let class = error_class(thread, args.get(2))?;
    let bad = |message: &str| error(&class, message);
    let format = format_text(thread, args.first().unwrap_or(&Value::None))?;
    let layout = layout(&format, &bad)?;
    let Some(Value::Bytes(data)) = args.get(1) else {
        let name = args
            .get(1)
            .map_or_else(|| "NoneType".to_string(), |v| crate::ops::type_name(v).to_string());
        return Err(
            thread.exception("TypeError", format!("a bytes-like object is required, not '{name}'"))
        );
    };
    if data.len() != layout.size {
        return Err(bad(&format!("unpack requires a buffer of {} bytes", layout.size)));
    }
    let mut values = Vec::new();
    for item in &layout.items {
        match item.code {
            'x' => continue,
            's' => {
                values.push(crate::bytes::value(&data[item.offset..item.offset + item.count]));
                continue;
            }
            'p' => {
                let field = &data[item.offset..item.offset + item.count];
                // A length byte, then the bytes; a field of no bytes holds none.
                let n =
                    field.first().map_or(0, |&n| (n as usize).min(item.count.saturating_sub(1)));
                values.push(crate::bytes::value(field.get(1..1 + n).unwrap_or(&[])));
                continue;
            }
            _ => {}
        }
        for index in 0..item.count {
            let at = item.offset + index * item.size;
            let field = &data[at..at + item.size];
            let bytes = take(layout.order, field);
            values.push(match item.code {
                'c' => crate::bytes::value(field),
                '?' => Value::Bool(field[0] != 0),
                'd' => Value::Float(f64::from_le_bytes(bytes[..8].try_into().unwrap())),
                'f' => Value::Float(f64::from(f32::from_le_bytes(bytes[..4].try_into().unwrap()))),
                'e' => Value::Float(f16_bits_to_f64(u16::from_le_bytes(
                    bytes[..2].try_into().unwrap(),
                ))),
                code => {
                    let raw = u128::from_le_bytes(bytes);
                    let bits = 8 * item.size as u32;
                    let integer = if code.is_ascii_lowercase() && raw >> (bits - 1) & 1 == 1 {
                        raw as i128 - (1i128 << bits)
                    } else {
                        raw as i128
                    };
                    crate::ops::normalize(BigInt::from(integer))
                }
            });
        }
    }
    Ok(Value::tuple(values))
}

/// `calcsize(format, error)`.
fn struct_calcsize(thread: &mut Thread, args: Args, _: Kwargs) -> CallResult {
    let class = error_class(thread, args.get(1))?;
    let bad = |message: &str| error(&class, message);
    let format = format_text(thread, args.first().unwrap_or(&Value::None))?;
    Ok(Value::Int(layout(&format, &bad)?.size as i64))
}
